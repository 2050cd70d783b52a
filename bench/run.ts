// Benchmarks on a real PostgreSQL server (DATABASE_URL, or a throwaway one started here):
//   npm run bench                 # 100,000 people (about 50,000 households)
//   npm run bench -- 20000        # a smaller city
// Prints p50/p95 of the people-search API over HTTP, as a consultant of one organisation.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { startTestPostgres } from '../scripts/postgres';
import { queryRows } from '../src/db/client';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';
import { loggedIn } from '../src/testing/test-client';
import { openTestDatabase } from '../src/testing/test-database';
import { generateCity } from './generate';

const households = Number(process.argv[2] ?? 50_000);
const postgres = process.env.DATABASE_URL ? null : await startTestPostgres();
process.env.TEST_DATABASE_URL = process.env.DATABASE_URL ?? postgres?.url;

const handle = await openTestDatabase();
const server = await startServer({ ...loadConfig({}, []), port: 0, demo: true }, handle);
try {
  const started = performance.now();
  await generateCity(handle.db, { households }, (done) => {
    if (done % 10_000 === 0) process.stdout.write(`\r  generated ${done} households`);
  });
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from persons`,
  );
  console.log(
    `\ncity: ${households} households, ${n} people (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const client = await loggedIn(server.url, 'demo-jiritsu');
  const queries = [
    'q=サイトウ', // a common surname in kana: 斎藤, 斉藤 and 齋藤 are folded together
    `q=${encodeURIComponent('斉藤')}`,
    `q=${encodeURIComponent('やまだ')}`,
    `q=${encodeURIComponent('林')}`, // a one-character surname
    `q=${encodeURIComponent('渡辺和')}`, // surname and the start of a given name
    `q=${encodeURIComponent('ハルコ')}`, // part of a given name in kana
    'birthDate=1950-05-05',
    'phone=09012345678',
    `address=${encodeURIComponent('桜台3-1')}`, // a town and block number
  ];
  for (const q of queries) await client.get(`/api/people?${q}`); // warm up
  const timings: number[] = [];
  const perQuery = new Map<string, number[]>(queries.map((q) => [q, []]));
  for (let round = 0; round < 25; round++) {
    for (const q of queries) {
      const t = performance.now();
      const response = await client.get(`/api/people?${q}`);
      const ms = performance.now() - t;
      timings.push(ms);
      perQuery.get(q)?.push(ms);
      if (response.status !== 200) throw new Error(`search failed: ${response.status}`);
    }
  }
  for (const [q, list] of perQuery) {
    console.log(
      `  ${decodeURIComponent(q).padEnd(24)} p50 ${percentile(list, 0.5)} ms  p95 ${percentile(list, 0.95)} ms`,
    );
  }
  console.log(
    `people search (${timings.length} requests over HTTP, PostgreSQL): p50 ${percentile(timings, 0.5)} ms, ` +
      `p95 ${percentile(timings, 0.95)} ms, max ${percentile(timings, 1)} ms (target p95 ≤ 50 ms)`,
  );
} finally {
  await server.close();
  postgres?.stop();
}

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
}
