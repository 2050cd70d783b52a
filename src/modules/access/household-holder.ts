import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { AppError } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { type Actor, can } from './access.policy';
import { householdContactVisible } from './case-scope';

/**
 * Changing who belongs to a household, or recording a consultation about a household with no
 * person named, is for those who hold the household's record: their own work with it, a
 * member's consent that covers their organisation (both open its address), the lead of a case
 * about it, or a coordinator. Seeing the household through a referral or a team is not enough:
 * either act would give lasting access that the referral or the team does not.
 */
export async function requireHouseholdHolder(
  tx: Database,
  actor: Actor,
  householdId: string,
  action: string,
) {
  if (can(actor, 'cases.coordinate')) return;
  const [row] = await queryRows<{ holder: boolean }>(
    tx,
    sql`select (${householdContactVisible(actor, sql`${householdId}::uuid`, formatWestern(now()))}
                or exists (select 1 from cases c where c.household_id = ${householdId}
                           and c.lead_organisation_id = ${actor.organisationId})) as holder`,
  );
  if (!row?.holder)
    throw new AppError(
      403,
      'NOT_RECORD_HOLDER',
      `${action}は、世帯の記録を持つ機関（登録した機関・相談を受けた機関・同意のある機関・事例の主担当）かコーディネーターが行います。コーディネーターに依頼してください。`,
    );
}
