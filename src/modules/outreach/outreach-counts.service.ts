import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import { REACHED_RESULTS, REPORTER_KINDS, type ReporterKind } from '../../shared/outreach-vocabulary';
import { SMALL_COUNT_THRESHOLD, safeCount, suppressTree } from '../../shared/small-counts';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import type { OutreachCounts } from './outreach.schemas';

type Milestones = {
  reached: number;
  formed: number;
  connected: number;
  median_first_contact: number | null;
  median_consent: number | null;
};

/**
 * KPIs of 第4号 for the program manager, per fiscal year. A record counts in the year of the
 * milestone (first met, first 相談できる関係, consent); days run from its first report.
 */
export async function outreachCounts(
  db: Database,
  context: ActorContext,
  fiscalYear?: number,
): Promise<OutreachCounts> {
  requirePermission(context.actor, 'aggregates.read');
  const year = fiscalYear ?? fiscalYearOf(now());
  const { from, to } = fiscalYearRange(year);
  const tenantId = context.actor.tenantId;
  return db.transaction(async (tx) => {
    const sources = await queryRows<{ reporter_kind: ReporterKind; n: number }>(
      tx,
      sql`select reporter_kind, count(*)::int as n from concern_reports
          where tenant_id = ${tenantId} and received_on between ${from} and ${to} group by reporter_kind`,
    );
    const [m] = await queryRows<Milestones>(
      tx,
      sql`with per_record as (
            select r.id,
              (select min(c.received_on) from concern_reports c where c.record_id = r.id) as reported_on,
              (select min(a.happened_on) from outreach_activities a
                where a.record_id = r.id and a.kind = 'contact' and a.result in ${REACHED_RESULTS}) as reached_on,
              (select min(s.changed_on) from outreach_stage_changes s
                where s.record_id = r.id and s.to_stage = 'can_consult') as formed_on,
              (select min(s.changed_on) from outreach_stage_changes s
                where s.record_id = r.id and s.to_stage = 'consented') as consented_on
            from outreach_records r where r.tenant_id = ${tenantId})
          select
            count(*) filter (where reached_on between ${from} and ${to})::int as reached,
            count(*) filter (where formed_on between ${from} and ${to})::int as formed,
            count(*) filter (where consented_on between ${from} and ${to})::int as connected,
            percentile_cont(0.5) within group (order by reached_on - reported_on)
              filter (where reached_on between ${from} and ${to}) as median_first_contact,
            percentile_cont(0.5) within group (order by consented_on - reported_on)
              filter (where consented_on between ${from} and ${to}) as median_consent
          from per_record`,
    );
    await recordAudit(tx, context, { action: 'outreach.counts', detail: { fiscalYear: year } });
    const median = (value: number | null | undefined, base: number) =>
      value == null || base < SMALL_COUNT_THRESHOLD ? null : Number(value);
    // one policy for counts that leave the case level: sources and their total suppressed together
    const bySource = suppressTree({
      key: 'total',
      value: sources.reduce((sum, r) => sum + r.n, 0),
      parts: REPORTER_KINDS.map((kind) => ({
        key: kind,
        value: sources.find((r) => r.reporter_kind === kind)?.n ?? 0,
      })),
    });
    const reached = m?.reached ?? 0;
    const connected = m?.connected ?? 0;
    return {
      fiscalYear: year,
      reportsBySource: REPORTER_KINDS.map((kind) => ({
        reporterKind: kind,
        count: bySource.get(kind) ?? safeCount(0),
      })),
      reached: safeCount(reached),
      relationshipsFormed: safeCount(m?.formed ?? 0),
      connected: safeCount(connected),
      // a median of fewer than five people is nearly one person's story
      medianDaysToFirstContact: median(m?.median_first_contact, reached),
      medianDaysToConsent: median(m?.median_consent, connected),
    };
  });
}
