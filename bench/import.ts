// The import benchmark: a ledger of 100,000 rows (a person per row, households by 世帯番号,
// a consultation on each household's first row) sent as CSV, checked, and imported, over HTTP
// as the screen does it, as a consultant of the demo city.
//   npm run bench:import                       # PGlite, or the PostgreSQL server of DATABASE_URL
//   npm run bench:import -- --postgres         # a throwaway PostgreSQL server started here
//   npm run bench:import -- --rows 20000       # a smaller file
// Prints the time of each step; the target is dry run + import of 100,000 rows within 30 s.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { testPostgresServer } from '../scripts/postgres';
import { queryRows } from '../src/db/client';
import type { StreamLine, Upload } from '../src/modules/imports/imports.schemas';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';
import { loggedIn, type TestClient } from '../src/testing/test-client';
import { openTestDatabase } from '../src/testing/test-database';
import { ownCpuSeconds, postgresCpuSeconds } from './cpu-time';
import { ledger } from './import-ledger';

const arg = (name: string) => process.argv.indexOf(`--${name}`);
const rows = arg('rows') > 0 ? Number(process.argv[arg('rows') + 1]) : 100_000;
const wantsPostgres = arg('postgres') > 0 || Boolean(process.env.DATABASE_URL);

async function streamToEnd(client: TestClient, path: string, body: unknown) {
  const response = await client.request<string>('POST', path, body);
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  const lines = String(response.body)
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as StreamLine);
  return { progress: lines.filter((l) => l.type === 'progress').length, last: lines[lines.length - 1] };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** CPU seconds of this process (the server runs in it) and of a PostgreSQL server on this machine. */
function cpuMeter(port: number | null) {
  const read = () => ({ node: ownCpuSeconds(), postgres: port ? postgresCpuSeconds(port) : null });
  let last = read();
  return () => {
    const now = read();
    const pg = now.postgres !== null && last.postgres !== null ? now.postgres - last.postgres : null;
    const text = `CPU: server ${(now.node - last.node).toFixed(1)} s${pg !== null ? `, PostgreSQL ${pg.toFixed(1)} s` : ''}`;
    last = now;
    return text;
  };
}

const postgres = wantsPostgres ? await testPostgresServer() : null;
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
const handle = await openTestDatabase({ demo: true });
const server = await startServer({ ...loadConfig({}, []), port: 0, demo: true }, handle);
try {
  const client = await loggedIn(server.url, 'demo-consultant');
  const csv = ledger(rows);
  const bytes = new TextEncoder().encode(csv);
  const port = postgres ? Number(new URL(postgres.url).port) : null;
  const cpu = cpuMeter(port);
  let started = performance.now();
  const sent = await client.request<Upload>('POST', '/api/imports/files', csv, {
    'content-type': 'text/csv',
  });
  if (sent.status !== 200) throw new Error(`upload answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  const uploadMs = performance.now() - started;
  const uploadCpu = cpu();
  const { uploadId, proposal } = sent.body;

  started = performance.now();
  const checked = await streamToEnd(client, `/api/imports/files/${uploadId}/check`, proposal);
  const checkMs = performance.now() - started;
  const checkCpu = cpu();
  if (checked.last?.type !== 'report') throw new Error(`check ended with ${JSON.stringify(checked.last)}`);
  const report = checked.last.report;
  if (report.invalidRows.length > 0)
    throw new Error(`rows with problems: ${JSON.stringify(report.issues.slice(0, 5))}`);
  // as a user deciding: every possible match of this made-up file is another person
  const decisions = report.matches
    .filter((m) => m.candidates.length > 0 || m.sameAsRows.length > 0)
    .map((m) => ({ row: m.row, choice: 'new' as const }));

  started = performance.now();
  const done = await streamToEnd(client, `/api/imports/files/${uploadId}/commit`, { decisions });
  const commitMs = performance.now() - started;
  const commitCpu = cpu();
  if (done.last?.type !== 'done') throw new Error(`import ended with ${JSON.stringify(done.last)}`);
  const [persons] = await queryRows<{ n: number }>(handle.owner, sql`select count(*)::int as n from persons`);

  const engine = postgres ? 'PostgreSQL' : 'PGlite';
  console.log(
    `import of ${rows.toLocaleString('en')} rows (${(bytes.length / 1e6).toFixed(1)} MB CSV) on ${engine}, over HTTP:`,
  );
  console.log(`  read the file (upload)   ${seconds(uploadMs)}   ${uploadCpu}`);
  console.log(
    `  dry run (check, 名寄せ)  ${seconds(checkMs)}   ${report.matches.length} rows with a possible match, ${checked.progress} progress lines; ${checkCpu}`,
  );
  console.log(
    `  import (one transaction) ${seconds(commitMs)}   ${JSON.stringify(done.last.result)}, ${done.progress} progress lines; ${commitCpu}`,
  );
  console.log(
    `  dry run + import         ${seconds(checkMs + commitMs)} (target ≤ 30 s); all three ${seconds(uploadMs + checkMs + commitMs)}`,
  );
  console.log(
    `  people in the database   ${persons?.n}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await server.close();
  postgres?.started?.stop();
}
