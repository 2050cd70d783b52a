import { sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { personName } from '../../shared/names';
import { can, requireOrganisation, requirePermission } from '../access/access.policy';
import { caseAccess, caseIdAccess } from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from './case-common';
import { ACTIVE_STATUS_ARRAY } from './case-state';
import type { WorkItem } from './cases.schemas';

/** The work queue shows the items due soonest; the rest are counted. */
const WORK_QUEUE_LIMIT = 200;

/**
 * What is due for the actor's organisation on 多機関協働 cases: review dates reached on cases
 * it leads (主担当 calls the evaluation), its plan actions past their period, cases it leads
 * with no record for the municipal number of days, continued-connection contacts due, and (for
 * coordinators) cases waiting for screening. Each part starts from its own index, so a
 * coordinator who sits on every team does not read every case.
 */
export async function caseWorkQueue(
  db: Database,
  context: ActorContext,
  limit = WORK_QUEUE_LIMIT,
): Promise<{ items: WorkItem[]; total: number }> {
  requirePermission(context.actor, 'case_content.read');
  const org = requireOrganisation(context.actor);
  const { tenantId, userId } = context.actor;
  return readTransaction(db, async (tx) => {
    const day = today();
    // an organisation's work, shown only to those of its staff who may read the case: checked on
    // each part's own rows (a second look-up of every item's case cost a scan of all cases)
    const readable = caseAccess(context.actor, 'c');
    const screening = can(context.actor, 'cases.coordinate')
      ? sql`union all
        select 'screening', c.id, c.opened_on, null::uuid
          from cases c where c.tenant_id = ${tenantId} and c.status in ('received', 'screening') and ${readable}`
      : sql``;
    // Every due item is counted, so each part reads only what decides whether an item is due and
    // readable; names, texts and whose item it is are read for the items shown.
    const rows = await queryRows<{
      kind: WorkItem['kind'] | 'partner_action';
      case_id: string;
      due: string | null;
      detail: string | null;
      mine: boolean | null;
      family_name: string | null;
      given_name: string | null;
      total: number;
    }>(
      tx,
      sql`with items (kind, case_id, due, source_id) as (
          select 'review_due', c.id, c.next_review_on, null::uuid
            from cases c
           where c.lead_organisation_id = ${org} and c.status = 'supporting' and c.next_review_on <= ${day}::date
             and ${readable}
          union all
          select 'no_record', c.id, coalesce(c.last_record_on, c.opened_on), null
            from cases c
           where c.lead_organisation_id = ${org} and c.status = any(${ACTIVE_STATUS_ARRAY})
             and coalesce(c.last_record_on, c.opened_on) <= ${day}::date
               - coalesce((select t.case_inactivity_days from tenants t where t.id = ${tenantId}), 30)
             and ${readable}
          union all
          -- outstanding: of the plan in force of a case in support, not done (migrations 0025, 0029)
          select 'action_overdue', a.case_id, a.until, a.id
            from case_actions a
           where a.organisation_id = ${org} and a.tenant_id = ${tenantId} and a.outstanding and a.until < ${day}::date
             and ${caseIdAccess(context.actor, sql`a.case_id`, sql`a.tenant_id`)}
          union all
          -- the part of a partner without a login (外部の関係機関), followed up by the lead
          select 'partner_action', a.case_id, a.until, a.id
            from case_actions a
            join cases c on c.id = a.case_id
           where a.organisation_id = any(array(select po.id from organisations po
                                                where po.external and po.tenant_id = ${tenantId}))
             and a.outstanding and a.until < ${day}::date
             -- the status is implied by outstanding; said again, only the lead's cases in support are hashed
             and c.lead_organisation_id = ${org} and c.status in ('supporting', 'evaluating') and ${readable}
          union all
          select 'connection_due', cc.case_id, cc.next_contact_on, cc.id
            from continued_connections cc
           where cc.organisation_id = ${org} and cc.ended_on is null and cc.tenant_id = ${tenantId}
             and cc.next_contact_on <= ${day}::date
             and ${caseIdAccess(context.actor, sql`cc.case_id`, sql`cc.tenant_id`)}
          ${screening}
        ), first as (
          select i.* from items i order by i.due limit ${limit}
        )
        -- counted apart from the first items: a count over the window kept every item a second time
        select f.kind, f.case_id, f.due::text, (select count(*) from items)::int as total, p.family_name, p.given_name,
               case f.kind when 'action_overdue' then a.text when 'partner_action' then po.name || '：' || a.text
                           when 'connection_due' then cc.how end as detail,
               case f.kind when 'action_overdue' then a.user_id when 'connection_due' then cc.user_id
                           when 'screening' then c.created_by_user_id else c.lead_user_id end = ${userId} as mine
          from first f
          -- one case at a time: the planner would otherwise read every case to join 200
          cross join lateral (select c.concerned_person_ids, c.lead_user_id, c.created_by_user_id
                                from cases c where c.id = f.case_id offset 0) c
          -- the same for the item's action or contact: a plan made for the given values would
          -- otherwise read all actions into a hash when it guesses few are wanted
          left join lateral (select a.text, a.user_id, a.organisation_id from case_actions a
                              where f.kind in ('action_overdue', 'partner_action') and a.id = f.source_id offset 0) a on true
          left join organisations po on f.kind = 'partner_action' and po.id = a.organisation_id
          left join lateral (select cc.how, cc.user_id from continued_connections cc
                              where f.kind = 'connection_due' and cc.id = f.source_id offset 0) cc on true
          left join persons p on p.id = c.concerned_person_ids[1]
         order by f.due`,
    );
    await recordAudit(tx, context, {
      action: 'case.work_queue',
      detail: { results: rows.length, cases: [...new Set(rows.map((r) => r.case_id))] },
    });
    const items = rows.map((r) => ({
      kind: r.kind === 'partner_action' ? 'action_overdue' : r.kind,
      caseId: r.case_id,
      personName: r.family_name ? personName({ familyName: r.family_name, givenName: r.given_name }) : null,
      due: r.due,
      detail: r.detail,
      mine: r.mine === true,
    }));
    return { items, total: rows[0]?.total ?? 0 };
  });
}
