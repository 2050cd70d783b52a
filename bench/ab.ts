// Two builds of the server side by side on the benchmark city: each runs in its own process
// against the same PostgreSQL server, and rounds of requests go to one and then the other, so
// that the machine's drift (10–30 % between runs here) falls on both alike. Prints node's and
// PostgreSQL's CPU per request of each (the backends are told apart by their application_name).
//   npx tsx scripts/build-server.ts --out build/server/a.mjs   # on the commit to compare with
//   npx tsx scripts/build-server.ts --out build/server/b.mjs   # on the change
//   npm run bench:ab -- --data /var/tmp/city --only case|work|search|write|session|health [--rounds 20 --requests 400 --workers 2]
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { overSocket, startTestPostgres } from '../scripts/postgres';
import { openDatabase, queryRows } from '../src/db/client';
import { ACTIVE_STATUSES } from '../src/modules/cases/case-state';
import { now } from '../src/server/clock';
import { projectFile } from '../src/server/project-files';
import { formatWestern } from '../src/shared/dates';
import { type ServerProcess, startServerProcess } from '../src/testing/server-process';
import { loggedIn, type TestClient } from '../src/testing/test-client';
import { BENCHMARK_CITY, benchmarkCity } from './city';
import { processFigures, processTreeFigures } from './cpu-time';

const option = (name: string, otherwise: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] as string) : otherwise;
};
const only = option('only', 'case');
const rounds = Number(option('rounds', '20'));
const perRound = Number(option('requests', '400'));
const CLIENTS = 8;
// each build as one process unless asked (--workers 2: a primary and two workers each)
const workers = Number(option('workers', '1'));
const SEARCHES = ['サイトウ', '斉藤', 'やまだ', '林', '渡辺和', 'ハルコ'];

const postgres = await startTestPostgres({
  durable: true,
  dataDir: process.argv.includes('--data') ? option('data', '') : undefined,
  settings: { shared_buffers: '1GB', max_connections: '200' },
});
const database = await benchmarkCity(postgres.url, BENCHMARK_CITY);
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
const owner = await openDatabase({ databaseUrl: database.ownerUrl });
const builds: { name: string; server: ServerProcess }[] = [];
try {
  for (const name of ['a', 'b'])
    builds.push({
      name,
      server: await startServerProcess(
        { ...database, appUrl: overSocket(database.appUrl, postgres.socketDir) },
        {
          bundle: projectFile(option(name, `build/server/${name}.mjs`)),
          applicationName: `tsunagu_ab_${name}`,
          workers,
        },
      ),
    });
  // write: a support record on one of a hundred cases at work, as in bench:load's mixed run
  const cases = await queryRows<{ id: string }>(
    owner.owner,
    only === 'write'
      ? sql`select id::text from cases where status = any(${sql.param(ACTIVE_STATUSES)}::text[]) order by md5(id::text) limit 100`
      : sql`select id::text from cases order by md5(id::text) limit 100`,
  );
  const path = (i: number) =>
    only === 'case'
      ? `/api/cases/${cases[i % cases.length]?.id}`
      : only === 'write'
        ? `/api/cases/${cases[i % cases.length]?.id}/records`
        : only === 'work'
          ? '/api/cases/work-queue'
          : only === 'session'
            ? '/api/auth/session'
            : only === 'health'
              ? '/api/health'
              : `/api/people?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length] as string)}`;
  const record = {
    recordedOn: formatWestern(now()),
    type: 'phone',
    minutes: 10,
    content: '負荷試験の記録（電話で近況を確認）',
  };
  const call = (client: TestClient, i: number) =>
    only === 'write' ? client.post(path(i), record) : client.get(path(i));
  const login = only === 'search' ? 'demo-jiritsu' : 'demo-coordinator';
  const clients = new Map<string, TestClient[]>();
  for (const { name, server } of builds)
    clients.set(name, await Promise.all(Array.from({ length: CLIENTS }, () => loggedIn(server.url, login))));
  const send = (name: string, count: number) =>
    Promise.all(
      (clients.get(name) ?? []).map(async (client, k) => {
        for (let i = k; i < count; i += CLIENTS) {
          const answer = await call(client, i);
          if (answer.status !== 200) throw new Error(`${path(i)} answered ${answer.status}`);
        }
      }),
    );
  const backendSeconds = async (name: string) => {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [`tsunagu_ab_${name}`],
    );
    return rows.reduce((sum, { pid }) => {
      try {
        return sum + processFigures(pid).cpuSeconds;
      } catch {
        return sum; // a connection closed meanwhile
      }
    }, 0);
  };
  // warm: plans, pools, JIT of node; and one write each, as a server at work has seen (a first
  // write used to turn on node's promise hooks for the life of the process: README, "Under load")
  const [atWork] = await queryRows<{ id: string }>(
    owner.owner,
    sql`select id::text from cases where status = any(${sql.param(ACTIVE_STATUSES)}::text[]) order by md5(id::text) limit 1`,
  );
  for (const { name, server } of builds) {
    const writer = await loggedIn(server.url, 'demo-coordinator');
    const answer = await writer.post(`/api/cases/${atWork?.id}/records`, record);
    if (answer.status !== 200) throw new Error(`the warm-up write answered ${answer.status}`);
    await send(name, 300);
  }
  const totals = new Map(builds.map(({ name }) => [name, { node: 0, postgres: 0, seconds: 0, requests: 0 }]));
  for (let round = 0; round < rounds; round++) {
    for (const { name, server } of round % 2 === 0 ? builds : [...builds].reverse()) {
      const node = processTreeFigures(server.pid).cpuSeconds;
      const backends = await backendSeconds(name);
      const started = performance.now();
      await send(name, perRound);
      const total = totals.get(name);
      if (!total) continue;
      total.seconds += (performance.now() - started) / 1000;
      total.node += processTreeFigures(server.pid).cpuSeconds - node;
      total.postgres += (await backendSeconds(name)) - backends;
      total.requests += perRound;
    }
    process.stdout.write(`\rround ${round + 1} of ${rounds}`);
  }
  console.log(`\n\n${only}, ${rounds} rounds of ${perRound} requests each, ${CLIENTS} clients:\n`);
  console.log('| build | node CPU per request | PostgreSQL CPU per request | req/s |\n|---|---|---|---|');
  for (const [name, t] of totals)
    console.log(
      `| ${name} | ${((t.node / t.requests) * 1000).toFixed(2)} ms | ${((t.postgres / t.requests) * 1000).toFixed(2)} ms | ${(t.requests / t.seconds).toFixed(0)} |`,
    );
} finally {
  for (const { server } of builds) await server.stop();
  await owner.close();
  await admin.end();
  postgres.stop();
}
