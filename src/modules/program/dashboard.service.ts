import { sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../../shared/case-vocabulary';
import { fiscalYearOf } from '../../shared/dates';
import { type SafeCount, safeCount, suppressTree } from '../../shared/small-counts';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { communityCells } from '../community/overview.service';
import { participationCounts } from '../participation/participation-counts.service';
import { programResults } from './results.service';

// The program manager's dashboard of a fiscal year: what the charts draw, every count of
// people suppressed by the same rules as everywhere else.

const FUNNEL_LABELS = {
  proposed: '提案',
  visited: '見学',
  trial: '体験',
  started: '参加開始',
  continuedThreeMonths: '3か月継続',
} as const;

/** Cases by state now: the total and its parts are suppressed together. */
async function pipeline(tx: Database, tenantId: string) {
  const rows = await queryRows<{ status: string; n: number }>(
    tx,
    sql`select status, count(*)::int as n from cases where tenant_id = ${tenantId} group by status`,
  );
  const counts = new Map(rows.map((r) => [r.status, r.n]));
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const safe = suppressTree({
    key: 'total',
    value: total,
    parts: CASE_STATUSES.map((s) => ({ key: s, value: counts.get(s) ?? 0 })),
  });
  const cell = (key: string): SafeCount => safe.get(key) ?? safeCount(0);
  return {
    pipeline: CASE_STATUSES.map((status) => ({
      status,
      label: CASE_STATUS_LABELS[status],
      count: cell(status),
    })),
    pipelineTotal: cell('total'),
  };
}

export async function programDashboard(db: Database, context: ActorContext, fiscalYear?: number) {
  requirePermission(context.actor, 'aggregates.read');
  const year = fiscalYear ?? fiscalYearOf(today());
  return readTransaction(db, async (tx) => {
    const results = await programResults(tx, context, year);
    const byKey = new Map(results.indicators.map((i) => [i.key, i]));
    const monthsOf = (key: string) => byKey.get(key)?.months ?? [];
    const referrals = monthsOf('referrals.sent');
    const trend = monthsOf('consultations.new').map((p, i) => ({
      month: p.month,
      consultations: p.inMonth,
      referrals: referrals[i]?.inMonth ?? null,
      consultationsToDate: p.value,
      referralsToDate: referrals[i]?.value ?? null,
    }));
    const participation = await participationCounts(tx, context, year);
    const funnel = (Object.keys(FUNNEL_LABELS) as (keyof typeof FUNNEL_LABELS)[]).map((step) => ({
      step,
      label: FUNNEL_LABELS[step],
      count: participation.funnel[step],
    }));
    const { tree, rows } = await communityCells(tx, context, year, { withPrevious: false });
    await recordAudit(tx, context, {
      action: 'program.read',
      detail: { fiscalYear: year, view: 'dashboard' },
    });
    return {
      fiscalYear: year,
      monthsElapsed: results.monthsElapsed,
      trend,
      ...(await pipeline(tx, context.actor.tenantId)),
      funnel,
      issuesByZone: {
        zones: tree.zones.map((z) => ({ id: z.id, name: z.name })),
        rows: rows.map((r) => ({ code: r.code, label: r.label, threshold: r.threshold, cells: r.current })),
      },
      targets: results.indicators.filter((i) => i.target !== null),
      warnings: results.warnings,
    };
  });
}
