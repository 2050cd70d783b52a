import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { badRequest } from '../../server/errors';
import { requireVisible } from '../access/resolve';
import type { ActorContext } from '../audit/audit.service';

/**
 * The held session, with the case on its agenda, where a decision recorded on the case page was
 * taken (the 終結 dialog links the decision to it); its body names the deciding body.
 */
export async function sessionThatTookIt(
  tx: Database,
  context: ActorContext,
  caseId: string,
  sessionId: string,
) {
  await requireVisible(tx, context.actor, 'meetingSession', sessionId);
  const [session] = await queryRows<{ id: string; body_name: string }>(
    tx,
    sql`select s.id, b.name as body_name from meeting_sessions s join meeting_bodies b on b.id = s.body_id
         where s.id = ${sessionId} and s.held_on is not null
           and exists (select 1 from agenda_items i where i.session_id = s.id
                        and i.case_id = ${caseId} and i.removed_on is null)`,
  );
  if (!session)
    throw badRequest(
      'SESSION_NOT_FOR_CASE',
      '選んだ会議は、この事例を議題にした開催済みの会議ではありません。会議を選び直すか、空欄にしてください。',
    );
  return { id: session.id, bodyName: session.body_name };
}
