import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { areas } from '../areas/areas.tables';
import { tenants } from '../tenants/tenants.tables';
import type { Municipality, OperatorForExport, ResourceForExport } from './hsds-export';
import { resourceOperators, resources } from './resources.tables';

// The directory's rows as the exports and the public page read them: resources with the name
// of their area, and operators; always of one municipality, in the order of its areas.

export async function municipalityOf(tx: Database, tenantId: string): Promise<Municipality> {
  const [row] = await tx
    .select({ code: tenants.code, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!row) throw new Error('the municipality of the request is missing');
  return row;
}

export async function resourcesForExport(
  tx: Database,
  tenantId: string,
  where?: SQL,
  page?: { limit: number; offset: number },
): Promise<ResourceForExport[]> {
  const query = tx
    .select({ r: resources, areaName: areas.name })
    .from(resources)
    .leftJoin(areas, eq(areas.id, resources.areaId))
    .where(and(eq(resources.tenantId, tenantId), where))
    .orderBy(asc(areas.sortOrder), asc(areas.name), asc(resources.name), asc(resources.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(({ r, areaName }) => ({ ...r, areaName }));
}

export async function operatorsForExport(
  tx: Database,
  tenantId: string,
  where?: SQL,
): Promise<OperatorForExport[]> {
  return tx
    .select()
    .from(resourceOperators)
    .where(and(eq(resourceOperators.tenantId, tenantId), where))
    .orderBy(asc(resourceOperators.name), asc(resourceOperators.id));
}
