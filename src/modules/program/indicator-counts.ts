import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { fiscalYearRange } from '../../shared/dates';
import { CUSTOM_PREFIX, MEETING_BODY_PREFIX } from './indicator-catalogue';
import {
  EVENT_SOURCES,
  type EventSource,
  participantsOfTrainings,
  type Range,
  sessionsOfBody,
} from './indicator-events';

/** The first days of the fiscal year's months, April first. */
function monthStarts(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const year = month < 4 ? fiscalYear + 1 : fiscalYear;
    return `${year}-${String(month).padStart(2, '0')}-01`;
  });
}

/**
 * Counts per month of the year (index 0 = April) for every counted indicator, and the values
 * typed for the municipality's own indicators (null where not entered), in one statement.
 */
export async function monthlyCounts(
  tx: Database,
  tenantId: string,
  fiscalYear: number,
  bodyIds: string[],
): Promise<Map<string, (number | null)[]>> {
  const r: Range = { tenantId, ...fiscalYearRange(fiscalYear) };
  const starts = monthStarts(fiscalYear);
  // Month 1 (April) … 12 (March) by the boundaries; Japan keeps +09:00 all year.
  const monthOf: Record<EventSource['d'], SQL> = {
    day: sql`width_bucket(d, ${`{${starts.join(',')}}`}::date[])`,
    instant: sql`width_bucket(d, ${`{${starts.map((s) => `${s} 00:00+09`).join(',')}}`}::timestamptz[])`,
  };
  const sources: [string, EventSource][] = [
    ...Object.entries(EVENT_SOURCES),
    ...bodyIds.map((id): [string, EventSource] => [
      `${MEETING_BODY_PREFIX}${id}`,
      { rows: (range) => sessionsOfBody(range, id), d: 'day', oneRowPerEntity: true },
    ]),
  ];
  // each source is grouped by month on its own: small integer groups, no wide union to hash
  const perMonth = sql.join(
    sources.map(([key, source]) => {
      const days = source.oneRowPerEntity
        ? source.rows(r)
        : sql`select min(d) as d from (${source.rows(r)}) s group by e`;
      return sql`(select ${key}::text as key, ${monthOf[source.d]} as m, count(*)::int as n from (${days}) f group by 2)`;
    }),
    sql` union all `,
  );
  const rows = await queryRows<{ key: string; m: number; n: number }>(
    tx,
    sql`${perMonth}
        union all
        (select 'trainings.participants', ${monthOf.day}, coalesce(sum(n), 0)::int
           from (${participantsOfTrainings(r)}) t group by 2)
        union all
        (select ${CUSTOM_PREFIX} || indicator_id::text, month, sum(value)::float8 from custom_indicator_values
          where tenant_id = ${tenantId} and fiscal_year = ${fiscalYear} group by indicator_id, month)`,
  );
  const result = new Map<string, (number | null)[]>();
  for (const { key, m, n } of rows) {
    // a typed indicator's month that nobody entered stays null, not 0
    const months =
      result.get(key) ?? Array.from({ length: 12 }, () => (key.startsWith(CUSTOM_PREFIX) ? null : 0));
    months[m - 1] = (months[m - 1] ?? 0) + n;
    result.set(key, months);
  }
  return result;
}
