import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { now } from '../../server/clock';
import { badRequest } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { type RecordKind, visibleIds } from '../access/resolve';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { type ImportIssue, type ImportResult, issue, MAX_REPORTED_ISSUES } from './directory-import.schemas';
import { importedRecordId, isUuid } from './hsds-ids';
import type { ImportedResource } from './import-checks';
import type { OperatorInput } from './resources.schemas';
import { resourceOperators, resources } from './resources.tables';

// Writes what an import (CSV or HSDS) planned, all of it in one transaction with one audit
// entry, or nothing: a plan with any problem is refused before anything is written.

export type PlannedOperator = { id: string; action: 'insert' | 'update' | 'keep'; input: OperatorInput };
export type PlannedResource = {
  id: string;
  exists: boolean;
  operatorId: string;
  areaId: string | null;
  verifiedOn: string;
  input: ImportedResource;
};
export type ImportPlan = {
  format: ImportResult['format'];
  encoding: ImportResult['encoding'];
  operators: PlannedOperator[];
  resources: PlannedResource[];
};

export const today = () => formatWestern(now());

/** Refuses the whole file when any row has a problem (400 IMPORT_INVALID, the problems as details). */
export function refuseIfAnyIssue(issues: ImportIssue[]) {
  if (issues.length === 0) return;
  const shown = issues.slice(0, MAX_REPORTED_ISSUES);
  if (issues.length > shown.length) {
    shown.push(issue(null, '（ほか）', `ほかに${issues.length - shown.length}件の誤りがあります。`));
  }
  throw badRequest(
    'IMPORT_INVALID',
    `${issues.length}件の誤りがあります。すべて直してから取り込んでください（何も取り込んでいません）。`,
    shown,
  );
}

/** The municipality's areas by name (trimmed), for rows that name their area. */
export async function areasByName(tx: Database, tenantId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(eq(areas.tenantId, tenantId))
    .orderBy(asc(areas.sortOrder), asc(areas.name));
  const byName = new Map<string, string>();
  for (const row of rows) if (!byName.has(row.name.trim())) byName.set(row.name.trim(), row.id);
  return byName;
}

/**
 * The record each id of a package stands for here (through the one door for ids): the record
 * itself when it is this municipality's, else the id derived for this municipality.
 */
export async function localIds(
  tx: Database,
  context: ActorContext,
  door: Extract<RecordKind, 'resource' | 'resourceOperator'>,
  packageIds: string[],
): Promise<Map<string, { id: string; exists: boolean }>> {
  const { actor } = context;
  const kind = door === 'resource' ? 'resource' : 'operator';
  const own = await visibleIds(tx, actor, door, packageIds.filter(isUuid));
  const derived = new Map(packageIds.map((id) => [id, importedRecordId(actor.tenantId, kind, id)]));
  const derivedSeen = await visibleIds(tx, actor, door, [...derived.values()]);
  return new Map(
    packageIds.map((packageId) => {
      if (own.has(packageId)) return [packageId, { id: packageId, exists: true }];
      const id = derived.get(packageId) ?? packageId;
      return [packageId, { id, exists: derivedSeen.has(id) }];
    }),
  );
}

const CHUNK = 200;

export async function writeImport(
  tx: Database,
  context: ActorContext,
  plan: ImportPlan,
  dryRun: boolean,
): Promise<ImportResult> {
  const result: ImportResult = {
    format: plan.format,
    dryRun,
    imported: !dryRun,
    total: plan.resources.length,
    created: plan.resources.filter((r) => !r.exists).length,
    updated: plan.resources.filter((r) => r.exists).length,
    operatorsCreated: plan.operators.filter((o) => o.action === 'insert').length,
    encoding: plan.encoding,
  };
  if (dryRun) return result;
  const { tenantId, userId } = context.actor;
  const newOperators = plan.operators.filter((o) => o.action === 'insert');
  for (let i = 0; i < newOperators.length; i += CHUNK) {
    await tx
      .insert(resourceOperators)
      .values(newOperators.slice(i, i + CHUNK).map((o) => ({ ...o.input, id: o.id, tenantId })));
  }
  for (const o of plan.operators.filter((p) => p.action === 'update')) {
    const { organisationId: _kept, ...fields } = o.input;
    await tx.update(resourceOperators).set(fields).where(eq(resourceOperators.id, o.id));
  }
  const valuesOf = (r: PlannedResource) => ({
    ...r.input,
    operatorId: r.operatorId,
    areaId: r.areaId,
    verifiedOn: r.verifiedOn,
    verifiedByUserId: userId,
  });
  const created = plan.resources.filter((r) => !r.exists);
  for (let i = 0; i < created.length; i += CHUNK) {
    await tx
      .insert(resources)
      .values(created.slice(i, i + CHUNK).map((r) => ({ ...valuesOf(r), id: r.id, tenantId })));
  }
  for (const r of plan.resources.filter((p) => p.exists)) {
    await tx.update(resources).set(valuesOf(r)).where(eq(resources.id, r.id));
  }
  await recordAudit(tx, context, {
    action: 'resource.import',
    targetType: 'resource',
    detail: {
      format: plan.format,
      created: result.created,
      updated: result.updated,
      operatorsCreated: result.operatorsCreated,
    },
  });
  return result;
}
