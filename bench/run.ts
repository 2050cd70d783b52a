// Benchmarks on a real PostgreSQL server (DATABASE_URL, or a throwaway one started here):
//   npm run bench                       # 100,000 people (50,000 households), 10,000 cases, 500,000 records
//   npm run bench -- 20000 2000 100000  # a smaller city: households, cases, support records
//   npm run bench -- --ten-year         # the benchmark city, then ten years of it; growth per request
//   npm run bench -- --pglite           # the same city on PostgreSQL, then on PGlite; PGlite ÷ PostgreSQL
//   npm run bench -- --rounds 4         # four times the requests of each kind (--pglite: 4 unless given)
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
const roundsAt = process.argv.indexOf('--rounds');
// the engines are compared by p95: of more requests, so that two slow ones do not decide it
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : embedded ? 4 : 1;
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number, 1 or more');
const sizes = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--rounds');
const size: CitySize = {
  households: Number(sizes[0] ?? BENCHMARK_CITY.households),
  cases: Number(sizes[1] ?? BENCHMARK_CITY.cases),
  records: Number(sizes[2] ?? BENCHMARK_CITY.records),
};
const { url, started: postgres } = await testPostgresServer();
try {
  const figures = await timeOn(size);
  if (embedded) {
    printBeside(
      figures,
      await timeServerOn(await pgliteCity(size)),
      ['PostgreSQL', 'PGlite', 'PGlite ÷ PostgreSQL (p95) | target'],
      (f, e) => {
        const ratio = e.p95 / f.p95;
        return `×${ratio.toFixed(2)} | ≤ ×2 (${ratio <= 2 ? 'met' : 'missed'})`;
      },
    );
  } else if (tenYear) {
    printBeside(
      figures,
      await timeOn(TEN_YEAR_CITY),
      ['benchmark city', 'ten-year city', 'growth of p95 | target p95'],
      (f, t) => {
        const met = t.p95 <= t.target ? 'met' : 'missed';
        return `×${(t.p95 / f.p95).toFixed(2)} | ≤ ${t.target} ms (${met})`;
      },
    );
  } else {
    for (const f of figures)
      console.log(
        `${f.request} ${f.note && `(${f.note})`}: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)} (target p95 ≤ ${f.target} ms)`,
      );
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
    return await timeSingleClient(server.url, handle.owner, { only: process.env.BENCH_ONLY, rounds });
  } finally {
    await server.close();
  }
}

/** Two runs side by side, a row per request: p50 / p95 of each, then the comparison's cells. */
function printBeside(
  first: Timing[],
  second: Timing[],
  [firstName, secondName, comparison]: [string, string, string],
  compare: (first: Timing, second: Timing) => string,
) {
  console.log(
    `\n| request | ${firstName}: p50 / p95 | ${secondName}: p50 / p95 | ${comparison} |\n|---|---|---|---|---|`,
  );
  for (const f of first) {
    const s = second.find((l) => l.request === f.request);
    if (s)
      console.log(
        `| ${f.request.trim()} | ${ms(f.p50)} / ${ms(f.p95)} | ${ms(s.p50)} / ${ms(s.p95)} | ${compare(f, s)} |`,
      );
  }
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
