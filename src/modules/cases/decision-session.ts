import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { badRequest } from '../../server/errors';
import { formatWareki } from '../../shared/dates';
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
  decidedOn: string,
) {
  await requireVisible(tx, context.actor, 'meetingSession', sessionId);
  const [session] = await queryRows<{ id: string; body_name: string; held_on: string }>(
    tx,
    sql`select s.id, b.name as body_name, s.held_on::text from meeting_sessions s join meeting_bodies b on b.id = s.body_id
         where s.id = ${sessionId} and s.held_on is not null and s.starts_at <= ${now()}
           and exists (select 1 from agenda_items i where i.session_id = s.id
                        and i.case_id = ${caseId} and i.removed_on is null)`,
  );
  if (!session)
    throw badRequest(
      'SESSION_NOT_FOR_CASE',
      '選んだ会議は、この事例を議題にした開催済みの会議ではありません。会議を選び直すか、空欄にしてください。',
    );
  // taken in that session: on the day it was held
  if (decidedOn !== session.held_on)
    throw badRequest(
      'DECIDED_OFF_SESSION',
      `会議で決めたことの決定日は、その会議の開催日（${formatWareki(`${session.held_on}T00:00:00+09:00`)}）にしてください。`,
    );
  return { id: session.id, bodyName: session.body_name };
}
