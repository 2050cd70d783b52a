import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { badRequest, conflict, notFound } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { importMappings } from '../program/program.tables';
import { type ColumnMapping, type FixedValues, mappingProblems } from './import-fields';
import { fixedValueProblems } from './import-values';
import type { Mapping, MappingInput } from './imports.schemas';

// A source's column mapping (「kintone 相談台帳」: which of its columns is 氏名, 相談日 …), saved
// so that the next file from that source maps itself. Versioned: a stale save is a 409.

type Row = typeof importMappings.$inferSelect;

const present = (row: Row): Mapping => ({
  id: row.id,
  kind: row.kind,
  source: row.source,
  columns: row.columns as ColumnMapping,
  fixed: row.fixed as FixedValues,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

export async function listMappings(db: Database, context: ActorContext): Promise<Mapping[]> {
  requirePermission(context.actor, 'records.import');
  const rows = await db
    .select()
    .from(importMappings)
    .where(eq(importMappings.tenantId, context.actor.tenantId))
    .orderBy(asc(importMappings.source), asc(importMappings.kind));
  return rows.map(present);
}

export async function saveMapping(
  db: Database,
  context: ActorContext,
  input: MappingInput,
): Promise<Mapping> {
  requirePermission(context.actor, 'records.import');
  const problems = [
    ...mappingProblems(input.kind, input.columns, Object.values(input.columns), input.fixed),
    ...fixedValueProblems(input.fixed),
  ];
  if (problems.length > 0)
    throw badRequest(
      'MAPPING_INVALID',
      problems.join(''),
      problems.map((message) => ({ path: 'columns', message })),
    );
  const { tenantId } = context.actor;
  return db.transaction(async (tx) => {
    const where = and(
      eq(importMappings.tenantId, tenantId),
      eq(importMappings.kind, input.kind),
      eq(importMappings.source, input.source),
    );
    let row: Row | undefined;
    if (input.version === null) {
      [row] = await tx
        .insert(importMappings)
        .values({
          tenantId,
          kind: input.kind,
          source: input.source,
          columns: input.columns,
          fixed: input.fixed,
        })
        .onConflictDoNothing()
        .returning();
      if (!row)
        throw conflict(
          'MAPPING_EXISTS',
          `取り込み元「${input.source}」はすでに保存されています。一覧から選んでから保存し直してください。`,
        );
    } else {
      const [saved] = await tx.select({ id: importMappings.id }).from(importMappings).where(where);
      if (!saved) throw notFound('保存した取り込み元');
      await requireVersion(tx, importMappings, saved.id, input.version);
      [row] = await tx
        .update(importMappings)
        .set({ columns: input.columns, fixed: input.fixed })
        .where(eq(importMappings.id, saved.id))
        .returning();
    }
    if (!row) throw new Error('the mapping was not saved');
    await recordAudit(tx, context, {
      action: 'import.mapping',
      targetType: 'import_mapping',
      targetId: row.id,
      detail: { kind: row.kind, fields: Object.keys(input.columns), fixed: Object.keys(input.fixed) },
    });
    return present(row);
  });
}

/** Saved sources whose every column is in this file, the one mapping the most fields first. */
export function fittingSources(mappings: Mapping[], headers: string[]): string[] {
  const present = new Set(headers);
  return mappings
    .map((m) => ({ m, headers: Object.values(m.columns) }))
    .filter(({ headers: used }) => used.length > 0 && used.every((h) => present.has(h)))
    .sort((a, b) => b.headers.length - a.headers.length)
    .map(({ m }) => m.id);
}
