import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { conflict } from '../../server/errors';
import { yearsBetween } from '../../shared/dates';
import { requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import type { ActorContext } from '../audit/audit.service';
import { participationSupports, placements } from './participation.tables';

export type SupportRow = typeof participationSupports.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;

/** The support, if the actor may see the person; locked for the rest of a write. */
export async function loadSupport(
  tx: Database,
  context: ActorContext,
  id: string,
  mode: 'read' | 'write',
): Promise<SupportRow> {
  requirePermission(context.actor, mode === 'write' ? 'case_content.write' : 'case_content.read');
  await requireVisible(tx, context.actor, 'participationSupport', id);
  const query = tx.select().from(participationSupports).where(eq(participationSupports.id, id));
  const [row] = mode === 'write' ? await query.for('update') : await query;
  if (!row) throw new Error('participation support vanished inside its transaction');
  return row;
}

/** The placement and its support, for a write by someone who may see the person. */
export async function loadPlacementForWrite(
  tx: Database,
  context: ActorContext,
  id: string,
): Promise<{ placement: PlacementRow; support: SupportRow }> {
  requirePermission(context.actor, 'case_content.write');
  await requireVisible(tx, context.actor, 'placement', id);
  const [placement] = await tx.select().from(placements).where(eq(placements.id, id)).for('update');
  if (!placement) throw new Error('placement vanished inside its transaction');
  const support = await loadSupport(tx, context, placement.supportId, 'write');
  return { placement, support };
}

export function requireOpenSupport(support: SupportRow) {
  if (support.closedOn)
    throw conflict(
      'SUPPORT_CLOSED',
      'この参加支援は終了しています。記録を続けるには、新しく参加支援を始めてください。',
    );
}

/** Age in whole years from a date or year of birth, or the lower end of an age band (40代). */
export function approximateAge(
  person: { birthDate: string | null; birthYear: number | null; ageBand: string | null },
  today: string,
): number | null {
  if (person.birthDate) return yearsBetween(person.birthDate, today);
  if (person.birthYear) return Number(today.slice(0, 4)) - person.birthYear;
  const band = person.ageBand?.match(/\d+/);
  return band ? Number(band[0]) : null;
}
