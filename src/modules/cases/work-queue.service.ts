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
 * What is due for the actor's organisation on 多機関協働 cases: review dates reached on its
 * team's cases, its plan actions past their period, cases it leads with no record for the
 * municipal number of days, continued-connection contacts due, and (for coordinators) cases
 * waiting for screening. Each part starts from its own index, so a coordinator who sits on
 * every team does not read every case.
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
    const onTeam = sql`exists (select 1 from case_team_members tm where tm.case_id = c.id
                                 and tm.organisation_id = ${org} and tm.left_on is null)`;
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
      sql`with items (kind, case_id, due, detail, mine) as (
          select 'review_due', c.id, c.next_review_on::text, null, c.lead_user_id = ${userId}
            from cases c
           where c.tenant_id = ${tenantId} and c.status = 'supporting' and c.next_review_on <= ${day}::date
             and ${onTeam}
          union all
          select 'no_record', c.id, coalesce(c.last_record_on, c.opened_on)::text, null, c.lead_user_id = ${userId}
            from cases c
           where c.lead_organisation_id = ${org} and c.status = any(${activeList})
             and coalesce(c.last_record_on, c.opened_on) <= ${day}::date - ${tenant?.days ?? 30}::int
          union all
          select 'action_overdue', c.id, a.until::text, a.text, a.user_id = ${userId}
            from case_actions a
            join cases c on c.plan_in_force_id = a.plan_id
           where a.organisation_id = ${org} and a.until < ${day}::date
             and c.status in ('supporting', 'evaluating')
             and not exists (select 1 from case_action_completions ac
                              where ac.case_id = c.id and ac.action_key = a.action_key)
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
