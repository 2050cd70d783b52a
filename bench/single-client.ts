// The single-client timings of `npm run bench`: each request over HTTP, one at a time, as the
// staff of the demo city. Returns the figures; bench/run.ts prints them.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client';
import { loggedIn } from '../src/testing/test-client';
import { percentile } from './percentile';

export type Timing = { request: string; p50: number; p95: number; max: number; target: number; note: string };

const SEARCHES = [
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

/**
 * BENCH_ONLY=program times the 事業管理 requests alone. `rounds` multiplies every request's count:
 * a p95 of 25 times is the second slowest, so a comparison between engines takes more.
 */
export async function timeSingleClient(
  serverUrl: string,
  owner: Database,
  options: { only?: string; rounds: number },
): Promise<Timing[]> {
  const { only, rounds } = options;
  const figures: Timing[] = [];
  if (only !== 'program') {
    const consultant = await loggedIn(serverUrl, 'demo-jiritsu');
    for (const q of SEARCHES) await consultant.get(`/api/people?${q}`); // warm up
    const perQuery = new Map<string, number[]>(SEARCHES.map((q) => [q, []]));
    for (let round = 0; round < 25 * rounds; round++)
      for (const q of SEARCHES)
        perQuery.get(q)?.push(await timed(() => consultant.get(`/api/people?${q}`), 'search'));
    figures.push(
      summary(
        'people search',
        [...perQuery.values()].flat(),
        50,
        `${SEARCHES.length} queries × ${25 * rounds}`,
      ),
    );
    for (const [q, times] of perQuery)
      figures.push(summary(`  search ${decodeURIComponent(q)}`, times, 50, ''));

    const coordinator = await loggedIn(serverUrl, 'demo-coordinator');
    const sample = await queryRows<{ id: string; records: number }>(
      owner,
      sql`select c.id, (select count(*)::int from support_records r where r.case_id = c.id) as records
          from cases c order by md5(c.id::text) limit 100`,
    );
    for (const c of sample.slice(0, 10)) await coordinator.get(`/api/cases/${c.id}`); // warm up
    const pages: number[] = [];
    for (let round = 0; round < 3 * rounds; round++)
      for (const c of sample)
        pages.push(await timed(() => coordinator.get(`/api/cases/${c.id}`), 'case page'));
    const biggest = Math.max(...sample.map((c) => c.records));
    figures.push(summary('case page', pages, 30, `100 cases of up to ${biggest} records × ${3 * rounds}`));

    for (const [who, worker] of [
      ['coordinators (on every team)', coordinator],
      ['自立相談支援機関', consultant],
    ] as const) {
      await worker.get('/api/cases/work-queue'); // warm up
      const queue: number[] = [];
      let items = 0;
      for (let i = 0; i < 60 * rounds; i++)
        queue.push(
          await timed(async () => {
            const response = await worker.get<{ items: unknown[] }>('/api/cases/work-queue');
            items = response.body.items?.length ?? 0;
            return response;
          }, 'work queue'),
        );
      figures.push(summary(`work queue, ${who}`, queue, 50, `${items} items`));
    }
  }
  const manager = await loggedIn(serverUrl, 'demo-manager');
  for (const path of ['/api/program/dashboard', '/api/program/results']) {
    await manager.get(path); // warm up
    const times: number[] = [];
    for (let i = 0; i < 40 * rounds; i++) times.push(await timed(() => manager.get(path), path));
    figures.push(summary(`事業管理 ${path}`, times, 200, 'this fiscal year'));
  }
  return figures;
}

async function timed(send: () => Promise<{ status: number }>, what: string): Promise<number> {
  const t = performance.now();
  const response = await send();
  const ms = performance.now() - t;
  if (response.status !== 200) throw new Error(`${what} failed: ${response.status}`);
  return ms;
}

function summary(request: string, values: number[], target: number, note: string): Timing {
  return {
    request,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    max: percentile(values, 1),
    target,
    note: note && `${values.length} requests: ${note}`,
  };
}
