import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can } from './access.policy';
import { personAccess } from './case-scope';

/**
 * A participation support is part of the person's record: those who may see the person (their
 * own work with them, a consent, the case team, a coordinator) may see it; nobody else, however
 * many resources they keep. `alias` names the participation_supports row in the query.
 */
export function participationAccess(actor: Actor, alias: string): SQL {
  if (!can(actor, 'case_content.read')) return sql`false`;
  return personAccess(actor, sql.raw(`${alias}."person_id"`));
}
