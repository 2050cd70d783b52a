// Benchmarks on a real PostgreSQL server (DATABASE_URL, or a throwaway one started here):
//   npm run bench                       # 100,000 people (50,000 households), 10,000 cases, 500,000 records
//   npm run bench -- 20000 2000 100000  # a smaller city: households, cases, support records
// Prints p50/p95 over HTTP of the people search (a consultant of one organisation), the case
// page and the case work queue (the coordinators' organisation, on every case's team).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { testPostgresServer } from '../scripts/postgres';
import { openDatabase, queryRows } from '../src/db/client';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';
import { loggedIn } from '../src/testing/test-client';
import { BENCHMARK_CITY, benchmarkCity } from './city';

const size = {
  households: Number(process.argv[2] ?? BENCHMARK_CITY.households),
  cases: Number(process.argv[3] ?? BENCHMARK_CITY.cases),
  records: Number(process.argv[4] ?? BENCHMARK_CITY.records),
};
const { url, started: postgres } = await testPostgresServer();
const database = await benchmarkCity(url, size);
const handle = await openDatabase({ databaseUrl: database.appUrl, migrationUrl: database.ownerUrl });
const server = await startServer({ ...loadConfig({}, []), port: 0, demo: true }, handle);
try {
  // BENCH_ONLY=program times the 事業管理 requests alone
  if (process.env.BENCH_ONLY !== 'program') {
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

    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    const sample = await queryRows<{ id: string; records: number }>(
      handle.owner,
      sql`select c.id, (select count(*)::int from support_records r where r.case_id = c.id) as records
          from cases c order by md5(c.id::text) limit 100`,
    );
    for (const c of sample.slice(0, 10)) await coordinator.get(`/api/cases/${c.id}`); // warm up
    const pageTimings: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const c of sample) {
        const t = performance.now();
        const response = await coordinator.get(`/api/cases/${c.id}`);
        pageTimings.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`case page failed: ${response.status}`);
      }
    }
    const biggest = Math.max(...sample.map((c) => c.records));
    console.log(
      `case page (${pageTimings.length} requests, cases of up to ${biggest} records): p50 ${percentile(pageTimings, 0.5)} ms, ` +
        `p95 ${percentile(pageTimings, 0.95)} ms, max ${percentile(pageTimings, 1)} ms (target p95 ≤ 30 ms)`,
    );

    for (const [who, worker] of [
      ['coordinator (on every team)', coordinator],
      ['自立相談支援機関', client],
    ] as const) {
      await worker.get('/api/cases/work-queue'); // warm up
      const queueTimings: number[] = [];
      let items = 0;
      for (let i = 0; i < 60; i++) {
        const t = performance.now();
        const response = await worker.get<{ items: unknown[] }>('/api/cases/work-queue');
        queueTimings.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`work queue failed: ${response.status}`);
        items = response.body.items.length;
      }
      console.log(
        `work queue, ${who} (${queueTimings.length} requests, ${items} items): p50 ${percentile(queueTimings, 0.5)} ms, ` +
          `p95 ${percentile(queueTimings, 0.95)} ms, max ${percentile(queueTimings, 1)} ms (target p95 ≤ 50 ms)`,
      );
    }
  }
  const manager = await loggedIn(server.url, 'demo-manager');
  for (const path of ['/api/program/dashboard', '/api/program/results']) {
    await manager.get(path); // warm up
    const timings: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const response = await manager.get(path);
      timings.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`${path} failed: ${response.status}`);
    }
    console.log(
      `事業管理 ${path} (${timings.length} requests, this fiscal year): p50 ${percentile(timings, 0.5)} ms, ` +
        `p95 ${percentile(timings, 0.95)} ms, max ${percentile(timings, 1)} ms (target p95 ≤ 200 ms)`,
    );
  }
} finally {
  await server.close();
  await database.drop();
  postgres?.stop();
}

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
}
