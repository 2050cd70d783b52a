import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { AppError, notFound } from '../../server/errors';
import { addDays } from '../../shared/dates';
import { can } from '../access/access.policy';
import { packetWindowOpen } from '../access/meeting-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import type { Packet } from './meetings.schemas';
import { agendaItems } from './meetings.tables';
import { type CasePacketContent, casePacketContent, handedOutNotes } from './packet-content';
import { loadSession, packetWindowDays } from './sessions.service';

/**
 * The session and its agenda item, for one who may read the item's packet now: the agenda is visible to them (told of the
 * duty of confidentiality where the law imposes one), and, unless they run the meetings, the
 * packet has been handed out and its window has not closed.
 */
export async function openPacket(
  tx: Database,
  context: ActorContext,
  sessionId: string,
  tabled: {
    column: typeof agendaItems.caseId | typeof agendaItems.outreachRecordId;
    id: string;
    what: string;
  },
) {
  const { session, body, agendaVisible } = await loadSession(tx, context, sessionId, 'read');
  if (!agendaVisible) {
    throw new AppError(
      403,
      'CONFIDENTIALITY_NOT_RECORDED',
      '守秘義務の説明を受けた記録がないため、この会議の議題と資料は表示できません。会議の事務局に連絡してください。',
    );
  }
  const [item] = await tx
    .select()
    .from(agendaItems)
    .where(
      and(eq(agendaItems.sessionId, sessionId), eq(tabled.column, tabled.id), isNull(agendaItems.removedOn)),
    );
  if (!item) throw notFound(tabled.what);
  const windowDays = await packetWindowDays(tx, session);
  const live = can(context.actor, 'meetings.run');
  if (!live) {
    if (!session.preparedAt) {
      throw new AppError(403, 'PACKET_NOT_READY', '会議の資料はまだ配付されていません。');
    }
    const [open] = await queryRows<{ open: boolean }>(
      tx,
      sql`select ${packetWindowOpen('s', today(), windowDays)} as open from meeting_sessions s where s.id = ${sessionId}`,
    );
    if (!open?.open) {
      throw new AppError(
        403,
        'PACKET_WINDOW_CLOSED',
        `この会議の資料を見られる期間（開催日から${windowDays}日間）は終わりました。`,
      );
    }
    if (!item.packetSnapshot) {
      throw new AppError(
        403,
        'PACKET_NOT_READY',
        '資料の配付の後に加わった議題です。事務局が資料を配付し直すと見られます。',
      );
    }
  }
  return {
    item,
    /** Attendees see the packet as handed out; those who run the meetings see it live. */
    live,
    sessionRef: {
      id: session.id,
      bodyName: body.name,
      legalBasis: body.legalBasis,
      startsAt: session.startsAt.toISOString(),
      packetWindowEndsOn: session.heldOn ? addDays(session.heldOn, windowDays) : null,
    },
  };
}

/**
 * 会議資料: what the attendees of a session may see of a tabled case, from the session's
 * preparation until the packet window after it. At a 支援会議 (法第106条の6) this is how a case
 * without consent is shared: the packet only, never the case file. Every read is audited with
 * the session.
 */
export async function getPacket(
  db: Database,
  context: ActorContext,
  sessionId: string,
  caseId: string,
): Promise<Packet> {
  return db.transaction(async (tx) => {
    const { sessionRef, item, live } = await openPacket(tx, context, sessionId, {
      column: agendaItems.caseId,
      id: caseId,
      what: '議題の事例',
    });
    const content = live
      ? await casePacketContent(tx, caseId, item)
      : (item.packetSnapshot as CasePacketContent);
    await recordAudit(tx, context, {
      action: 'meeting.packet_read',
      targetType: 'case',
      targetId: caseId,
      detail: { session: sessionId, snapshotAt: live ? null : item.packetSnapshotAt?.toISOString() },
    });
    const notes = live ? item.notes : handedOutNotes(item.packetSnapshot);
    return { ...content, session: sessionRef, itemId: item.id, itemVersion: item.version, notes };
  });
}
