import { and, asc, count, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notFound } from '../../server/errors';
import { areas } from '../areas/areas.tables';
import { operatorsForExport, resourcesForExport } from './directory-rows';
import type { HsdsService } from './hsds.types';
import { availabilityOf, organizationOf, type ResourceForExport, serviceOf } from './hsds-export';
import { isUuid } from './hsds-ids';
import { termOf } from './hsds-vocabulary';
import type {
  HsdsServicesQuery,
  PublicDirectory,
  PublicDirectoryQuery,
  PublicResource,
} from './public-directory.schemas';
import { withPublishedDirectory } from './published-tenant';
import { resourceOperators, resources } from './resources.tables';

// What the public sees of the directory: active resources only, each with its place's phone
// and 受け入れ可／要相談, never a contact person, an e-mail, capacity or free places.

const ACTIVE = eq(resources.status, 'active');

function presentPublic(r: ResourceForExport, operatorName: string): PublicResource {
  return {
    id: r.id,
    name: r.name,
    kinds: r.kinds,
    description: r.description,
    operatorName,
    areaId: r.areaId,
    areaName: r.areaName,
    address: r.address,
    schedule: r.schedule,
    irregular: r.irregular,
    scheduleNote: r.scheduleNote,
    forEveryone: r.forEveryone,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    targetAttributes: r.targetAttributes,
    activities: r.activities,
    free: r.free,
    costNote: r.costNote,
    accessibility: r.accessibility,
    phone: r.contactPhone,
    availability: availabilityOf(r.placesFree),
    verifiedOn: r.verifiedOn,
  };
}

/** An area and every area under it (市 > 日常生活圏域 > 地区). */
function withDescendants(all: { id: string; parentId: string | null }[], rootId: string): string[] {
  const found = [rootId];
  for (let i = 0; i < found.length; i++) {
    for (const area of all) if (area.parentId === found[i]) found.push(area.id);
  }
  return found;
}

export async function publicDirectory(
  db: Database,
  tenantCode: string,
  query: PublicDirectoryQuery,
): Promise<PublicDirectory> {
  return withPublishedDirectory(db, tenantCode, async (tx, tenant) => {
    const areaRows = await tx
      .select({ id: areas.id, parentId: areas.parentId, level: areas.level, name: areas.name })
      .from(areas)
      .where(eq(areas.tenantId, tenant.id))
      .orderBy(asc(areas.sortOrder), asc(areas.name));
    const conditions: SQL[] = [ACTIVE];
    if (query.areaId) {
      if (!areaRows.some((a) => a.id === query.areaId)) throw notFound('地区');
      conditions.push(inArray(resources.areaId, withDescendants(areaRows, query.areaId)));
    }
    if (query.kind) conditions.push(sql`${query.kind} = any(${resources.kinds})`);
    if (query.weekday !== undefined)
      conditions.push(
        sql`(${resources.irregular} or ${resources.schedule} @> ${JSON.stringify([{ weekday: query.weekday }])}::jsonb)`,
      );
    if (query.target)
      conditions.push(
        sql`(${resources.forEveryone} or ${query.target} = any(${resources.targetAttributes}))`,
      );
    if (query.age !== undefined) {
      const age = query.age;
      conditions.push(
        and(
          or(isNull(resources.ageMin), lte(resources.ageMin, age)),
          or(isNull(resources.ageMax), sql`${resources.ageMax} >= ${age}`),
        ) as SQL,
      );
    }
    const rows = await resourcesForExport(tx, tenant.id, and(...conditions));
    const operatorNames = await operatorNamesOf(tx, rows);
    return {
      municipality: { code: tenant.code, name: tenant.name },
      areas: areaRows,
      resources: rows.map((r) => presentPublic(r, operatorNames.get(r.operatorId) ?? '')),
    };
  });
}

async function operatorNamesOf(tx: Database, rows: ResourceForExport[]) {
  const ids = [...new Set(rows.map((r) => r.operatorId))];
  if (ids.length === 0) return new Map<string, string>();
  const operators = await tx
    .select({ id: resourceOperators.id, name: resourceOperators.name })
    .from(resourceOperators)
    .where(inArray(resourceOperators.id, ids));
  return new Map(operators.map((o) => [o.id, o.name]));
}

/** HSDS's list of services keeps only the one-to-one fields (service_list). */
const oneToOne = (service: HsdsService) =>
  Object.fromEntries(Object.entries(service).filter(([, value]) => typeof value !== 'object')) as Pick<
    HsdsService,
    'id' | 'name' | 'status'
  >;

export async function publicHsdsServices(db: Database, tenantCode: string, query: HsdsServicesQuery) {
  return withPublishedDirectory(db, tenantCode, async (tx, tenant) => {
    const conditions: SQL[] = [ACTIVE];
    if (query.search) {
      const pattern = `%${query.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      conditions.push(sql`(${resources.name} ilike ${pattern} or ${resources.description} ilike ${pattern})`);
    }
    if (query.organization_id)
      conditions.push(
        isUuid(query.organization_id) ? eq(resources.operatorId, query.organization_id) : sql`false`,
      );
    if (query.taxonomy_term_id) {
      const named = termOf({ taxonomy_term_id: query.taxonomy_term_id });
      conditions.push(
        named?.taxonomy === 'tsunagu-resource-kind'
          ? sql`${named.code} = any(${resources.kinds})`
          : sql`false`,
      );
    }
    const where = and(...conditions);
    const [total] = await tx
      .select({ n: count() })
      .from(resources)
      .where(and(eq(resources.tenantId, tenant.id), where));
    const totalItems = Number(total?.n ?? 0);
    const rows = await resourcesForExport(tx, tenant.id, where, {
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    });
    const services = rows.map((r) => serviceOf(r, tenant, 'public'));
    const totalPages = Math.max(1, Math.ceil(totalItems / query.per_page));
    return {
      total_items: totalItems,
      total_pages: totalPages,
      page_number: query.page,
      size: services.length,
      first_page: query.page === 1,
      last_page: query.page >= totalPages,
      empty: services.length === 0,
      contents: query.full === 'true' ? services : services.map(oneToOne),
    };
  });
}

/** One active service, fully nested with its organization (no contact persons). */
export async function publicHsdsService(db: Database, tenantCode: string, id: string) {
  return withPublishedDirectory(db, tenantCode, async (tx, tenant) => {
    if (!isUuid(id)) throw notFound('社会資源');
    const [row] = await resourcesForExport(tx, tenant.id, and(ACTIVE, eq(resources.id, id)));
    if (!row) throw notFound('社会資源');
    const [operator] = await operatorsForExport(tx, tenant.id, eq(resourceOperators.id, row.operatorId));
    const service = serviceOf(row, tenant, 'public');
    return operator ? { ...service, organization: organizationOf(operator, 'public') } : service;
  });
}
