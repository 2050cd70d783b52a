import { sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { addDays } from '../../shared/dates';
import { personName } from '../../shared/names';
import { requirePermission } from '../access/access.policy';
import { participationAccess } from '../access/participation-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';

/** Follow-ups are shown two weeks ahead of their day, so that a contact can be arranged. */
const LOOK_AHEAD_DAYS = 14;

/** 定着支援 follow-ups of the actor's own supports that are due (or due within two weeks). */
export async function participationWorkQueue(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'case_content.read');
  const { actor } = context;
  return readTransaction(db, async (tx) => {
    const day = today();
    const rows = await queryRows<{
      follow_up_id: string;
      support_id: string;
      person_id: string;
      family_name: string;
      given_name: string | null;
      resource_name: string;
      due_on: string;
    }>(
      tx,
      sql`select f.id as follow_up_id, s.id as support_id, s.person_id, p.family_name, p.given_name,
                 r.name as resource_name, f.due_on::text
            from placement_follow_ups f
            join placements pl on pl.id = f.placement_id and pl.stage = 'started'
            join participation_supports s on s.id = pl.support_id and s.closed_on is null
            join resources r on r.id = pl.resource_id
            join persons p on p.id = s.person_id
           where f.tenant_id = ${actor.tenantId} and f.done_on is null
             and f.due_on <= ${addDays(day, LOOK_AHEAD_DAYS)}::date
             and s.coordinator_user_id = ${actor.userId} and ${participationAccess(actor, 's')}
           order by f.due_on
           limit 200`,
    );
    await recordAudit(tx, context, {
      action: 'participation.work_queue',
      detail: { ids: rows.map((r) => r.support_id), personIds: rows.map((r) => r.person_id) },
    });
    return {
      followUps: rows.map((r) => ({
        followUpId: r.follow_up_id,
        supportId: r.support_id,
        personName: personName({ familyName: r.family_name, givenName: r.given_name }),
        resourceName: r.resource_name,
        dueOn: r.due_on,
        overdue: r.due_on < day,
      })),
    };
  });
}
