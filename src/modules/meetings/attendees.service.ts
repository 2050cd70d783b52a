import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError, notFound } from '../../server/errors';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { noFutureDate } from '../cases/case-common';
import { resolvePerson } from './bodies.service';
import type { AttendeeInput } from './meetings.schemas';
import { meetingBodyMembers, sessionAttendees } from './meetings.tables';
import { loadSession, requireNotHeld } from './sessions.service';

// 出席者: the body's members are listed when the session is made; guests are added per session.
// At a confidentiality-bound body, an attendee sees the agenda only once the day they were
// told of the duty is recorded.

const audit = (tx: Database, context: ActorContext, sessionId: string, detail: Record<string, unknown>) =>
  recordAudit(tx, context, {
    action: 'meeting.attendee',
    targetType: 'meeting_session',
    targetId: sessionId,
    detail,
  });

export async function addAttendee(
  db: Database,
  context: ActorContext,
  sessionId: string,
  input: AttendeeInput,
) {
  if (input.confidentialityNotifiedOn) noFutureDate(input.confidentialityNotifiedOn, '守秘義務を説明した日');
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, context, sessionId, 'write');
    requireNotHeld(session, '出席者を追加');
    let person: { userId: string | null; name: string; affiliation: string | null };
    let notifiedOn = input.confidentialityNotifiedOn;
    if (input.memberId) {
      const [member] = await tx
        .select()
        .from(meetingBodyMembers)
        .where(and(eq(meetingBodyMembers.id, input.memberId), eq(meetingBodyMembers.bodyId, session.bodyId)));
      if (!member) throw notFound('構成員');
      person = member;
      notifiedOn = notifiedOn ?? member.confidentialityNotifiedOn;
    } else {
      person = await resolvePerson(tx, context, input);
    }
    const existing = await tx
      .select()
      .from(sessionAttendees)
      .where(eq(sessionAttendees.sessionId, sessionId));
    const duplicate = existing.some(
      (a) =>
        (input.memberId && a.memberId === input.memberId) || (person.userId && a.userId === person.userId),
    );
    if (duplicate) throw new AppError(409, 'ALREADY_ATTENDING', `${person.name}さんはすでに出席者です。`);
    const [row] = await tx
      .insert(sessionAttendees)
      .values({
        tenantId: context.actor.tenantId,
        sessionId,
        memberId: input.memberId,
        userId: person.userId,
        name: person.name,
        affiliation: person.affiliation,
        isGuest: !input.memberId,
        confidentialityNotifiedOn: notifiedOn,
      })
      .returning({ id: sessionAttendees.id });
    await audit(tx, context, sessionId, { added: row?.id, guest: !input.memberId });
  });
}

export async function recordConfidentialityNotice(
  db: Database,
  context: ActorContext,
  sessionId: string,
  attendeeId: string,
  notifiedOn: string | null,
) {
  if (notifiedOn) noFutureDate(notifiedOn, '守秘義務を説明した日');
  await db.transaction(async (tx) => {
    await loadSession(tx, context, sessionId, 'write');
    const [row] = await tx
      .update(sessionAttendees)
      .set({ confidentialityNotifiedOn: notifiedOn })
      .where(and(eq(sessionAttendees.id, attendeeId), eq(sessionAttendees.sessionId, sessionId)))
      .returning({ id: sessionAttendees.id });
    if (!row) throw notFound('出席者');
    await audit(tx, context, sessionId, { confidentiality: attendeeId, recorded: notifiedOn !== null });
  });
}

export async function removeAttendee(
  db: Database,
  context: ActorContext,
  sessionId: string,
  attendeeId: string,
) {
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, context, sessionId, 'write');
    requireNotHeld(session, '出席者を外すことは');
    const [row] = await tx
      .delete(sessionAttendees)
      .where(and(eq(sessionAttendees.id, attendeeId), eq(sessionAttendees.sessionId, sessionId)))
      .returning({ id: sessionAttendees.id });
    if (!row) throw notFound('出席者');
    await audit(tx, context, sessionId, { removed: attendeeId });
  });
}
