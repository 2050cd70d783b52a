// The load benchmark: the benchmark city on a durable PostgreSQL server (fsync on), the server
// in its own process as in production, and wrk on 127.0.0.1.
//   npm run bench:load                        # a throwaway server; the city is built first (minutes)
//   npm run bench:load -- --data /var/tmp/city   # keep the server and its city between runs
//   npm run bench:load -- --seconds 5 --size 5000,1000,50000   # shorter runs, a smaller city
//   npm run bench:load -- --only case --statements   # one request; where PostgreSQL spends it
//   npm run bench:load -- --only staff                # the staff run alone
//   npm run bench:load -- --only mixed,staff          # the mixed runs, then the staff run
//   npm run bench:load -- --rounds 4                  # four rounds of turns: the comparisons' intervals
// Prints, per request: req/s and p95 in a closed loop at 10, 50 and 200 connections; 10 and 200
// again in turns (the convoy check, free of the run's drift); the app at 50 in turns with the
// same statements replayed by pgbench at 50 clients, and the ratio; the CPU split between node
// and PostgreSQL; then 200 staff with think time (open loop, about 100 req/s), the server's
// memory, and what else went on during each run (checkpoints, autovacuum, WAL, disk, idle cores).
import { availableParallelism } from 'node:os';
import { sql } from 'drizzle-orm';
import { overSocket, startTestPostgres } from '../scripts/postgres';
import { openDatabase, queryRows } from '../src/db/client';
import { ACTIVE_STATUSES } from '../src/modules/cases/case-state';
import { startServerProcess } from '../src/testing/server-process';
import { loggedIn, type TestClient } from '../src/testing/test-client';
import { BENCHMARK_CITY, benchmarkCity, type CitySize } from './city';
import { childrenCpuSeconds, postgresCpuSeconds, processTreeFigures } from './cpu-time';
import { checkpointFollower, watchBackground } from './load/background';
import { staffAtWork } from './load/open-loop';
import { captureEach, pgbenchScript, replay, replayScripts, statementLatencies } from './load/replay';
import { inRounds, mean, percentChange, ratioWithInterval } from './load/rounds';
import {
  type CpuNow,
  closedLoop,
  inTurns,
  type LoadRequest,
  type LoadResult,
  requestAs,
  requestsFile,
  sendOnce,
} from './load/wrk';

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const seconds = Number(option('seconds') ?? 15);
// rounds of turns (10, 200, 200, 10 and the app, pgbench, pgbench, the app): with two or more
// the comparisons carry a 95 % interval of their mean (load/rounds.ts)
const rounds = Number(option('rounds') ?? 1);
const sizeOption = option('size')?.split(',').map(Number);
const size: CitySize = sizeOption
  ? { households: sizeOption[0] ?? 0, cases: sizeOption[1] ?? 0, records: sizeOption[2] ?? 0 }
  : BENCHMARK_CITY;
const CONCURRENCY = [10, 50, 200];
// as many server processes as cores, as README's deployment advises (--workers 1: a single one)
const workers = Number(option('workers') ?? availableParallelism());
const SESSIONS = 20;

const postgres = await startTestPostgres({
  durable: true,
  dataDir: option('data'),
  settings: { shared_buffers: '1GB', max_connections: '200', max_wal_size: '4GB' },
});
const port = Number(new URL(postgres.url).port);
const city = await benchmarkCity(postgres.url, size);
// the app and pgbench's raw SQL alike reach PostgreSQL through its Unix socket, as an app on the
// same machine would be configured (README: Under load)
const database = { ...city, appUrl: overSocket(city.appUrl, postgres.socketDir) };
const server = await startServerProcess(database, { workers });
const owner = await openDatabase({ databaseUrl: database.ownerUrl });

try {
  const sessions = async (loginId: string) => {
    const list: TestClient[] = [];
    for (let i = 0; i < SESSIONS; i++) list.push(await loggedIn(server.url, loginId));
    return list;
  };
  const coordinators = await sessions('demo-coordinator');
  const consultants = await sessions('demo-jiritsu');

  const sample = await queryRows<{ id: string }>(
    owner.owner,
    sql`select id::text from cases order by md5(id::text) limit 100`,
  );
  const active = await queryRows<{ id: string }>(
    owner.owner,
    sql`select id::text from cases where status = any(${sql.param(ACTIVE_STATUSES)}::text[]) order by md5(id::text) limit 100`,
  );
  const queries = ['サイトウ', '斉藤', 'やまだ', '林', '渡辺和', 'ハルコ'].map(
    (q) => `q=${encodeURIComponent(q)}`,
  );
  queries.push('birthDate=1950-05-05', 'phone=09012345678', `address=${encodeURIComponent('桜台3-1')}`);
  const today = new Date().toISOString().slice(0, 10);
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;

  const lists: Record<string, LoadRequest[]> = {
    'case page': sample.map((c, i) => requestAs(at(coordinators, i), 'GET', `/api/cases/${c.id}`)),
    'people search': Array.from({ length: 180 }, (_, i) =>
      requestAs(at(consultants, i), 'GET', `/api/people?${at(queries, i)}`),
    ),
    'work queue': coordinators.map((c) => requestAs(c, 'GET', '/api/cases/work-queue')),
  };
  const write = (i: number) =>
    requestAs(at(coordinators, i), 'POST', `/api/cases/${at(active, i).id}/records`, {
      recordedOn: today,
      type: 'phone',
      minutes: 10,
      content: '負荷試験の記録（電話で近況を確認）',
    });
  // 20 % writes: of every ten requests, two support records and eight reads
  lists['mixed, 20 % writes'] = Array.from({ length: 500 }, (_, i) => {
    const reads = [lists['case page'], lists['people search'], lists['work queue']] as LoadRequest[][];
    return i % 10 < 2 ? write(i) : at(at(reads, i), i);
  });

  // each kind answers; then the statements of one request of each kind, for pgbench
  const call = (r: LoadRequest) =>
    sendOnce(server.url, r).then(async (response) => {
      if (response.status >= 300)
        throw new Error(`${r.path} answered ${response.status}: ${await response.text()}`);
    });
  for (const list of Object.values(lists)) await call(list[0] as LoadRequest);
  // the raw side replays every request of each list as the app ran it (one case of nine
  // records standing for a hundred cases of 45 on average would flatter the raw SQL)
  const reads = ['case page', 'people search', 'work queue'] as const;
  const scripts: Record<string, string[]> = {};
  const statementCounts: string[] = [];
  for (const name of reads) {
    const captured = await captureEach(
      postgres.url,
      postgres.logFile,
      (lists[name] ?? []).map((r) => () => call(r)),
    );
    scripts[name] = replayScripts(name.replace(/\s/g, '-'), captured);
    const counts = captured.map((c) => c.length);
    const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
    statementCounts.push(`${name} ${fewest === most ? fewest : `${fewest}–${most}`}`);
  }
  const writtenCase = at(active, 1).id;
  const [writeStatements = []] = await captureEach(postgres.url, postgres.logFile, [() => call(write(1))]);
  statementCounts.push(`write ${writeStatements.length}`);
  // the captured write on one of the hundred cases the app writes to, drawn per transaction
  // (one case for every write would wait on its row; a script per case would be prepared
  // afresh on each connection)
  const writes = pgbenchScript('writes', [
    '\\set i random(1, 100)',
    `select (array[${active.map((c) => `'${c.id}'`).join(',')}]::uuid[])[:i] as case_id \\gset`,
    ...writeStatements.map((w) => w.replaceAll(`'${writtenCase}'`, ':case_id')),
  ]);
  const fileOf = (script: string) => script.slice(0, script.lastIndexOf('@'));
  // --statements: where PostgreSQL spends a request, statement by statement (one client)
  if (process.argv.includes('--statements'))
    for (const [name, file] of [
      ...reads.map((name) => [name, fileOf(scripts[name]?.[0] ?? '')] as const),
      ['write', pgbenchScript('write', writeStatements)] as const,
    ]) {
      const latencies = statementLatencies(database.appUrl, file, 3);
      const total = latencies.reduce((sum, l) => sum + l.ms, 0);
      console.log(`\n${name}: ${total.toFixed(2)} ms in ${latencies.length} statements, the slowest:`);
      for (const l of latencies.slice(0, 6))
        console.log(`  ${l.ms.toFixed(2).padStart(7)} ms  ${l.statement}`);
    }
  // the mix of the mixed run: of 500 requests, 135 case pages, 135 searches, 130 work queues
  // and 100 writes; each kind's scripts keep their shares within it
  const weighted = (name: string, weight: number) => {
    const list = scripts[name] ?? [];
    const total = list.reduce((sum, s) => sum + Number(s.slice(s.lastIndexOf('@') + 1)), 0);
    return list.map(
      (s) =>
        `${fileOf(s)}@${Math.max(1, Math.round((weight * Number(s.slice(s.lastIndexOf('@') + 1))) / total))}`,
    );
  };
  const rawFor: Record<string, string[]> = {
    'case page': scripts['case page'] ?? [],
    'people search': scripts['people search'] ?? [],
    'work queue': scripts['work queue'] ?? [],
    'mixed, 20 % writes': [
      ...weighted('case page', 135),
      ...weighted('people search', 135),
      ...weighted('work queue', 130),
      `${writes}@100`,
    ],
  };

  const rows: string[] = [];
  const split: string[] = [];
  const background: string[] = [];
  const checkpoints = checkpointFollower(postgres.logFile);
  const cpuNow: CpuNow = () => ({
    node: processTreeFigures(server.pid).cpuSeconds,
    postgres: postgresCpuSeconds(port) ?? 0,
    wrk: childrenCpuSeconds(),
  });
  const turnLines: string[] = [];
  const only = option('only')?.split(',');
  const chosen = (name: string) => !only || only.some((o) => name.startsWith(o));
  for (const [name, list] of Object.entries(lists)) {
    if (!chosen(name)) continue;
    const file = requestsFile(name.replace(/[^a-z]/g, ''), list);
    closedLoop(server.url, file, 10, Math.min(3, seconds)); // warm up
    const results: LoadResult[] = [];
    for (const connections of CONCURRENCY) {
      const before = cpuNow();
      const since = await watchBackground(owner.owner, checkpoints);
      const result = closedLoop(server.url, file, connections, seconds);
      results.push(result);
      background.push(`${name} at ${connections}: ${await since()}`);
      if (connections === 50) {
        const after = cpuNow();
        const nodeMs = ((after.node - before.node) * 1000) / result.requests;
        const pgMs = ((after.postgres - before.postgres) * 1000) / result.requests;
        split.push(`| ${name} | ${nodeMs.toFixed(2)} ms | ${pgMs.toFixed(2)} ms |`);
      }
    }
    const half = Math.max(5, Math.round(seconds / 2));
    const since = await watchBackground(owner.owner, checkpoints);
    const turns = inTurns(server.url, file, half, cpuNow, rounds);
    background.push(`${name}, 10 and 200 in turns: ${await since()}`);
    for (const [index, round] of turns.entries())
      for (const [connections, level] of [
        [10, round.at10],
        [200, round.at200],
      ] as const) {
        const { node, postgres, wrk } = level.cpuMs;
        turnLines.push(
          `| ${name} | ${index + 1} | ${connections} | ${level.runs.map((r) => r.toFixed(0)).join(', ')} | ${node.toFixed(2)} / ${postgres.toFixed(2)} / ${wrk.toFixed(2)} ms |`,
        );
      }
    // the app against its raw SQL at 50, in turns as well
    const sides = inRounds(
      rounds,
      () => closedLoop(server.url, file, 50, half).perSecond,
      () => replay(database.appUrl, rawFor[name] ?? [], 50, half),
    );
    const cells = results.map(
      (r) => `${r.perSecond.toFixed(0)} / ${r.p95.toFixed(0)} ms${r.errors ? ` (${r.errors} errors)` : ''}`,
    );
    const [low, high] = [mean(turns.map((t) => t.at10.perSecond)), mean(turns.map((t) => t.at200.perSecond))];
    const change = percentChange(turns.map((t) => t.at200.perSecond / t.at10.perSecond));
    const [app, tps] = [mean(sides.flatMap((s) => s.a)), mean(sides.flatMap((s) => s.b))];
    const ratio = ratioWithInterval(sides.map((s) => mean(s.a) / mean(s.b)));
    rows.push(
      `| ${name} | ${cells.join(' | ')} | ${low.toFixed(0)} → ${high.toFixed(0)}, ${change} | ${app.toFixed(0)} / ${tps.toFixed(0)} | ${ratio} |`,
    );
    console.log(
      `${name}: ${cells.join(', ')}; in turns 10 → 200: ${low.toFixed(0)} → ${high.toFixed(0)}, ${change}; at 50 in turns the app ${sides.flatMap((s) => s.a.map((r) => r.toFixed(0))).join(', ')} req/s, raw SQL ${sides.flatMap((s) => s.b.map((r) => r.toFixed(0))).join(', ')} tx/s, ${ratio}`,
    );
  }

  const mixed = lists['mixed, 20 % writes'] ?? [];
  // alone (--only staff), after a warm-up as the closed loops give it otherwise
  if (only?.length === 1 && only[0] === 'staff')
    closedLoop(server.url, requestsFile('mixed', mixed), 10, Math.min(3, seconds));
  const since = await watchBackground(owner.owner, checkpoints);
  const staff = chosen('staff')
    ? await staffAtWork(server.url, mixed, {
        staff: 200,
        offeredPerSecond: 100,
        seconds: Math.max(seconds * 2, 10),
      })
    : null;
  if (staff) background.push(`staff at work: ${await since()}`);
  const memory = processTreeFigures(server.pid);

  console.log(
    `\nLoad on the benchmark city (${size.households.toLocaleString('en')} households, ${size.cases.toLocaleString('en')} cases, ${size.records.toLocaleString('en')} records), PostgreSQL with fsync on, ${workers} server worker${workers > 1 ? 's' : ''}, ${seconds} s per run:\n`,
  );
  console.log(
    '| request | 10: req/s / p95 | 50 | 200 | 10 → 200 in turns: req/s, change | at 50 in turns: app req/s / raw SQL tx/s | app ÷ raw |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('\nCPU per request at 50 connections:\n\n| request | node | PostgreSQL |\n|---|---|---|');
  for (const row of split) console.log(row);
  if (turnLines.length)
    console.log(
      `\n10 and 200 connections in turns (10, 200, 200, 10 a round):\n\n| request | round | connections | req/s of each run | CPU a request: node / PostgreSQL / wrk |\n|---|---|---|---|---|\n${turnLines.join('\n')}`,
    );
  console.log(`\nStatements per request: ${statementCounts.join(', ')}`);
  console.log(`\nWhat else went on during each run:\n${background.map((b) => `- ${b}`).join('\n')}\n`);
  if (staff)
    console.log(
      `Staff at work (200, open loop, ${staff.perSecond.toFixed(0)} req/s): p50 ${staff.p50.toFixed(1)} ms, p95 ${staff.p95.toFixed(1)} ms, p99 ${staff.p99.toFixed(1)} ms, ${staff.errors} errors (the generator's own timers late by ${staff.generatorLateP99.toFixed(1)} ms at p99)`,
    );
  console.log(
    `Server memory: RSS ${memory.rssMb.toFixed(0)} MB now, ${memory.peakRssMb.toFixed(0)} MB at most${
      memory.peaks.length > 1
        ? ` (each process's peak added up: the primary ${memory.peaks[0]?.toFixed(0)} MB, the workers ${memory.peaks
            .slice(1)
            .map((m) => m.toFixed(0))
            .join(' and ')} MB)`
        : ''
    }`,
  );
} finally {
  await owner.close();
  await server.stop();
  await database.drop();
  postgres.stop();
}
