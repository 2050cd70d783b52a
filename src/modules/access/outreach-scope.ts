import { eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { concernReports } from '../outreach/outreach.tables';
import { type Actor, can, requirePermission } from './access.policy';
import { requireVisible } from './resolve';

// Who sees what of アウトリーチ:
// - the outreach team (outreach workers and coordinators, `outreach.work`) sees every record of
//   the municipality: people found before they consent are nobody else's business yet;
// - the staff member who entered a report sees that it was received and followed up, never details;
// - once the person consents, the history goes with the household to whoever sees the household;
// - attendees of a 支援会議 where a record is tabled see its packet (meetings/packet.service).

export const isOutreachTeam = (actor: Actor) => can(actor, 'outreach.work');

export function requireOutreachTeam(actor: Actor): void {
  requirePermission(actor, 'outreach.work');
}

/** Reports the actor entered: the only ones whose follow-up they may know. */
export const reportsEnteredBy = (actor: Actor): SQL => eq(concernReports.enteredByUserId, actor.userId);

export async function requireHouseholdHistoryAccess(db: Database, actor: Actor, householdId: string) {
  requirePermission(actor, 'case_content.read');
  await requireVisible(db, actor, 'household', householdId);
}
