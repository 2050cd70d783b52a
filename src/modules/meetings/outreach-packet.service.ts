import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notFound } from '../../server/errors';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { recordDetails } from '../outreach/record-details';
import { selectSummaries } from '../outreach/records.service';
import type { OutreachPacket } from './meetings.schemas';
import { agendaItems } from './meetings.tables';
import { openPacket } from './packet.service';

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
    const { sessionRef, item } = await openPacket(tx, context, sessionId, {
      column: agendaItems.outreachRecordId,
      id: recordId,
      what: '議題のアウトリーチの記録',
    });
    const [summary] = await selectSummaries(tx, context, sql`r.id = ${recordId}`);
    if (!summary) throw notFound('アウトリーチの記録');
    const details = await recordDetails(tx, [recordId]);
    await recordAudit(tx, context, {
      action: 'meeting.packet_read',
      targetType: 'outreach_record',
      targetId: recordId,
      detail: { session: sessionId },
    });
    return {
      session: sessionRef,
      itemId: item.id,
      notes: item.notes,
      record: {
        id: summary.id,
        label: summary.label,
        location: summary.location,
        risk: summary.risk,
        stage: summary.stage,
        stageSince: summary.stageSince,
        openedOn: summary.openedOn,
        lastContactOn: summary.lastContactOn,
        ...details(recordId),
      },
    };
  });
}
