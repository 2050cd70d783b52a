import { eq, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { personName } from '../../shared/names';
import { can, requireOrganisation, requirePermission } from '../access/access.policy';
import { caseAccess } from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { tenants } from '../tenants/tenants.tables';
import { today } from './case-common';
import { ACTIVE_STATUSES } from './case-state';
import type { WorkItem } from './cases.schemas';

/** The work queue shows the items due soonest; the rest are counted. */
const WORK_QUEUE_LIMIT = 200;

const activeList = sql.raw(`array[${ACTIVE_STATUSES.map((s) => `'${s}'`).join(',')}]::text[]`);

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
    const [tenant] = await tx
      .select({ days: tenants.caseInactivityDays })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const day = today();
    // an organisation's work, shown only to those of its staff who may read the case: checked on
    // each part's own case row (a second look-up of every item's case cost a scan of all cases)
    const readable = caseAccess(context.actor, 'c');
    const screening = can(context.actor, 'cases.coordinate')
      ? sql`union all
        select 'screening', c.id, c.concerned_person_ids[1], c.opened_on, null, c.created_by_user_id = ${userId}
          from cases c where c.tenant_id = ${tenantId} and c.status in ('received', 'screening') and ${readable}`
      : sql``;
    const rows = await queryRows<{
      kind: WorkItem['kind'];
      case_id: string;
      due: string | null;
      detail: string | null;
      mine: boolean | null;
      family_name: string | null;
      given_name: string | null;
      total: number;
    }>(
      tx,
      sql`with items (kind, case_id, person_id, due, detail, mine) as (
          select 'review_due', c.id, c.concerned_person_ids[1], c.next_review_on, null, c.lead_user_id = ${userId}
            from cases c
           where c.lead_organisation_id = ${org} and c.status = 'supporting' and c.next_review_on <= ${day}::date
             and ${readable}
          union all
          select 'no_record', c.id, c.concerned_person_ids[1], coalesce(c.last_record_on, c.opened_on), null,
                 c.lead_user_id = ${userId}
            from cases c
           where c.lead_organisation_id = ${org} and c.status = any(${activeList})
             and coalesce(c.last_record_on, c.opened_on) <= ${day}::date - ${tenant?.days ?? 30}::int
             and ${readable}
          union all
          select 'action_overdue', c.id, c.concerned_person_ids[1], a.until, a.text, a.user_id = ${userId}
            from case_actions a
            join cases c on c.id = a.case_id and c.plan_in_force_id = a.plan_id
           where a.organisation_id = ${org} and a.in_force and a.until < ${day}::date
             and c.status in ('supporting', 'evaluating') and ${readable}
             and not exists (select 1 from case_action_completions ac
                              where ac.case_id = c.id and ac.action_key = a.action_key)
          union all
          -- the part of a partner without a login (外部の関係機関), followed up by the lead
          select 'action_overdue', c.id, c.concerned_person_ids[1], a.until, po.name || '：' || a.text,
                 c.lead_user_id = ${userId}
            from organisations po
            join case_actions a on a.organisation_id = po.id and a.in_force and a.until < ${day}::date
            join cases c on c.id = a.case_id and c.plan_in_force_id = a.plan_id
           where po.external and po.tenant_id = ${tenantId}
             and c.lead_organisation_id = ${org} and c.status in ('supporting', 'evaluating') and ${readable}
             and not exists (select 1 from case_action_completions ac
                              where ac.case_id = c.id and ac.action_key = a.action_key)
          union all
          select 'connection_due', c.id, c.concerned_person_ids[1], cc.next_contact_on, cc.how, cc.user_id = ${userId}
            from continued_connections cc join cases c on c.id = cc.case_id
           where cc.organisation_id = ${org} and cc.ended_on is null and cc.tenant_id = ${tenantId}
             and cc.next_contact_on <= ${day}::date and ${readable}
          ${screening}
        ), first as (
          select i.*, count(*) over () as total from items i order by i.due limit ${limit}
        )
        select f.kind, f.case_id, f.due::text, f.detail, f.mine, f.total::int, p.family_name, p.given_name
          from first f left join persons p on p.id = f.person_id
         order by f.due`,
    );
    await recordAudit(tx, context, {
      action: 'case.work_queue',
      detail: { results: rows.length, cases: [...new Set(rows.map((r) => r.case_id))] },
    });
    const items = rows.map((r) => ({
      kind: r.kind,
      caseId: r.case_id,
      personName: r.family_name ? personName({ familyName: r.family_name, givenName: r.given_name }) : null,
      due: r.due,
      detail: r.detail,
      mine: r.mine === true,
    }));
    return { items, total: rows[0]?.total ?? 0 };
  });
}
