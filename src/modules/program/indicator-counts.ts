import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { fiscalYearRange } from '../../shared/dates';
import { CUSTOM_PREFIX, MEETING_BODY_PREFIX } from './indicator-catalogue';
import {
  EVENT_SOURCES,
  ONE_ROW_PER_ENTITY,
  participantsOfTrainings,
  type Range,
  sessionsOfBody,
} from './indicator-events';

/** Month of the fiscal year: April = 1 … March = 12. */
const fiscalMonth = (day: SQL) => sql`((extract(month from ${day})::int + 8) % 12) + 1`;

/** Counts per month of the year (index 0 = April) for every counted indicator, in one statement. */
export async function monthlyCounts(
  tx: Database,
  tenantId: string,
  fiscalYear: number,
  bodyIds: string[],
): Promise<Map<string, number[]>> {
  const r: Range = { tenantId, ...fiscalYearRange(fiscalYear) };
  const sources: [string, SQL][] = [
    ...Object.entries(EVENT_SOURCES).map(([key, source]): [string, SQL] => [key, source(r)]),
    ...bodyIds.map((id): [string, SQL] => [`${MEETING_BODY_PREFIX}${id}`, sessionsOfBody(r, id)]),
  ];
  const firsts = sql.join(
    sources.map(([key, source]) =>
      ONE_ROW_PER_ENTITY.has(key) || key.startsWith(MEETING_BODY_PREFIX)
        ? sql`select ${key}::text as key, d from (${source}) s`
        : sql`select ${key}::text as key, min(d) as d from (${source}) s group by e`,
    ),
    sql` union all `,
  );
  const rows = await queryRows<{ key: string; m: number; n: number }>(
    tx,
    sql`select key, ${fiscalMonth(sql`d`)} as m, count(*)::int as n from (${firsts}) f group by key, m
        union all
        select 'trainings.participants', ${fiscalMonth(sql`d`)}, coalesce(sum(n), 0)::int
          from (${participantsOfTrainings(r)}) t group by 2
        union all
        select ${CUSTOM_PREFIX} || indicator_id::text, month, sum(value)::float8 from custom_indicator_values
         where tenant_id = ${tenantId} and fiscal_year = ${fiscalYear} group by indicator_id, month`,
  );
  const result = new Map<string, number[]>();
  for (const { key, m, n } of rows) {
    const months = result.get(key) ?? Array.from({ length: 12 }, () => 0);
    months[m - 1] = (months[m - 1] ?? 0) + n;
    result.set(key, months);
  }
  return result;
}
