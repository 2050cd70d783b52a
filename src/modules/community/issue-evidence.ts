import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { fiscalYearOf } from '../../shared/dates';
import { SENSITIVE_COUNT_THRESHOLD, safeCount, thresholdFor } from '../../shared/small-counts';
import type { ActorContext } from '../audit/audit.service';
import { today } from '../cases/case-common';
import type { regionalIssues } from './community.tables';
import { type AreaCells, communityCells } from './overview.service';

type IssueRow = typeof regionalIssues.$inferSelect;

/** The cells of these areas; an area with no case of the category counts 0. */
const pick = (cells: AreaCells | undefined, keys: string[]): AreaCells =>
  Object.fromEntries(keys.map((k) => [k, cells?.[k] ?? safeCount(0)]));

/**
 * The evidence of a regional issue, counted live and shown without identifying anyone: the
 * overview's own cells for the issue's areas and categories (the same numbers, suppressed the
 * same way, so that the two views together tell nothing more than each alone), the unmet
 * participation needs still open per wish of its 地区 (the cells of the 参加支援 summary), and
 * how many cases are linked to it.
 */
export async function issueEvidence(tx: Database, context: ActorContext, issue: IssueRow) {
  const fiscalYear = fiscalYearOf(today());
  const { tree, vocabulary, rows, outreach } = await communityCells(tx, context, fiscalYear);
  const keys = issue.areaIds.length > 0 ? issue.areaIds : tree.zones.map((z) => z.id);
  const cases = issue.issueCodes.map((code) => {
    const definition = vocabulary.find((v) => v.code === code);
    const threshold = thresholdFor(definition?.sensitive ?? false);
    const row = rows.find((r) => r.code === code);
    return {
      code,
      label: definition?.label ?? code,
      threshold,
      current: pick(row?.current, keys),
      previous: pick(row?.previous, keys),
    };
  });
  const districts = keys.flatMap((k) => tree.districtsUnder(k));
  // the open needs per wish and 地区: the very cells of the 参加支援 summary of unmet needs
  const unmet = districts.length
    ? await queryRows<{ wish: string; area_id: string; n: number }>(
        tx,
        sql`select wish, area_id, count(*)::int as n from unmet_needs
             where tenant_id = ${context.actor.tenantId} and answered_by_resource_id is null
               and area_id = any(${`{${districts.join(',')}}`}::uuid[])
             group by wish, area_id`,
      )
    : [];
  // linked cases are always counted as strictly as a sensitive category: a threshold that
  // followed their categories would itself tell that one of them carries DV or 虐待
  const [linked] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from regional_issue_cases where issue_id = ${issue.id}`,
  );
  const linkedThreshold = SENSITIVE_COUNT_THRESHOLD;
  return {
    fiscalYear,
    cases,
    outreach: {
      threshold: outreach.threshold,
      current: pick(outreach.current, keys),
      previous: pick(outreach.previous, keys),
    },
    unmetNeeds: unmet.map((u) => ({ wish: u.wish, areaId: u.area_id, count: safeCount(u.n) })),
    linkedCases: safeCount(linked?.n ?? 0, linkedThreshold),
    linkedThreshold,
  };
}
