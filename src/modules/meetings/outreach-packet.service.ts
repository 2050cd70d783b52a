import type { Database } from '../../db/client';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import type { OutreachPacket } from './meetings.schemas';
import { agendaItems } from './meetings.tables';
import { openPacket } from './packet.service';
import { handedOutNotes, type OutreachPacketContent, outreachPacketContent } from './packet-content';

/**
 * 会議資料 of an outreach record tabled at a 支援会議: the reports and the contacts so far, for
 * the attendees within the packet window. Audited with the session, like a case packet.
 */
export async function getOutreachPacket(
  db: Database,
  context: ActorContext,
  sessionId: string,
  recordId: string,
): Promise<OutreachPacket> {
  return db.transaction(async (tx) => {
    const { sessionRef, item, live } = await openPacket(tx, context, sessionId, {
      column: agendaItems.outreachRecordId,
      id: recordId,
      what: '議題のアウトリーチの記録',
    });
    const content = live
      ? await outreachPacketContent(tx, context, recordId)
      : (item.packetSnapshot as OutreachPacketContent);
    await recordAudit(tx, context, {
      action: 'meeting.packet_read',
      targetType: 'outreach_record',
      targetId: recordId,
      detail: { session: sessionId },
    });
    const notes = live ? item.notes : handedOutNotes(item.packetSnapshot);
    return { session: sessionRef, itemId: item.id, notes, ...content };
  });
}
