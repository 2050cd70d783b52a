import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { badRequest } from '../../server/errors';
import { addDays, formatWestern } from '../../shared/dates';
import { can, requirePermission } from '../access/access.policy';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';
import type {
  Resource,
  ResourceFilter,
  ResourceInput,
  ResourceUpdate,
  VerifyInput,
} from './resources.schemas';
import { resourceOperators, resources } from './resources.tables';

type ResourceRow = typeof resources.$inferSelect;

/** The municipal number of days after which a resource's information counts as unverified. */
export async function verifyDaysOf(tx: Database, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ days: tenants.resourceVerifyDays })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.days ?? 365;
}

export const staleBefore = (verifyDays: number) => addDays(formatWestern(now()), -verifyDays);

function requirePlacesWithinCapacity(
  capacity: number | null | undefined,
  placesFree: number | null | undefined,
) {
  if (capacity != null && placesFree != null && placesFree > capacity)
    throw badRequest(
      'PLACES_OVER_CAPACITY',
      `空き（${placesFree}人）が定員（${capacity}人）を超えています。確かめてください。`,
    );
}

export function presentResource(
  row: ResourceRow,
  extra: { operatorName: string; areaName: string | null; verifiedBy: string | null },
  verifyDays: number,
): Resource {
  return {
    id: row.id,
    operatorId: row.operatorId,
    operatorName: extra.operatorName,
    name: row.name,
    kinds: row.kinds,
    description: row.description,
    areaId: row.areaId,
    areaName: extra.areaName,
    address: row.address,
    schedule: row.schedule,
    irregular: row.irregular,
    scheduleNote: row.scheduleNote,
    forEveryone: row.forEveryone,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    targetAttributes: row.targetAttributes,
    activities: row.activities,
    free: row.free,
    costNote: row.costNote,
    accessibility: row.accessibility,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    receivingSupport: row.receivingSupport,
    capacity: row.capacity,
    placesFree: row.placesFree,
    status: row.status,
    verifiedOn: row.verifiedOn,
    verifiedBy: extra.verifiedBy,
    stale: row.status !== 'ended' && (row.verifiedOn === null || row.verifiedOn < staleBefore(verifyDays)),
    version: row.version,
  };
}

async function selectResources(tx: Database, tenantId: string, where: SQL | undefined, verifyDays: number) {
  const rows = await tx
    .select({
      r: resources,
      operatorName: resourceOperators.name,
      areaName: areas.name,
      verifiedBy: users.displayName,
    })
    .from(resources)
    .innerJoin(resourceOperators, eq(resourceOperators.id, resources.operatorId))
    .leftJoin(areas, eq(areas.id, resources.areaId))
    .leftJoin(users, eq(users.id, resources.verifiedByUserId))
    .where(and(eq(resources.tenantId, tenantId), where))
    .orderBy(asc(areas.sortOrder), asc(resources.name));
  return rows.map(({ r, ...extra }) => presentResource(r, extra, verifyDays));
}

/** The directory; anyone at work may read it (it holds nothing about residents). */
export async function listResources(db: Database, context: ActorContext, filter: ResourceFilter) {
  requirePermission(context.actor, 'directory.read');
  const { tenantId } = context.actor;
  return readTransaction(db, async (tx) => {
    await requireVisibleIfGiven(tx, context.actor, 'area', filter.areaId);
    const verifyDays = await verifyDaysOf(tx, tenantId);
    const conditions: SQL[] = [];
    if (filter.kind) conditions.push(sql`${filter.kind} = any(${resources.kinds})`);
    if (filter.areaId) conditions.push(eq(resources.areaId, filter.areaId));
    if (filter.status) conditions.push(eq(resources.status, filter.status));
    if (filter.weekday !== undefined)
      conditions.push(
        sql`(${resources.irregular} or ${resources.schedule} @> ${JSON.stringify([{ weekday: filter.weekday }])}::jsonb)`,
      );
    if (filter.stale)
      conditions.push(
        sql`${resources.status} <> 'ended' and (${resources.verifiedOn} is null or ${resources.verifiedOn} < ${staleBefore(verifyDays)}::date)`,
      );
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      conditions.push(
        sql`(${resources.name} ilike ${pattern} or ${resourceOperators.name} ilike ${pattern} or ${resources.description} ilike ${pattern})`,
      );
    }
    const list = await selectResources(tx, tenantId, and(...conditions), verifyDays);
    return { resources: list, canManage: can(context.actor, 'resources.manage'), verifyDays };
  });
}

export async function getResource(db: Database, context: ActorContext, id: string): Promise<Resource> {
  requirePermission(context.actor, 'directory.read');
  return readTransaction(db, async (tx) => {
    await requireVisible(tx, context.actor, 'resource', id);
    const verifyDays = await verifyDaysOf(tx, context.actor.tenantId);
    const [found] = await selectResources(tx, context.actor.tenantId, eq(resources.id, id), verifyDays);
    if (!found) throw new Error('resource vanished inside its transaction');
    return found;
  });
}

async function resolveReferences(
  tx: Database,
  context: ActorContext,
  input: { operatorId?: string; areaId?: string | null },
) {
  if (input.operatorId) await requireVisible(tx, context.actor, 'resourceOperator', input.operatorId);
  await requireVisibleIfGiven(tx, context.actor, 'area', input.areaId);
}

export async function createResource(db: Database, context: ActorContext, input: ResourceInput) {
  requirePermission(context.actor, 'resources.manage');
  requirePlacesWithinCapacity(input.capacity, input.placesFree);
  const id = await db.transaction(async (tx) => {
    await resolveReferences(tx, context, input);
    const [row] = await tx
      .insert(resources)
      .values({
        ...input,
        tenantId: context.actor.tenantId,
        verifiedOn: formatWestern(now()),
        verifiedByUserId: context.actor.userId,
      })
      .returning({ id: resources.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, { action: 'resource.create', targetType: 'resource', targetId: row.id });
    return row.id;
  });
  return getResource(db, context, id);
}

/** Changes only what is sent; a change made to an older version is refused (409). */
export async function updateResource(db: Database, context: ActorContext, id: string, input: ResourceUpdate) {
  requirePermission(context.actor, 'resources.manage');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'resource', id);
    const { version, ...changes } = input;
    await requireVersion(tx, resources, id, version);
    await resolveReferences(tx, context, changes);
    const [current] = await tx.select().from(resources).where(eq(resources.id, id));
    const ageMin = changes.ageMin !== undefined ? changes.ageMin : current?.ageMin;
    const ageMax = changes.ageMax !== undefined ? changes.ageMax : current?.ageMax;
    requirePlacesWithinCapacity(
      changes.capacity !== undefined ? changes.capacity : current?.capacity,
      changes.placesFree !== undefined ? changes.placesFree : current?.placesFree,
    );
    if (ageMin != null && ageMax != null && ageMin > ageMax) {
      throw badRequest('AGE_RANGE_INVERTED', '対象年齢の下限は上限以下にしてください。');
    }
    if (Object.keys(changes).length > 0) await tx.update(resources).set(changes).where(eq(resources.id, id));
    await recordAudit(tx, context, {
      action: 'resource.update',
      targetType: 'resource',
      targetId: id,
      detail: { fields: Object.keys(changes) },
    });
  });
  return getResource(db, context, id);
}

/** 最終確認日: the information was checked with the place (and its free places noted). */
export async function verifyResource(db: Database, context: ActorContext, id: string, input: VerifyInput) {
  requirePermission(context.actor, 'resources.manage');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'resource', id);
    await requireVersion(tx, resources, id, input.version);
    const [current] = await tx
      .select({ capacity: resources.capacity })
      .from(resources)
      .where(eq(resources.id, id));
    requirePlacesWithinCapacity(current?.capacity, input.placesFree);
    await tx
      .update(resources)
      .set({
        verifiedOn: input.verifiedOn,
        verifiedByUserId: context.actor.userId,
        ...(input.placesFree !== undefined ? { placesFree: input.placesFree } : {}),
        ...(input.status ? { status: input.status } : {}),
      })
      .where(eq(resources.id, id));
    await recordAudit(tx, context, { action: 'resource.verify', targetType: 'resource', targetId: id });
  });
  return getResource(db, context, id);
}
