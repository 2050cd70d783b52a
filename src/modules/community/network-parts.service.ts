import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { conflict, RecordNotVisible } from '../../server/errors';
import { NETWORK_LEGAL_BASES } from '../../shared/meeting-vocabulary';
import { requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { meetingBodies } from '../meetings/meetings.tables';
import { resourceOperators } from '../resources/resources.tables';
import type { BodyLinkInput, EventInput, MemberChange, MemberInput, SubgroupInput } from './networks.schemas';
import { getNetwork } from './networks.service';
import { networkBodies, networkEvents, networkMembers, networkSubgroups, networks } from './networks.tables';

// The parts of a network: 部会, members, linked meeting bodies and events. Each change is made
// within a network the actor may see, to a part of that very network, and audited with it.

type Part = PgTable & { id: PgColumn; tenantId: PgColumn; networkId: PgColumn };

const PARTS = {
  subgroup: { kind: 'network_subgroup', what: '部会' },
  member: { kind: 'network_member', what: 'ネットワークの会員' },
  body: { kind: 'network_body', what: 'ネットワークの会議体' },
  event: { kind: 'network_event', what: 'イベント・活動' },
} as const;

/** A part of this network, or the same 404 as for one that does not exist. */
async function requirePart(
  tx: Database,
  context: ActorContext,
  table: Part,
  part: keyof typeof PARTS,
  networkId: string,
  id: string,
) {
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, context.actor.tenantId), eq(table.networkId, networkId), eq(table.id, id)));
  if (!row) throw new RecordNotVisible(PARTS[part].kind, id, PARTS[part].what);
  return id;
}

/** Sub-groups named in a request must be this network's own. */
async function requireSubgroups(tx: Database, context: ActorContext, networkId: string, ids: string[]) {
  for (const id of new Set(ids)) await requirePart(tx, context, networkSubgroups, 'subgroup', networkId, id);
  return [...new Set(ids)];
}

/** Opens the write: permission, the network through the id door, the change, its audit entry. */
async function changeNetwork(
  db: Database,
  context: ActorContext,
  networkId: string,
  change: string,
  work: (tx: Database) => Promise<Record<string, unknown> | undefined>,
) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'network', networkId);
    const detail = await work(tx);
    await recordAudit(tx, context, {
      action: 'network.write',
      targetType: 'network',
      targetId: networkId,
      detail: { change, ...detail },
    });
  });
  return getNetwork(db, context, networkId);
}

async function requireFreeName(tx: Database, networkId: string, name: string, except?: string) {
  const [same] = await tx
    .select({ id: networkSubgroups.id })
    .from(networkSubgroups)
    .where(
      and(
        eq(networkSubgroups.networkId, networkId),
        eq(networkSubgroups.name, name),
        except ? ne(networkSubgroups.id, except) : undefined,
      ),
    );
  if (same)
    throw conflict('SUBGROUP_NAME_TAKEN', `「${name}」という部会はすでにあります。別の名前にしてください。`);
}

export const addSubgroup = (db: Database, context: ActorContext, networkId: string, input: SubgroupInput) =>
  changeNetwork(db, context, networkId, 'subgroup.add', async (tx) => {
    await requireFreeName(tx, networkId, input.name);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${networkSubgroups.sortOrder}) + 1, 0)::int` })
      .from(networkSubgroups)
      .where(eq(networkSubgroups.networkId, networkId));
    const [row] = await tx
      .insert(networkSubgroups)
      .values({ tenantId: context.actor.tenantId, networkId, name: input.name, sortOrder: last?.n ?? 0 })
      .returning({ id: networkSubgroups.id });
    return { subgroupId: row?.id };
  });

export const renameSubgroup = (
  db: Database,
  context: ActorContext,
  networkId: string,
  subgroupId: string,
  input: SubgroupInput,
) =>
  changeNetwork(db, context, networkId, 'subgroup.rename', async (tx) => {
    await requirePart(tx, context, networkSubgroups, 'subgroup', networkId, subgroupId);
    await requireFreeName(tx, networkId, input.name, subgroupId);
    await tx.update(networkSubgroups).set({ name: input.name }).where(eq(networkSubgroups.id, subgroupId));
    return { subgroupId };
  });

/** A 部会 still named by members, events or meeting bodies stays: removing it would lose that. */
export const removeSubgroup = (db: Database, context: ActorContext, networkId: string, subgroupId: string) =>
  changeNetwork(db, context, networkId, 'subgroup.remove', async (tx) => {
    await requirePart(tx, context, networkSubgroups, 'subgroup', networkId, subgroupId);
    const [[members], [events], [bodies], [subgroup]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(networkMembers)
        .where(
          and(
            eq(networkMembers.networkId, networkId),
            sql`${subgroupId} = any(${networkMembers.subgroupIds})`,
          ),
        ),
      tx.select({ n: count() }).from(networkEvents).where(eq(networkEvents.subgroupId, subgroupId)),
      tx.select({ n: count() }).from(networkBodies).where(eq(networkBodies.subgroupId, subgroupId)),
      tx
        .select({ name: networkSubgroups.name })
        .from(networkSubgroups)
        .where(eq(networkSubgroups.id, subgroupId)),
    ]);
    const uses = [
      [Number(members?.n ?? 0), '団体が所属'],
      [Number(events?.n ?? 0), '件のイベント・活動'],
      [Number(bodies?.n ?? 0), 'つの会議体'],
    ] as const;
    const inUse = uses.filter(([n]) => n > 0).map(([n, label]) => `${n}${label}`);
    if (inUse.length > 0)
      throw conflict(
        'SUBGROUP_IN_USE',
        `「${subgroup?.name ?? '部会'}」には、${inUse.join('、')}が結びついているため削除できません。先に会員・イベント・会議体の部会を変えてください。`,
      );
    await tx.delete(networkSubgroups).where(eq(networkSubgroups.id, subgroupId));
    return { subgroupId };
  });

export const addMember = (db: Database, context: ActorContext, networkId: string, input: MemberInput) =>
  changeNetwork(db, context, networkId, 'member.add', async (tx) => {
    const operatorId = await requireVisible(tx, context.actor, 'resourceOperator', input.operatorId);
    const subgroupIds = await requireSubgroups(tx, context, networkId, input.subgroupIds);
    const [already] = await tx
      .select({ name: resourceOperators.name })
      .from(networkMembers)
      .innerJoin(resourceOperators, eq(resourceOperators.id, networkMembers.operatorId))
      .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.operatorId, operatorId)));
    if (already) throw conflict('ALREADY_MEMBER', `「${already.name}」はすでにこのネットワークの会員です。`);
    const [row] = await tx
      .insert(networkMembers)
      .values({
        tenantId: context.actor.tenantId,
        networkId,
        operatorId,
        subgroupIds,
        joinedOn: input.joinedOn,
      })
      .returning({ id: networkMembers.id });
    return { memberId: row?.id, operatorId };
  });

export const changeMember = (
  db: Database,
  context: ActorContext,
  networkId: string,
  memberId: string,
  input: MemberChange,
) =>
  changeNetwork(db, context, networkId, 'member.change', async (tx) => {
    await requirePart(tx, context, networkMembers, 'member', networkId, memberId);
    const subgroupIds = await requireSubgroups(tx, context, networkId, input.subgroupIds);
    await tx
      .update(networkMembers)
      .set({ subgroupIds, joinedOn: input.joinedOn })
      .where(eq(networkMembers.id, memberId));
    return { memberId };
  });

export const removeMember = (db: Database, context: ActorContext, networkId: string, memberId: string) =>
  changeNetwork(db, context, networkId, 'member.remove', async (tx) => {
    await requirePart(tx, context, networkMembers, 'member', networkId, memberId);
    await tx.delete(networkMembers).where(eq(networkMembers.id, memberId));
    return { memberId };
  });

/** A meeting body of the meetings module meets for this network (one network per body). */
export const linkBody = (db: Database, context: ActorContext, networkId: string, input: BodyLinkInput) =>
  changeNetwork(db, context, networkId, 'body.link', async (tx) => {
    const bodyId = await requireVisible(tx, context.actor, 'meetingBody', input.bodyId);
    const [body] = await tx
      .select({ legalBasis: meetingBodies.legalBasis })
      .from(meetingBodies)
      .where(eq(meetingBodies.id, bodyId));
    if (!body || !NETWORK_LEGAL_BASES.includes(body.legalBasis))
      throw conflict(
        'BODY_DISCUSSES_CASES',
        '事例を話し合う会議体（重層的支援会議・支援会議など）は、ネットワークに結びつけられません。自立支援協議会や、ネットワークの会議として登録した会議体（その他）を選んでください。',
      );
    if (input.subgroupId)
      await requirePart(tx, context, networkSubgroups, 'subgroup', networkId, input.subgroupId);
    const [linked] = await tx
      .select({ network: networks.name, body: meetingBodies.name })
      .from(networkBodies)
      .innerJoin(networks, eq(networks.id, networkBodies.networkId))
      .innerJoin(meetingBodies, eq(meetingBodies.id, networkBodies.bodyId))
      .where(eq(networkBodies.bodyId, bodyId));
    if (linked)
      throw conflict(
        'BODY_ALREADY_LINKED',
        `「${linked.body}」はすでに「${linked.network}」の会議体として結びついています。`,
      );
    const [row] = await tx
      .insert(networkBodies)
      .values({ tenantId: context.actor.tenantId, networkId, bodyId, subgroupId: input.subgroupId })
      .returning({ id: networkBodies.id });
    return { linkId: row?.id, bodyId };
  });

export const unlinkBody = (db: Database, context: ActorContext, networkId: string, linkId: string) =>
  changeNetwork(db, context, networkId, 'body.unlink', async (tx) => {
    await requirePart(tx, context, networkBodies, 'body', networkId, linkId);
    await tx.delete(networkBodies).where(eq(networkBodies.id, linkId));
    return { linkId };
  });

export const addEvent = (db: Database, context: ActorContext, networkId: string, input: EventInput) =>
  changeNetwork(db, context, networkId, 'event.add', async (tx) => {
    if (input.subgroupId)
      await requirePart(tx, context, networkSubgroups, 'subgroup', networkId, input.subgroupId);
    const [row] = await tx
      .insert(networkEvents)
      .values({ ...input, tenantId: context.actor.tenantId, networkId, userId: context.actor.userId })
      .returning({ id: networkEvents.id });
    return { eventId: row?.id };
  });

export const changeEvent = (
  db: Database,
  context: ActorContext,
  networkId: string,
  eventId: string,
  input: EventInput,
) =>
  changeNetwork(db, context, networkId, 'event.change', async (tx) => {
    await requirePart(tx, context, networkEvents, 'event', networkId, eventId);
    if (input.subgroupId)
      await requirePart(tx, context, networkSubgroups, 'subgroup', networkId, input.subgroupId);
    await tx.update(networkEvents).set(input).where(eq(networkEvents.id, eventId));
    return { eventId };
  });

export const removeEvent = (db: Database, context: ActorContext, networkId: string, eventId: string) =>
  changeNetwork(db, context, networkId, 'event.remove', async (tx) => {
    await requirePart(tx, context, networkEvents, 'event', networkId, eventId);
    await tx.delete(networkEvents).where(eq(networkEvents.id, eventId));
    return { eventId };
  });
