import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError } from '../../server/errors';
import { LEGAL_BASIS_LABELS } from '../../shared/meeting-vocabulary';
import type { ActorContext } from '../audit/audit.service';
import { loadRecord, requireOpen } from '../outreach/records.service';
import { agendaItems, type meetingBodies } from './meetings.tables';

/**
 * An outreach record is about someone who has not consented: only a body whose members carry a
 * statutory duty of confidentiality (支援会議, 法第106条の6) may discuss it.
 */
export async function checkOutreachTabling(
  tx: Database,
  context: ActorContext,
  sessionId: string,
  body: typeof meetingBodies.$inferSelect,
  recordId: string,
) {
  if (body.requiresConsent) {
    throw new AppError(
      409,
      'CONSENT_REQUIRED_FOR_BODY',
      `アウトリーチの記録（本人の同意がまだない人）は「${body.name}」には諮れません。${LEGAL_BASIS_LABELS.support_meeting_106_6}で検討してください。`,
    );
  }
  requireOpen(await loadRecord(tx, context, recordId));
  const [already] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.sessionId, sessionId),
        eq(agendaItems.outreachRecordId, recordId),
        isNull(agendaItems.removedOn),
      ),
    );
  if (already) throw new AppError(409, 'ALREADY_TABLED', 'この記録はすでにこの会議の議題です。');
}
