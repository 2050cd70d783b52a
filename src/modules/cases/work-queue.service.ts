import { eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { personName } from '../../shared/names';
import { can, requireOrganisation, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { tenants } from '../tenants/tenants.tables';
import { today } from './case-common';
import { ACTIVE_STATUSES } from './case-state';
import type { WorkItem } from './cases.schemas';

const activeList = sql.raw(`array[${ACTIVE_STATUSES.map((s) => `'${s}'`).join(',')}]::text[]`);

/**
 * What is due for the actor's organisation on 多機関協働 cases: review dates reached, plan
 * actions past their period, cases it leads with no record for the municipal number of days,
 * continued-connection contacts due, and (for coordinators) cases waiting for screening.
 */
export async function caseWorkQueue(db: Database, context: ActorContext): Promise<WorkItem[]> {
  requirePermission(context.actor, 'case_content.read');
  const org = requireOrganisation(context.actor);
  const { tenantId, userId } = context.actor;
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .select({ days: tenants.caseInactivityDays })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const day = today();
    const screening = can(context.actor, 'cases.coordinate')
      ? sql`union all
        select 'screening', c.id, c.opened_on::text, null, c.created_by_user_id = ${userId}
          from cases c where c.tenant_id = ${tenantId} and c.status in ('received', 'screening')`
      : sql``;
    const rows = await queryRows<{
      kind: WorkItem['kind'];
      case_id: string;
      due: string | null;
      detail: string | null;
      mine: boolean | null;
      family_name: string | null;
      given_name: string | null;
    }>(
      tx,
      sql`with mine as (
          select c.id, c.status, c.next_review_on, c.last_record_on, c.opened_on,
                 c.lead_organisation_id, c.lead_user_id
            from case_team_members tm join cases c on c.id = tm.case_id
           where tm.organisation_id = ${org} and tm.left_on is null and c.tenant_id = ${tenantId}
        ), items (kind, case_id, due, detail, mine) as (
          select 'review_due', id, next_review_on::text, null, lead_user_id = ${userId}
            from mine where status = 'supporting' and next_review_on <= ${day}::date
          union all
          select 'no_record', id, coalesce(last_record_on, opened_on)::text, null, lead_user_id = ${userId}
            from mine where lead_organisation_id = ${org} and status = any(${activeList})
             and coalesce(last_record_on, opened_on) <= ${day}::date - ${tenant?.days ?? 30}::int
          union all
          select 'action_overdue', m.id, a->>'until', a->>'text', a->>'userId' = ${userId}::text
            from mine m
            join lateral (select p.content from case_plans p
                           where p.case_id = m.id and p.approved_decision_id is not null
                           order by p.version desc limit 1) p on true
            cross join lateral jsonb_array_elements(p.content->'actions') a
           where m.status in ('supporting', 'evaluating') and a->>'organisationId' = ${org}::text
             and (a->>'until') < ${day}
             and not exists (select 1 from case_action_completions ac
                              where ac.case_id = m.id and ac.action_key = a->>'key')
          union all
          select 'connection_due', cc.case_id, cc.next_contact_on::text, cc.how, cc.user_id = ${userId}
            from continued_connections cc
           where cc.organisation_id = ${org} and cc.ended_on is null and cc.tenant_id = ${tenantId}
             and cc.next_contact_on <= ${day}::date
          ${screening}
        )
        select i.kind, i.case_id, i.due, i.detail, i.mine, p.family_name, p.given_name
          from items i
          join cases c on c.id = i.case_id
          left join persons p on p.id = c.concerned_person_ids[1]
         order by i.due nulls last
         limit 500`,
    );
    await recordAudit(tx, context, { action: 'case.work_queue', detail: { results: rows.length } });
    return rows.map((r) => ({
      kind: r.kind,
      caseId: r.case_id,
      personName: r.family_name ? personName({ familyName: r.family_name, givenName: r.given_name }) : null,
      due: r.due,
      detail: r.detail,
      mine: r.mine === true,
    }));
  });
}
