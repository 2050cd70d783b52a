import { type Database, readTransaction } from '../../db/client';
import { now } from '../../server/clock';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { type ImportIssue, issue } from './directory-import.schemas';
import {
  areasByName,
  type ImportPlan,
  localIds,
  type PlannedResource,
  refuseIfAnyIssue,
  today,
  writeImport,
} from './directory-import.service';
import { municipalityOf, operatorsForExport, resourcesForExport } from './directory-rows';
import type { HsdsPackage } from './hsds.types';
import { organizationOf, serviceOf } from './hsds-export';
import { readPackage } from './hsds-package';
import { allTaxonomies, allTerms } from './hsds-vocabulary';

/** The municipality's whole directory as one HSDS 3.0 document (anyone at work may take it). */
export async function exportHsds(db: Database, context: ActorContext): Promise<HsdsPackage> {
  requirePermission(context.actor, 'directory.read');
  const { tenantId } = context.actor;
  return readTransaction(db, async (tx) => {
    const municipality = await municipalityOf(tx, tenantId);
    const [rows, operators] = [
      await resourcesForExport(tx, tenantId),
      await operatorsForExport(tx, tenantId),
    ];
    await recordAudit(tx, context, {
      action: 'resource.export',
      targetType: 'resource',
      detail: { format: 'hsds', services: rows.length, organizations: operators.length },
    });
    return {
      hsds_version: '3.0',
      generator: 'tsunagu',
      exported_at: now().toISOString(),
      municipality,
      taxonomies: allTaxonomies(),
      taxonomy_terms: allTerms(),
      organizations: operators.map((o) => organizationOf(o, 'staff')),
      services: rows.map((r) => serviceOf(r, municipality, 'staff')),
    };
  });
}

/**
 * Takes an HSDS document into the directory: a service or organization whose id is already
 * here is updated, any other is added. With any problem nothing is written (400); a dry run
 * only checks.
 */
export async function importHsds(db: Database, context: ActorContext, doc: unknown, dryRun: boolean) {
  requirePermission(context.actor, 'resources.manage');
  const reading = readPackage(doc);
  refuseIfAnyIssue(reading.issues);
  return db.transaction(async (tx) => {
    const areaIds = await areasByName(tx, context.actor.tenantId);
    const operatorIds = await localIds(
      tx,
      context,
      'resourceOperator',
      reading.operators.map((o) => o.packageId),
    );
    const resourceIds = await localIds(
      tx,
      context,
      'resource',
      reading.resources.map((r) => r.packageId),
    );
    const issues: ImportIssue[] = [];
    const planned: PlannedResource[] = [];
    for (const [i, read] of reading.resources.entries()) {
      const areaId = read.areaName ? areaIds.get(read.areaName) : null;
      if (areaId === undefined) {
        issues.push(
          issue(
            i + 1,
            `services[${i}].service_areas[0].name`,
            `地区「${read.areaName}」はこの自治体にありません。先に地区を登録するか、地区名を直してください。`,
          ),
        );
        continue;
      }
      const local = resourceIds.get(read.packageId);
      const operator = operatorIds.get(read.organizationId);
      if (!local || !operator) throw new Error('an id of the package was not resolved');
      planned.push({
        id: local.id,
        exists: local.exists,
        operatorId: operator.id,
        areaId,
        verifiedOn: read.verifiedOn ?? today(),
        input: read.input,
      });
    }
    refuseIfAnyIssue(issues);
    const plan: ImportPlan = {
      format: 'hsds',
      encoding: null,
      operators: reading.operators.map((o) => {
        const local = operatorIds.get(o.packageId);
        if (!local) throw new Error('an id of the package was not resolved');
        return { id: local.id, action: local.exists ? 'update' : 'insert', input: o.input };
      }),
      resources: planned,
    };
    return writeImport(tx, context, plan, dryRun);
  });
}
