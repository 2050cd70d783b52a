// The 参加支援 matching benchmark on a real PostgreSQL server (a throwaway one started here):
//   npm run bench:matching            # 5,000 resources in the demo city
//   npm run bench:matching -- 20000   # more
// Prints p50/p95 over HTTP of the ranked list of places for a person (target p95 ≤ 100 ms).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { testPostgresServer } from '../scripts/postgres';
import { queryRows } from '../src/db/client';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';
import { ACTIVITIES, RESOURCE_KINDS } from '../src/shared/participation-vocabulary';
import { loggedIn } from '../src/testing/test-client';
import { openTestDatabase } from '../src/testing/test-database';
import { percentile } from './percentile';

const count = Number(process.argv[2] ?? 5_000);
const { url, started: postgres } = await testPostgresServer();
process.env.TEST_DATABASE_URL = url;
const handle = await openTestDatabase();
const server = await startServer({ ...loadConfig({}, []), port: 0, demo: true }, handle);

try {
  // resources spread over the demo city's districts, kinds, weekdays and age ranges
  await handle.owner.execute(sql`
    insert into resources (tenant_id, operator_id, name, kinds, area_id, schedule, activities,
                           age_min, age_max, places_free, capacity, verified_on)
    select o.tenant_id, o.id, '試験の場 ' || g,
           array[(${`{${RESOURCE_KINDS.join(',')}}`}::text[])[1 + g % ${RESOURCE_KINDS.length}]],
           (select a.id from areas a where a.tenant_id = o.tenant_id and a.level = 'district'
             order by a.sort_order, a.name offset g % 10 limit 1),
           jsonb_build_array(jsonb_build_object('weekday', g % 7, 'opens', '10:00', 'closes', '15:00'),
                             jsonb_build_object('weekday', (g + 3) % 7, 'opens', '13:00', 'closes', '17:00')),
           array[(${`{${ACTIVITIES.join(',')}}`}::text[])[1 + g % ${ACTIVITIES.length}]],
           case when g % 4 = 0 then 60 end, case when g % 5 = 0 then 39 end,
           g % 6, 10, current_date - (g % 500)
      from generate_series(1, ${count}) g,
           (select id, tenant_id from resource_operators order by name limit 1) o`);
  await handle.owner.execute(sql`analyze resources`);
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    handle.owner,
    sql`select count(*)::int as n from resources`,
  );
  const client = await loggedIn(server.url, 'demo-participation');
  const supports = await client.get<{ supports: { id: string }[] }>('/api/participation');
  const timings: number[] = [];
  for (let round = 0; round < 20; round++)
    for (const support of supports.body.supports) {
      const started = performance.now();
      const response = await client.get(`/api/participation/${support.id}/matches`);
      timings.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`matches answered ${response.status}`);
    }
  console.log(
    `matching (${n} resources, ${timings.length} requests over HTTP, PostgreSQL): p50 ${percentile(timings, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(timings, 0.95).toFixed(1)} ms, max ${percentile(timings, 1).toFixed(1)} ms (target p95 ≤ 100 ms)`,
  );
} finally {
  await server.close();
  postgres?.stop();
}
