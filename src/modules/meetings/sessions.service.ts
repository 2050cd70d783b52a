import { and, asc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { AppError, badRequest, notFound } from '../../server/errors';
import { addDays, formatWareki, formatWestern } from '../../shared/dates';
import type { SessionState } from '../../shared/meeting-vocabulary';
import { can, requirePermission } from '../access/access.policy';
import { agendaAccess, packetWindowOpen, sessionAccess } from '../access/meeting-scope';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { noFutureDate, today } from '../cases/case-common';
import { tenants } from '../tenants/tenants.tables';
import { agendaOf } from './agenda.service';
import { isConfidentialityBound, requireBody } from './bodies.service';
import type {
  Session,
  SessionInput,
  SessionListQuery,
  SessionSummary,
  SessionUpdate,
} from './meetings.schemas';
import {
  agendaDecisions,
  meetingBodies,
  meetingBodyMembers,
  meetingSessions,
  sessionAttendees,
} from './meetings.tables';
import { snapshotPackets } from './packet-content';

export type SessionRow = typeof meetingSessions.$inferSelect;
type BodyRow = typeof meetingBodies.$inferSelect;
const SESSION = '"meeting_sessions"';
const BODY = '"meeting_bodies"';

export const stateOf = (s: Pick<SessionRow, 'heldOn' | 'preparedAt'>): SessionState =>
  s.heldOn ? 'held' : s.preparedAt ? 'prepared' : 'planned';

/** The session's packet window: fixed at 資料配付, before that the municipality's current setting. */
export async function packetWindowDays(
  tx: Database,
  session: { tenantId: string; packetWindowDays: number | null },
): Promise<number> {
  if (session.packetWindowDays !== null) return session.packetWindowDays;
  const [row] = await tx
    .select({ days: tenants.packetWindowDays })
    .from(tenants)
    .where(eq(tenants.id, session.tenantId));
  return row?.days ?? 14;
}

/** 資料配付 (again): the packets as they stand now, and the window as the municipality sets it now. */
async function distributePackets(tx: Database, context: ActorContext, session: SessionRow) {
  const windowDays = await packetWindowDays(tx, { ...session, packetWindowDays: null });
  await tx
    .update(meetingSessions)
    .set({ preparedAt: now(), packetWindowDays: windowDays })
    .where(eq(meetingSessions.id, session.id));
  await snapshotPackets(tx, context, session.id);
}

/**
 * The session with its body, if the actor may see it (404 otherwise), and whether they may see
 * its agenda and packets. For writes the session row is locked until the transaction ends.
 */
export async function loadSession(tx: Database, context: ActorContext, id: string, mode: 'read' | 'write') {
  if (mode === 'write') requirePermission(context.actor, 'meetings.run');
  const [row] = await tx
    .select({
      session: meetingSessions,
      body: meetingBodies,
      agendaVisible: sql<boolean>`${agendaAccess(context.actor, SESSION, BODY)}`,
    })
    .from(meetingSessions)
    .innerJoin(meetingBodies, eq(meetingBodies.id, meetingSessions.bodyId))
    .where(and(eq(meetingSessions.id, id), sessionAccess(context.actor, SESSION)));
  if (row && mode === 'write') {
    await tx.execute(sql`select 1 from meeting_sessions where id = ${id} for update`);
  }
  if (!row) throw notFound('会議');
  return row;
}

export function requireNotHeld(session: SessionRow, doing: string): void {
  if (session.heldOn) {
    throw new AppError(409, 'SESSION_HELD', `開催済みの会議では${doing}できません。`);
  }
}

type SummaryRow = {
  id: string;
  body_id: string;
  body_name: string;
  legal_basis: BodyRow['legalBasis'];
  starts_at: Date | string;
  place: string | null;
  online: boolean;
  prepared_at: Date | string | null;
  held_on: string | null;
  case_count: number;
  topic_count: number;
};

const presentSummary = (r: SummaryRow, at = now()): SessionSummary => ({
  id: r.id,
  bodyId: r.body_id,
  bodyName: r.body_name,
  legalBasis: r.legal_basis,
  startsAt: new Date(r.starts_at).toISOString(),
  place: r.place,
  online: r.online,
  state: stateOf({ heldOn: r.held_on, preparedAt: r.prepared_at ? new Date(r.prepared_at) : null }),
  awaitingRecord: !r.held_on && new Date(r.starts_at) < at,
  heldOn: r.held_on,
  caseCount: Number(r.case_count),
  topicCount: Number(r.topic_count),
});

export async function listSessions(db: Database, context: ActorContext, query: SessionListQuery) {
  requirePermission(context.actor, 'directory.read');
  const at = now();
  if (query.bodyId) await requireVisible(db, context.actor, 'meetingBody', query.bodyId);
  if (query.caseId) await requireVisible(db, context.actor, 'case', query.caseId);
  const when =
    query.when === 'upcoming'
      ? sql`s.held_on is null and s.starts_at >= ${at.toISOString()}::timestamptz`
      : query.when === 'awaiting'
        ? sql`s.held_on is null and s.starts_at < ${at.toISOString()}::timestamptz`
        : query.when === 'past'
          ? sql`s.held_on is not null`
          : sql`true`;
  const order = query.when === 'upcoming' ? sql`s.starts_at asc` : sql`s.starts_at desc`;
  return db.transaction(async (tx) => {
    const rows = await queryRows<SummaryRow>(
      tx,
      sql`select s.id, s.body_id, b.name as body_name, b.legal_basis, s.starts_at, s.place, s.online,
            s.prepared_at, s.held_on::text,
            (select count(*) from agenda_items i where i.session_id = s.id and i.case_id is not null and i.removed_on is null) as case_count,
            (select count(*) from agenda_items i where i.session_id = s.id and i.case_id is null) as topic_count
          from meeting_sessions s join meeting_bodies b on b.id = s.body_id
          where ${sessionAccess(context.actor, 's')} and ${when}
            ${query.bodyId ? sql`and s.body_id = ${query.bodyId}` : sql``}
            ${
              query.caseId
                ? sql`and exists (select 1 from agenda_items t where t.session_id = s.id
                                   and t.case_id = ${query.caseId} and t.removed_on is null)`
                : sql``
            }
          order by ${order}
          limit 200`,
    );
    await recordAudit(tx, context, {
      action: 'meeting.session_list',
      detail: { when: query.when, results: rows.length, ids: rows.map((r) => r.id), at: at.toISOString() },
    });
    return { items: rows.map((r) => presentSummary(r, at)), canRun: can(context.actor, 'meetings.run') };
  });
}

export async function createSession(db: Database, context: ActorContext, input: SessionInput) {
  requirePermission(context.actor, 'meetings.run');
  return db.transaction(async (tx) => {
    const body = await requireBody(tx, context, input.bodyId);
    if (!body.isActive) throw new AppError(409, 'BODY_INACTIVE', `${body.name}は現在使われていません。`);
    const [row] = await tx
      .insert(meetingSessions)
      .values({
        tenantId: context.actor.tenantId,
        bodyId: body.id,
        startsAt: new Date(input.startsAt),
        place: input.place,
        online: input.online,
        createdByUserId: context.actor.userId,
      })
      .returning({ id: meetingSessions.id });
    if (!row) throw new Error('insert returned nothing');
    // The body's current members are the expected attendees; guests are added per session.
    const members = await tx
      .select()
      .from(meetingBodyMembers)
      .where(and(eq(meetingBodyMembers.bodyId, body.id), sql`${meetingBodyMembers.leftOn} is null`))
      .orderBy(asc(meetingBodyMembers.createdAt));
    if (members.length) {
      await tx.insert(sessionAttendees).values(
        members.map((m) => ({
          tenantId: context.actor.tenantId,
          sessionId: row.id,
          memberId: m.id,
          userId: m.userId,
          name: m.name,
          affiliation: m.affiliation,
          confidentialityNotifiedOn: m.confidentialityNotifiedOn,
        })),
      );
    }
    await recordAudit(tx, context, {
      action: 'meeting.session',
      targetType: 'meeting_session',
      targetId: row.id,
      detail: { step: 'create', bodyId: body.id },
    });
    return row.id;
  });
}

export async function updateSession(db: Database, context: ActorContext, id: string, input: SessionUpdate) {
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, context, id, 'write');
    const { startsAt, version, ...rest } = input;
    await requireVersion(tx, meetingSessions, id, version);
    // its day dates what was decided in it: fixed once it is held or a decision is recorded
    if (startsAt && new Date(startsAt).getTime() !== session.startsAt.getTime()) {
      requireNotHeld(session, '開催日時を変えることは');
      const [decided] = await tx
        .select({ id: agendaDecisions.id })
        .from(agendaDecisions)
        .where(eq(agendaDecisions.sessionId, id))
        .limit(1);
      if (decided)
        throw new AppError(409, 'SESSION_HAS_DECISIONS', '決定を記録した会議の開催日時は変えられません。');
    }
    const changes = { ...rest, ...(startsAt ? { startsAt: new Date(startsAt) } : {}) };
    // a change that names no field changes nothing (and moves no version)
    if (Object.keys(changes).length > 0) {
      await tx.update(meetingSessions).set(changes).where(eq(meetingSessions.id, id));
    }
    await recordAudit(tx, context, {
      action: 'meeting.session',
      targetType: 'meeting_session',
      targetId: id,
      detail: { step: 'update', fields: Object.keys(input).filter((k) => k !== 'version') },
    });
  });
}

/** 資料配付: the packets of the tabled cases open to the attendees from now. */
export async function prepareSession(db: Database, context: ActorContext, id: string) {
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, context, id, 'write');
    requireNotHeld(session, '資料を配付');
    await distributePackets(tx, context, session);
    await recordAudit(tx, context, {
      action: 'meeting.session',
      targetType: 'meeting_session',
      targetId: id,
      detail: { step: session.preparedAt ? 'redistribute' : 'prepare' },
    });
  });
}

/** 開催済み: from this day the packet window counts down. */
export async function markHeld(db: Database, context: ActorContext, id: string, heldOn: string) {
  noFutureDate(heldOn, '開催日');
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, context, id, 'write');
    requireNotHeld(session, '開催の記録を');
    // held on the day it began or later: its decisions are dated by it
    if (session.startsAt > now())
      throw new AppError(409, 'SESSION_NOT_STARTED', '会議の開催日時より前に、開催済みにはできません。');
    const startedOn = formatWestern(session.startsAt);
    if (heldOn < startedOn)
      throw badRequest(
        'HELD_BEFORE_START',
        `開催日は、予定の開催日（${formatWareki(session.startsAt)}）より前にはできません。日時が変わったときは、先に会議の開催日時を直してください。`,
      );
    if (!session.preparedAt) await distributePackets(tx, context, session);
    await tx.update(meetingSessions).set({ heldOn }).where(eq(meetingSessions.id, id));
    await recordAudit(tx, context, {
      action: 'meeting.session',
      targetType: 'meeting_session',
      targetId: id,
      detail: { step: 'held' },
    });
  });
}

export async function getSession(db: Database, context: ActorContext, id: string): Promise<Session> {
  return db.transaction(async (tx) => {
    const { session, body, agendaVisible } = await loadSession(tx, context, id, 'read');
    const windowDays = await packetWindowDays(tx, session);
    const [open] = await queryRows<{ open: boolean }>(
      tx,
      sql`select ${packetWindowOpen('s', today(), windowDays)} as open from meeting_sessions s where s.id = ${id}`,
    );
    const attendees = await tx
      .select()
      .from(sessionAttendees)
      .where(eq(sessionAttendees.sessionId, id))
      .orderBy(asc(sessionAttendees.isGuest), asc(sessionAttendees.createdAt));
    // Outside those who run the meetings, the agenda's cases, notes, decisions and minutes follow
    // the packet's gate: told of the duty where the law imposes one, from 資料配付 until the window closes.
    const runs = can(context.actor, 'meetings.run');
    const hiddenReason = !agendaVisible
      ? ('confidentiality' as const)
      : runs || open?.open
        ? null
        : session.preparedAt
          ? ('window_closed' as const)
          : ('not_distributed' as const);
    const detailsVisible = hiddenReason === null;
    const { items, actionItems } = detailsVisible
      ? await agendaOf(tx, session, !runs)
      : { items: [], actionItems: [] };
    await recordAudit(tx, context, {
      action: 'meeting.session_read',
      targetType: 'meeting_session',
      targetId: id,
      detail: { agendaVisible: detailsVisible, cases: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) },
    });
    return {
      ...presentSummary({
        id: session.id,
        body_id: body.id,
        body_name: body.name,
        legal_basis: body.legalBasis,
        starts_at: session.startsAt,
        place: session.place,
        online: session.online,
        prepared_at: session.preparedAt,
        held_on: session.heldOn,
        case_count: items.filter((i) => i.caseId && !i.removedOn).length,
        topic_count: items.filter((i) => !i.caseId).length,
      }),
      minutes: detailsVisible ? session.minutes : null,
      version: session.version,
      preparedAt: session.preparedAt?.toISOString() ?? null,
      requiresConsent: body.requiresConsent,
      themesOnly: body.themesOnly,
      confidentialityBound: isConfidentialityBound(body),
      tier: body.tier,
      packetWindowEndsOn: session.heldOn ? addDays(session.heldOn, windowDays) : null,
      canRun: runs,
      agendaVisible: detailsVisible,
      agendaHiddenReason: hiddenReason,
      packetsOpen: open?.open === true,
      attendees: attendees.map((a) => ({
        id: a.id,
        memberId: a.memberId,
        userId: a.userId,
        name: a.name,
        affiliation: a.affiliation,
        isGuest: a.isGuest,
        confidentialityNotifiedOn: a.confidentialityNotifiedOn,
      })),
      items,
      actionItems,
    };
  });
}
