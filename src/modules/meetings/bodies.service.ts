import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { AppError, badRequest, conflict, notFound } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { CONFIDENTIALITY_BOUND } from '../../shared/meeting-vocabulary';
import { can, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { organisations } from '../organisations/organisations.tables';
import { memberships, users } from '../users/users.tables';
import type { Body, BodyInput, MemberInput, MemberUpdate } from './meetings.schemas';
import { meetingBodies, meetingBodyMembers, sessionAttendees } from './meetings.tables';

type BodyRow = typeof meetingBodies.$inferSelect;
type MemberRow = typeof meetingBodyMembers.$inferSelect;

export const isConfidentialityBound = (body: Pick<BodyRow, 'legalBasis'>) =>
  CONFIDENTIALITY_BOUND.includes(body.legalBasis);

export const presentMember = (m: MemberRow) => ({
  id: m.id,
  userId: m.userId,
  name: m.name,
  affiliation: m.affiliation,
  title: m.title,
  confidentialityNotifiedOn: m.confidentialityNotifiedOn,
  joinedOn: formatWestern(m.createdAt),
  leftOn: m.leftOn,
  version: m.version,
});

const presentBody = (b: BodyRow, members: MemberRow[]): Body => ({
  id: b.id,
  name: b.name,
  legalBasis: b.legalBasis,
  tier: b.tier,
  requiresConsent: b.requiresConsent,
  themesOnly: b.themesOnly,
  confidentialityBound: isConfidentialityBound(b),
  cadence: b.cadence,
  isActive: b.isActive,
  members: members.filter((m) => m.bodyId === b.id).map(presentMember),
});

/** Only bodies whose members carry a statutory duty of confidentiality may go without consent. */
function checkConsentRule(input: BodyInput) {
  if (!input.requiresConsent && !CONFIDENTIALITY_BOUND.includes(input.legalBasis)) {
    throw badRequest(
      'CONSENT_REQUIRED_BY_LAW',
      '守秘義務が法律で定められていない会議体では、本人の同意なしに事例を検討できません。「本人の同意が必要」にしてください。',
    );
  }
}

export async function requireBody(tx: Database, context: ActorContext, id: string): Promise<BodyRow> {
  const [row] = await tx
    .select()
    .from(meetingBodies)
    .where(and(eq(meetingBodies.id, id), eq(meetingBodies.tenantId, context.actor.tenantId)));
  if (!row) throw notFound('会議体');
  return row;
}

/** Meeting bodies are the municipality's set-up, not resident data: every colleague may see them. */
export async function listBodies(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'directory.read');
  const bodies = await db
    .select()
    .from(meetingBodies)
    .where(eq(meetingBodies.tenantId, context.actor.tenantId))
    .orderBy(asc(meetingBodies.createdAt));
  const members = bodies.length
    ? await db
        .select()
        .from(meetingBodyMembers)
        .where(
          inArray(
            meetingBodyMembers.bodyId,
            bodies.map((b) => b.id),
          ),
        )
        .orderBy(asc(meetingBodyMembers.createdAt))
    : [];
  return {
    items: bodies.map((b) => presentBody(b, members)),
    canRun: can(context.actor, 'meetings.run'),
  };
}

export async function createBody(db: Database, context: ActorContext, input: BodyInput) {
  requirePermission(context.actor, 'meetings.run');
  checkConsentRule(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingBodies)
      .values({ ...input, tenantId: context.actor.tenantId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, { action: 'meeting.body', targetType: 'meeting_body', targetId: row.id });
    return presentBody(row, []);
  });
}

export async function updateBody(db: Database, context: ActorContext, id: string, input: BodyInput) {
  requirePermission(context.actor, 'meetings.run');
  checkConsentRule(input);
  await db.transaction(async (tx) => {
    const before = await requireBody(tx, context, id);
    if (input.themesOnly && !before.themesOnly) await requireNoCasesComing(tx, id);
    await tx.update(meetingBodies).set(input).where(eq(meetingBodies.id, id));
    await recordAudit(tx, context, {
      action: 'meeting.body',
      targetType: 'meeting_body',
      targetId: id,
      detail: { updated: Object.keys(input) },
    });
  });
}

/** A body becomes themes-only only when none of its coming sessions has a case or an outreach record tabled. */
async function requireNoCasesComing(tx: Database, bodyId: string) {
  const [tabled] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from agenda_items a join meeting_sessions s on s.id = a.session_id
         where s.body_id = ${bodyId} and s.held_on is null and a.removed_on is null
           and (a.case_id is not null or a.outreach_record_id is not null)`,
  );
  if (tabled && tabled.n > 0)
    throw conflict(
      'BODY_HAS_CASES_TABLED',
      `これからの会議に事例が${tabled.n}件、議題として入っています。先に議題から外すか、事例を扱う会議体に移してから「事例は扱わない」にしてください。`,
    );
}

/** A user of the municipality, with the organisation they work for, as a member or attendee. */
export async function resolvePerson(
  tx: Database,
  context: ActorContext,
  input: Pick<MemberInput, 'userId' | 'name' | 'affiliation'>,
) {
  if (!input.userId) {
    if (!input.name) throw badRequest('NAME_REQUIRED', '職員を選ぶか、外部の方の氏名を入力してください。');
    return { userId: null, name: input.name, affiliation: input.affiliation };
  }
  const [user] = await tx
    .select({ id: users.id, name: users.displayName, organisation: organisations.name })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.id, input.userId), eq(users.tenantId, context.actor.tenantId)))
    .limit(1);
  if (!user) throw notFound('職員');
  if (await holdsNoMeetingRole(tx, user.id)) {
    throw conflict(
      'NOT_MEETING_STAFF',
      'システム管理者・事業担当課の職員は、会議の構成員や出席者にできません（個人の情報を見る役割ではありません）。',
    );
  }
  return { userId: user.id, name: user.name, affiliation: input.affiliation ?? user.organisation };
}

/** Administrators and program managers never see case content, so never sit at a meeting. */
const holdsNoMeetingRoleSql = (userId: SQL | string) =>
  sql`exists (select 1 from memberships mr where mr.user_id = ${userId} and mr.role in ('administrator', 'program_manager'))`;

async function holdsNoMeetingRole(tx: Database, userId: string): Promise<boolean> {
  const [row] = await queryRows<{ yes: boolean }>(tx, sql`select ${holdsNoMeetingRoleSql(userId)} as yes`);
  return row?.yes === true;
}

export async function addMember(db: Database, context: ActorContext, bodyId: string, input: MemberInput) {
  requirePermission(context.actor, 'meetings.run');
  return db.transaction(async (tx) => {
    await requireBody(tx, context, bodyId);
    const person = await resolvePerson(tx, context, input);
    if (person.userId) {
      const [existing] = await tx
        .select({ id: meetingBodyMembers.id })
        .from(meetingBodyMembers)
        .where(and(eq(meetingBodyMembers.bodyId, bodyId), eq(meetingBodyMembers.userId, person.userId)));
      if (existing) throw new AppError(409, 'ALREADY_MEMBER', `${person.name}さんはすでに構成員です。`);
    }
    const [row] = await tx
      .insert(meetingBodyMembers)
      .values({
        ...person,
        tenantId: context.actor.tenantId,
        bodyId,
        confidentialityNotifiedOn: input.confidentialityNotifiedOn,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, {
      action: 'meeting.body',
      targetType: 'meeting_body',
      targetId: bodyId,
      detail: { addedMember: row.id },
    });
    return presentMember(row);
  });
}

export async function updateMember(
  db: Database,
  context: ActorContext,
  bodyId: string,
  memberId: string,
  input: MemberUpdate,
) {
  requirePermission(context.actor, 'meetings.run');
  await db.transaction(async (tx) => {
    await requireBody(tx, context, bodyId);
    const [member] = await tx
      .select({
        id: meetingBodyMembers.id,
        userId: meetingBodyMembers.userId,
        createdAt: meetingBodyMembers.createdAt,
      })
      .from(meetingBodyMembers)
      .where(and(eq(meetingBodyMembers.id, memberId), eq(meetingBodyMembers.bodyId, bodyId)));
    if (!member) throw notFound('構成員');
    if (input.name !== undefined && member.userId) {
      throw badRequest('STAFF_NAME_FROM_ACCOUNT', '職員の構成員の氏名は、アカウントの氏名が使われます。');
    }
    if (input.leftOn) {
      const joinedOn = formatWestern(member.createdAt);
      if (input.leftOn > formatWestern(now())) {
        throw badRequest(
          'FUTURE_DATE',
          '退任の日に未来の日付は入力できません。退任の日になってから記録してください。',
        );
      }
      if (input.leftOn < joinedOn) {
        throw badRequest('LEFT_BEFORE_JOINING', '退任の日は、構成員になった日以降の日付にしてください。');
      }
    }
    await requireVersion(tx, meetingBodyMembers, memberId, input.version);
    const { version: _version, ...fields } = input;
    await tx.update(meetingBodyMembers).set(fields).where(eq(meetingBodyMembers.id, memberId));
    // 「これからの会議の出席予定者には入らなくなります」: the sessions yet to come lose them
    const removed = input.leftOn
      ? await tx
          .delete(sessionAttendees)
          .where(
            and(
              eq(sessionAttendees.memberId, memberId),
              sql`${sessionAttendees.sessionId} in (select id from meeting_sessions
                   where body_id = ${bodyId} and held_on is null and starts_at > ${now()})`,
            ),
          )
          .returning({ sessionId: sessionAttendees.sessionId })
      : [];
    await recordAudit(tx, context, {
      action: 'meeting.body',
      targetType: 'meeting_body',
      targetId: bodyId,
      detail: {
        updatedMember: memberId,
        fields: Object.keys(fields),
        ...(removed.length ? { leftSessions: removed.map((r) => r.sessionId) } : {}),
      },
    });
  });
}

/** Colleagues of the municipality with their organisation, to choose members and attendees from. */
export async function listStaff(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'meetings.run');
  const rows = await db
    .select({ id: users.id, name: users.displayName, organisation: organisations.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(users.tenantId, context.actor.tenantId),
        eq(users.isActive, true),
        sql`not ${holdsNoMeetingRoleSql(sql`${users.id}`)}`,
      ),
    )
    .orderBy(asc(organisations.name), asc(users.displayNameKana));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
}
