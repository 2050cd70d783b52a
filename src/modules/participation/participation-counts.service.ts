import { sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { now } from '../../server/clock';
import { fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import type { ResourceKind, Wish } from '../../shared/participation-vocabulary';
import { safeCount, safeFunnel } from '../../shared/small-counts';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { WORK_KINDS } from '../program/indicator-events';
import type { ParticipationCounts } from './participation.schemas';

/**
 * KPIs of 第2号 for the program manager, per fiscal year; counts of people never go below
 * five (「5件未満」). The funnel follows the placements proposed in the year: how many reached
 * 見学 or beyond, 体験 or beyond, 参加開始, and were still taking part three months after starting.
 */
export async function participationCounts(
  db: Database,
  context: ActorContext,
  fiscalYear?: number,
): Promise<ParticipationCounts> {
  requirePermission(context.actor, 'aggregates.read');
  const year = fiscalYear ?? fiscalYearOf(now());
  const { from, to } = fiscalYearRange(year);
  const tenant = context.actor.tenantId;
  return readTransaction(db, async (tx) => {
    const [people] = await queryRows<{ people: number; connected: number; operators: number }>(
      tx,
      sql`select
            (select count(distinct s.person_id)::int from participation_supports s
              where s.tenant_id = ${tenant} and s.opened_on <= least(${to}::date, ${today()}::date)
                and (s.closed_on is null or s.closed_on >= ${from}::date)) as people,
            (select count(distinct s.person_id)::int from placements pl
               join participation_supports s on s.id = pl.support_id
              where pl.tenant_id = ${tenant} and pl.started_on between ${from}::date and ${to}::date) as connected,
            (select count(distinct r.operator_id)::int from resources r
              where r.tenant_id = ${tenant} and r.status <> 'ended' and r.kinds && ${WORK_KINDS}::text[]
                and r.created_at::date <= ${to}::date) as operators`,
    );
    const [funnel] = await queryRows<
      Record<'proposed' | 'visited' | 'trial' | 'started' | 'continued', number>
    >(
      tx,
      sql`select count(*)::int as proposed,
                 count(*) filter (where coalesce(visited_on, trial_on, started_on) is not null)::int as visited,
                 count(*) filter (where coalesce(trial_on, started_on) is not null)::int as trial,
                 count(*) filter (where started_on is not null)::int as started,
                 count(*) filter (where started_on is not null and started_on + 90 <= ${today()}::date
                   and (ended_on is null or ended_on >= started_on + 90 or end_reason = 'settled'))::int as continued
            from placements where tenant_id = ${tenant} and proposed_on between ${from}::date and ${to}::date`,
    );
    const unmet = await queryRows<{ wish: Wish; area_name: string | null; n: number }>(
      tx,
      sql`select n.wish, a.name as area_name, count(*)::int as n
            from unmet_needs n left join areas a on a.id = n.area_id
           where n.tenant_id = ${tenant} and n.recorded_on between ${from}::date and ${to}::date
           group by n.wish, a.name, a.sort_order order by a.sort_order, n.wish`,
    );
    const directory = await queryRows<{
      kind: ResourceKind;
      area_name: string | null;
      active: number;
      new_this_year: number;
      verified_this_year: number;
    }>(
      tx,
      sql`select k.kind, a.name as area_name,
                 count(*) filter (where r.status = 'active')::int as active,
                 count(*) filter (where r.created_at::date between ${from}::date and ${to}::date)::int as new_this_year,
                 count(*) filter (where r.verified_on between ${from}::date and ${to}::date)::int as verified_this_year
            from resources r cross join lateral unnest(r.kinds) as k(kind)
            left join areas a on a.id = r.area_id
           where r.tenant_id = ${tenant}
           group by k.kind, a.name, a.sort_order order by k.kind, a.sort_order`,
    );
    await recordAudit(tx, context, { action: 'participation.counts', detail: { fiscalYear: year } });
    const f = funnel ?? { proposed: 0, visited: 0, trial: 0, started: 0, continued: 0 };
    // nested counts: the difference of two shown never reveals a small number
    const [inSupport, connected] = safeFunnel([people?.people ?? 0, people?.connected ?? 0]);
    const [proposed, visited, trial, started, continued] = safeFunnel([
      f.proposed,
      f.visited,
      f.trial,
      f.started,
      f.continued,
    ]);
    return {
      fiscalYear: year,
      people: inSupport ?? safeCount(0),
      connected: connected ?? safeCount(0),
      cooperatingOperators: people?.operators ?? 0,
      funnel: {
        proposed: proposed ?? safeCount(0),
        visited: visited ?? safeCount(0),
        trial: trial ?? safeCount(0),
        started: started ?? safeCount(0),
        continuedThreeMonths: continued ?? safeCount(0),
      },
      unmetNeeds: unmet.map((u) => ({ wish: u.wish, areaName: u.area_name, count: safeCount(u.n) })),
      resources: directory.map((d) => ({
        kind: d.kind,
        areaName: d.area_name,
        active: d.active,
        newThisYear: d.new_this_year,
        verifiedThisYear: d.verified_this_year,
      })),
    };
  });
}
