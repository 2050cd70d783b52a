import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requirePermission } from '../access/access.policy';
import type { ActorContext } from '../audit/audit.service';
import { decodeCsv, readCsvTable } from './csv-file';
import { type CsvRow, readCsvRow } from './csv-rows';
import { type ImportIssue, type ImportResult, issue } from './directory-import.schemas';
import {
  areasByName,
  type PlannedOperator,
  type PlannedResource,
  refuseIfAnyIssue,
  today,
  writeImport,
} from './directory-import.service';
import { resourceOperators, resources } from './resources.tables';

// The directory from a spreadsheet. Operators are named (and added when new, as その他 unless
// the row says otherwise); areas are named and must exist; a row whose name and operator match
// exactly one resource of the directory updates it, any other row adds a resource.

const keyOf = (name: string, operator: string) => `${name.trim()}\u0000${operator.trim()}`;

function readRows(bytes: Uint8Array) {
  const { text, encoding } = decodeCsv(bytes);
  const table = readCsvTable(text);
  refuseIfAnyIssue(table.issues);
  const issues: ImportIssue[] = [];
  const rows: CsvRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const read = readCsvRow(cells, row);
    issues.push(...read.issues);
    if (!read.read) continue;
    const key = keyOf(read.read.input.name, read.read.operatorName);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      issues.push(issue(row, '名称', `${first}行目と同じ名称・運営団体です。1行にまとめてください。`));
      continue;
    }
    firstRowOf.set(key, row);
    rows.push(read.read);
  }
  refuseIfAnyIssue(issues);
  return { rows, encoding };
}

async function planOperators(tx: Database, tenantId: string, rows: CsvRow[]) {
  const existing = await tx
    .select({ id: resourceOperators.id, name: resourceOperators.name })
    .from(resourceOperators)
    .where(eq(resourceOperators.tenantId, tenantId));
  const idByName = new Map<string, string>();
  for (const o of existing) if (!idByName.has(o.name.trim())) idByName.set(o.name.trim(), o.id);
  const created: PlannedOperator[] = [];
  for (const row of rows) {
    if (idByName.has(row.operatorName)) continue;
    const id = randomUUID();
    idByName.set(row.operatorName, id);
    created.push({
      id,
      action: 'insert',
      input: {
        name: row.operatorName,
        kind: row.operatorKind ?? 'other',
        organisationId: null,
        phone: null,
        email: null,
        website: null,
        description: null,
      },
    });
  }
  return { idByName, created };
}

export async function importCsv(
  db: Database,
  context: ActorContext,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<ImportResult> {
  requirePermission(context.actor, 'resources.manage');
  const { rows, encoding } = readRows(bytes);
  const { tenantId } = context.actor;
  return db.transaction(async (tx) => {
    const areaIds = await areasByName(tx, tenantId);
    const operators = await planOperators(tx, tenantId, rows);
    const current = await tx
      .select({ id: resources.id, name: resources.name, operatorId: resources.operatorId })
      .from(resources)
      .where(eq(resources.tenantId, tenantId));
    const idsByKey = new Map<string, string[]>();
    for (const r of current) {
      const key = keyOf(r.name, r.operatorId);
      idsByKey.set(key, [...(idsByKey.get(key) ?? []), r.id]);
    }
    const issues: ImportIssue[] = [];
    const planned: PlannedResource[] = [];
    for (const row of rows) {
      const areaId = row.areaName ? areaIds.get(row.areaName) : null;
      if (areaId === undefined) {
        issues.push(
          issue(
            row.row,
            '地区',
            `地区「${row.areaName}」はこの自治体にありません。地区の名前を確かめてください。`,
          ),
        );
        continue;
      }
      const operatorId = operators.idByName.get(row.operatorName);
      if (!operatorId) throw new Error('an operator of the file was not planned');
      const matches = idsByKey.get(keyOf(row.input.name, operatorId)) ?? [];
      const [only] = matches;
      planned.push({
        id: matches.length === 1 && only ? only : randomUUID(),
        exists: matches.length === 1,
        operatorId,
        areaId,
        verifiedOn: today(),
        input: row.input,
      });
    }
    refuseIfAnyIssue(issues);
    return writeImport(
      tx,
      context,
      { format: 'csv', encoding, operators: operators.created, resources: planned },
      dryRun,
    );
  });
}
