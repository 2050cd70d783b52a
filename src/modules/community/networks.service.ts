import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Database, readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import { can, requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { resourceOperators } from '../resources/resources.tables';
import { networkSessions } from './network-sessions';
import type { Network, NetworkInput, NetworkSummary, NetworkUpdate } from './networks.schemas';
import { networkBodies, networkEvents, networkMembers, networkSubgroups, networks } from './networks.tables';

/** The fiscal year asked for, or the one today falls in. */
export const fiscalYearOrNow = (fiscalYear: number | undefined) => fiscalYear ?? fiscalYearOf(now());

/** The fiscal year (April–March) a date column falls in, in SQL. */
export const fiscalYearSql = (column: PgColumn) =>
  sql<number>`(extract(year from (${column} - interval '3 months')))::int`;

/** ネットワーク: each with its members, 部会 and the events of the fiscal year. */
export async function listNetworks(db: Database, context: ActorContext, fiscalYear?: number) {
  requirePermission(context.actor, 'community.read');
  const { tenantId } = context.actor;
  const year = fiscalYearOrNow(fiscalYear);
  const range = fiscalYearRange(year);
  return readTransaction(db, async (tx) => {
    const rows = await tx
      .select()
      .from(networks)
      .where(eq(networks.tenantId, tenantId))
      .orderBy(asc(networks.name));
    const ids = rows.map((r) => r.id);
    const [subgroups, members, events, bodies] = ids.length
      ? await Promise.all([
          tx
            .select()
            .from(networkSubgroups)
            .where(and(eq(networkSubgroups.tenantId, tenantId), inArray(networkSubgroups.networkId, ids)))
            .orderBy(asc(networkSubgroups.sortOrder), asc(networkSubgroups.name)),
          tx
            .select({ networkId: networkMembers.networkId, subgroupIds: networkMembers.subgroupIds })
            .from(networkMembers)
            .where(and(eq(networkMembers.tenantId, tenantId), inArray(networkMembers.networkId, ids))),
          tx
            .select({
              networkId: networkEvents.networkId,
              events: count(),
              participants: sql<number>`coalesce(sum(${networkEvents.participants}), 0)::int`,
            })
            .from(networkEvents)
            .where(
              and(
                eq(networkEvents.tenantId, tenantId),
                inArray(networkEvents.networkId, ids),
                sql`${networkEvents.heldOn} between ${range.from}::date and ${range.to}::date`,
              ),
            )
            .groupBy(networkEvents.networkId),
          tx
            .select({ networkId: networkBodies.networkId, bodies: count() })
            .from(networkBodies)
            .where(and(eq(networkBodies.tenantId, tenantId), inArray(networkBodies.networkId, ids)))
            .groupBy(networkBodies.networkId),
        ])
      : [[], [], [], []];
    const list = rows.map((n): NetworkSummary => {
      const ofNetwork = members.filter((m) => m.networkId === n.id);
      const yearly = events.find((e) => e.networkId === n.id);
      return {
        id: n.id,
        name: n.name,
        description: n.description,
        memberCount: ofNetwork.length,
        subgroups: subgroups
          .filter((s) => s.networkId === n.id)
          .map((s) => ({
            id: s.id,
            name: s.name,
            memberCount: ofNetwork.filter((m) => m.subgroupIds.includes(s.id)).length,
          })),
        eventsThisYear: Number(yearly?.events ?? 0),
        participantsThisYear: Number(yearly?.participants ?? 0),
        bodyCount: Number(bodies.find((b) => b.networkId === n.id)?.bodies ?? 0),
      };
    });
    await recordAudit(tx, context, {
      action: 'network.read',
      targetType: 'network',
      detail: { ids, fiscalYear: year },
    });
    return {
      fiscalYear: year,
      fiscalYearLabel: fiscalYearLabel(year),
      networks: list,
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

/** One network as its page shows it: the events and meetings of one fiscal year. */
export async function getNetwork(
  db: Database,
  context: ActorContext,
  id: string,
  fiscalYear?: number,
): Promise<Network> {
  requirePermission(context.actor, 'community.read');
  const { tenantId } = context.actor;
  const year = fiscalYearOrNow(fiscalYear);
  const range = fiscalYearRange(year);
  return readTransaction(db, async (tx) => {
    await requireVisible(tx, context.actor, 'network', id);
    const [network] = await tx.select().from(networks).where(eq(networks.id, id));
    if (!network) throw new Error('visible network not found');
    const inNetwork = (t: { tenantId: PgColumn; networkId: PgColumn }) =>
      and(eq(t.tenantId, tenantId), eq(t.networkId, id));
    const [subgroups, members, events, bodies, years] = await Promise.all([
      tx
        .select()
        .from(networkSubgroups)
        .where(inNetwork(networkSubgroups))
        .orderBy(asc(networkSubgroups.sortOrder), asc(networkSubgroups.name)),
      tx
        .select({
          m: networkMembers,
          operatorName: resourceOperators.name,
          operatorKind: resourceOperators.kind,
        })
        .from(networkMembers)
        .innerJoin(resourceOperators, eq(resourceOperators.id, networkMembers.operatorId))
        .where(inNetwork(networkMembers))
        .orderBy(asc(resourceOperators.name)),
      tx
        .select()
        .from(networkEvents)
        .where(
          and(
            inNetwork(networkEvents),
            sql`${networkEvents.heldOn} between ${range.from}::date and ${range.to}::date`,
          ),
        )
        .orderBy(sql`${networkEvents.heldOn} desc`, asc(networkEvents.title)),
      networkSessions(tx, tenantId, id, range),
      tx
        .select({
          fiscalYear: fiscalYearSql(networkEvents.heldOn),
          events: count(),
          participants: sql<number>`coalesce(sum(${networkEvents.participants}), 0)::int`,
        })
        .from(networkEvents)
        .where(inNetwork(networkEvents))
        .groupBy(fiscalYearSql(networkEvents.heldOn))
        .orderBy(sql`1 desc`),
    ]);
    const [allEvents, allBodies] = await Promise.all([
      tx
        .select({ subgroupId: networkEvents.subgroupId, n: count() })
        .from(networkEvents)
        .where(inNetwork(networkEvents))
        .groupBy(networkEvents.subgroupId),
      tx.select({ subgroupId: networkBodies.subgroupId }).from(networkBodies).where(inNetwork(networkBodies)),
    ]);
    await recordAudit(tx, context, {
      action: 'network.read',
      targetType: 'network',
      targetId: id,
      detail: { fiscalYear: year },
    });
    return {
      id: network.id,
      name: network.name,
      description: network.description,
      version: network.version,
      fiscalYear: year,
      fiscalYearLabel: fiscalYearLabel(year),
      subgroups: subgroups.map((s) => ({
        id: s.id,
        name: s.name,
        memberCount: members.filter(({ m }) => m.subgroupIds.includes(s.id)).length,
        eventCount: Number(allEvents.find((e) => e.subgroupId === s.id)?.n ?? 0),
        bodyCount: allBodies.filter((b) => b.subgroupId === s.id).length,
      })),
      members: members.map(({ m, operatorName, operatorKind }) => ({
        id: m.id,
        operatorId: m.operatorId,
        operatorName,
        operatorKind,
        subgroupIds: m.subgroupIds,
        joinedOn: m.joinedOn,
      })),
      bodies,
      events: events.map((e) => ({
        id: e.id,
        heldOn: e.heldOn,
        title: e.title,
        subgroupId: e.subgroupId,
        participants: e.participants,
        notes: e.notes,
      })),
      years: years.map((y) => ({
        fiscalYear: Number(y.fiscalYear),
        label: fiscalYearLabel(Number(y.fiscalYear)),
        events: Number(y.events),
        participants: Number(y.participants),
      })),
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

export async function createNetwork(db: Database, context: ActorContext, input: NetworkInput) {
  requirePermission(context.actor, 'community.work');
  const { tenantId, userId } = context.actor;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networks)
      .values({ tenantId, name: input.name, description: input.description, updatedByUserId: userId })
      .returning({ id: networks.id });
    if (!row) throw new Error('insert returned nothing');
    if (input.subgroups.length > 0)
      await tx
        .insert(networkSubgroups)
        .values(input.subgroups.map((name, sortOrder) => ({ tenantId, networkId: row.id, name, sortOrder })));
    await recordAudit(tx, context, {
      action: 'network.write',
      targetType: 'network',
      targetId: row.id,
      detail: { change: 'create', subgroups: input.subgroups.length },
    });
    return row.id;
  });
  return getNetwork(db, context, id);
}

/** Changes only what is sent; a change made to an older version is refused (409). */
export async function updateNetwork(db: Database, context: ActorContext, id: string, input: NetworkUpdate) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'network', id);
    const { version, ...changes } = input;
    await requireVersion(tx, networks, id, version);
    if (Object.keys(changes).length > 0) await tx.update(networks).set(changes).where(eq(networks.id, id));
    await recordAudit(tx, context, {
      action: 'network.write',
      targetType: 'network',
      targetId: id,
      detail: { change: 'update', fields: Object.keys(changes) },
    });
  });
  return getNetwork(db, context, id);
}
