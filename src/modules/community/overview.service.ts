import { sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import { type SafeCount, SMALL_COUNT_THRESHOLD, thresholdFor } from '../../shared/small-counts';
import { can, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { issueVocabulary } from '../intake/issues.service';
import { suppressedByArea } from './area-counts';
import { type AreaTree, loadAreaTree } from './area-tree';

type RawCells = Map<string | null, number>;

/**
 * 多機関協働 cases open at some time in the fiscal year, by issue category and the 地区 of
 * the household; a case counts once per category, from what its household's consultations
 * recorded.
 */
async function caseIssueCounts(tx: Database, tenantId: string, fiscalYear: number) {
  const { from, to } = fiscalYearRange(fiscalYear);
  const rows = await queryRows<{ code: string; area_id: string | null; n: number }>(
    tx,
    // one join of the year's cases with their households' consultations (a hash join, not a
    // lookup per case); a case counts once per category however many consultations name it.
    // The pairs are made distinct first (hashed in memory): count(distinct) sorted every row of
    // the join, 200,000 on the ten-year city (395 → 305 ms).
    sql`select code, area_id, count(*)::int as n
          from (select distinct c.id, i.code, h.area_id
                  from cases c
                  join households h on h.id = c.household_id
                  join consultations co on co.household_id = c.household_id and co.tenant_id = c.tenant_id
                  cross join unnest(co.issues) as i(code)
                 where c.tenant_id = ${tenantId} and c.opened_on <= ${to}::date
                   and (c.closed_on is null or c.closed_on >= ${from}::date)) pairs
         group by code, area_id`,
  );
  const byCode = new Map<string, RawCells>();
  for (const r of rows) {
    const cells = byCode.get(r.code) ?? new Map();
    cells.set(r.area_id, r.n);
    byCode.set(r.code, cells);
  }
  return byCode;
}

/** アウトリーチ records open at some time in the fiscal year, by 地区. */
async function outreachCounts(tx: Database, tenantId: string, fiscalYear: number): Promise<RawCells> {
  const { from, to } = fiscalYearRange(fiscalYear);
  const rows = await queryRows<{ area_id: string | null; n: number }>(
    tx,
    sql`select area_id, count(*)::int as n from outreach_records
         where tenant_id = ${tenantId} and opened_on <= ${to}::date
           and not (stage = 'ended' and stage_since < ${from}::date)
         group by area_id`,
  );
  return new Map(rows.map((r) => [r.area_id, r.n]));
}

export type AreaCells = Record<string, SafeCount>;

const suppress = (tree: AreaTree, raw: RawCells | undefined, threshold: number): AreaCells =>
  Object.fromEntries(suppressedByArea(tree, (id) => raw?.get(id) ?? 0, threshold));

const anyCase = (raw: RawCells | undefined) => [...(raw?.values() ?? [])].some((n) => n > 0);

/**
 * The tables behind the overview and every regional issue's evidence: the same cells,
 * suppressed the same way, whoever asks and wherever they are shown.
 */
export async function communityCells(
  tx: Database,
  context: ActorContext,
  fiscalYear: number,
  { withPrevious = true }: { withPrevious?: boolean } = {},
) {
  const tenantId = context.actor.tenantId;
  const tree = await loadAreaTree(tx, tenantId);
  const vocabulary = await issueVocabulary(tx, context.actor);
  const [current, previous] = await Promise.all([
    caseIssueCounts(tx, tenantId, fiscalYear),
    withPrevious ? caseIssueCounts(tx, tenantId, fiscalYear - 1) : new Map<string, RawCells>(),
  ]);
  const rows = vocabulary
    .filter((issue) => anyCase(current.get(issue.code)) || anyCase(previous.get(issue.code)))
    .map((issue) => {
      const threshold = thresholdFor(issue.sensitive);
      return {
        code: issue.code,
        label: issue.label,
        sensitive: issue.sensitive,
        threshold,
        current: suppress(tree, current.get(issue.code), threshold),
        previous: suppress(tree, previous.get(issue.code), threshold),
      };
    });
  const outreach = {
    threshold: SMALL_COUNT_THRESHOLD,
    current: suppress(tree, await outreachCounts(tx, tenantId, fiscalYear), SMALL_COUNT_THRESHOLD),
    previous: withPrevious
      ? suppress(tree, await outreachCounts(tx, tenantId, fiscalYear - 1), SMALL_COUNT_THRESHOLD)
      : {},
  };
  return { tree, vocabulary, rows, outreach };
}

/** For the order of the rows: the counts shown for the 圏域 (most cases first). */
const shownTotal = (tree: AreaTree, cells: AreaCells) =>
  tree.zones.reduce((sum, zone) => sum + (cells[zone.id]?.count ?? 0), 0);

/** 課題×地区の俯瞰 for coordinators and community workers: counts only, never a case. */
export async function communityOverview(db: Database, context: ActorContext, fiscalYear?: number) {
  requirePermission(context.actor, 'community.read');
  const year = fiscalYear ?? fiscalYearOf(today());
  return readTransaction(db, async (tx) => {
    const { tree, rows, outreach } = await communityCells(tx, context, year);
    await recordAudit(tx, context, { action: 'community.overview', detail: { fiscalYear: year } });
    return {
      fiscalYear: year,
      areas: tree.rows.filter((a) => a.level !== 'city'),
      rows: rows.sort((a, b) => shownTotal(tree, b.current) - shownTotal(tree, a.current)),
      outreach,
      canRaise: can(context.actor, 'community.work'),
    };
  });
}
