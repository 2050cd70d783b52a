// Benchmarks on a real PostgreSQL server (DATABASE_URL, or a throwaway one started here):
//   npm run bench                       # 100,000 people (50,000 households), 10,000 cases, 500,000 records
//   npm run bench -- 20000 2000 100000  # a smaller city: households, cases, support records
//   npm run bench -- --ten-year         # the benchmark city, then ten years of it; growth per request
//   npm run bench -- --pglite           # the same city on PostgreSQL, then on PGlite; PGlite ÷ PostgreSQL
// Prints p50/p95 over HTTP, one request at a time, of the people search (a consultant of one
// organisation), the case page and the work queues (the coordinators' organisation is on every
// case's team) and the 事業管理 dashboard (bench/single-client.ts).
import { testPostgresServer } from '../scripts/postgres';
import { type DbHandle, openDatabase } from '../src/db/client';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';
import { BENCHMARK_CITY, benchmarkCity, type CitySize, pgliteCity, TEN_YEAR_CITY } from './city';
import { type Timing, timeSingleClient } from './single-client';

const tenYear = process.argv.includes('--ten-year');
const embedded = process.argv.includes('--pglite');
const sizes = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const size: CitySize = {
  households: Number(sizes[0] ?? BENCHMARK_CITY.households),
  cases: Number(sizes[1] ?? BENCHMARK_CITY.cases),
  records: Number(sizes[2] ?? BENCHMARK_CITY.records),
};
const { url, started: postgres } = await testPostgresServer();
try {
  const figures = await timeOn(size);
  if (embedded) {
    const onPglite = await timeServerOn(await pgliteCity(size));
    console.log(
      '\n| request | PostgreSQL: p50 / p95 | PGlite: p50 / p95 | PGlite ÷ PostgreSQL (p95) | target |\n|---|---|---|---|---|',
    );
    for (const f of figures) {
      const e = onPglite.find((l) => l.request === f.request);
      if (!e) continue;
      const ratio = e.p95 / f.p95;
      console.log(
        `| ${f.request.trim()} | ${ms(f.p50)} / ${ms(f.p95)} | ${ms(e.p50)} / ${ms(e.p95)} | ×${ratio.toFixed(2)} | ≤ ×2 (${ratio <= 2 ? 'met' : 'missed'}) |`,
      );
    }
  } else if (!tenYear) {
    for (const f of figures)
      console.log(
        `${f.request} ${f.note && `(${f.note})`}: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)} (target p95 ≤ ${f.target} ms)`,
      );
  } else {
    const later = await timeOn(TEN_YEAR_CITY);
    console.log(
      '\n| request | benchmark city: p50 / p95 | ten-year city: p50 / p95 | growth of p95 | target p95 |\n|---|---|---|---|---|',
    );
    for (const f of figures) {
      const t = later.find((l) => l.request === f.request);
      if (!t) continue;
      const met = t.p95 <= t.target ? 'met' : 'missed';
      console.log(
        `| ${f.request.trim()} | ${ms(f.p50)} / ${ms(f.p95)} | ${ms(t.p50)} / ${ms(t.p95)} | ×${(t.p95 / f.p95).toFixed(2)} | ≤ ${t.target} ms (${met}) |`,
      );
    }
  }
} finally {
  postgres?.stop();
}

async function timeOn(city: CitySize): Promise<Timing[]> {
  const database = await benchmarkCity(url, city);
  try {
    return await timeServerOn(
      await openDatabase({ databaseUrl: database.appUrl, migrationUrl: database.ownerUrl }),
    );
  } finally {
    await database.drop();
  }
}

/** The server on this database, timed one request at a time; closing the server closes the database. */
async function timeServerOn(handle: DbHandle): Promise<Timing[]> {
  const server = await startServer({ ...loadConfig({}, []), port: 0, demo: true }, handle);
  try {
    return await timeSingleClient(server.url, handle.owner, process.env.BENCH_ONLY);
  } finally {
    await server.close();
  }
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
