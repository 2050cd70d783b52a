// The embedded server under load: the bundle on PGlite in a folder with the demo city, as
// `npm start` runs without DATABASE_URL. It is started once to seed the demo and then again on
// the same folder, so that the seeding's memory is not counted; then wrk at 10, 50 and 200
// connections on case pages, people searches and work queues. Prints req/s and p95 and the
// process's resident memory at rest, after each run and at its peak.
//   npm run bench:embedded [-- --seconds 15]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_BUNDLE } from '../scripts/build-server';
import { startServerProcess } from '../src/testing/server-process';
import { loggedIn, type TestClient } from '../src/testing/test-client';
import { processFigures } from './cpu-time';
import { closedLoop, requestAs, requestsFile } from './load/wrk';

const at = process.argv.indexOf('--seconds');
const seconds = Number(at > 0 ? process.argv[at + 1] : 15);
const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-embedded-'));
const mb = (n: number) => `${n.toFixed(0)} MB`;

try {
  const seeding = await startServerProcess(undefined, { dataDir });
  const seeded = processFigures(seeding.pid);
  await seeding.stop();
  // the bundle the first start built
  const server = await startServerProcess(undefined, { dataDir, bundle: SERVER_BUNDLE });
  try {
    const rest = processFigures(server.pid);
    // from here the peak is the load's, not the start's (migrations, the bundle's first run)
    writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    const consultant = await loggedIn(server.url, 'demo-jiritsu');
    const cases = (await coordinator.get<{ cases: { id: string }[] }>('/api/cases?status=all')).body.cases;
    const as = (client: TestClient, path: string) => requestAs(client, 'GET', path);
    const names = ['サイトウ', 'やまだ', '林', 'ハルコ', '田中', '佐藤'];
    const list = Array.from({ length: 60 }, (_, i) => [
      as(coordinator, `/api/cases/${cases[i % cases.length]?.id}`),
      as(consultant, `/api/people?q=${encodeURIComponent(names[i % names.length] ?? '')}`),
      ...(i % 3 === 0 ? [as(coordinator, '/api/cases/work-queue')] : []),
    ]).flat();
    const file = requestsFile('embedded', list);
    console.log(
      `\nThe embedded server (PGlite in a folder, the demo city), ${seconds} s per run:\n` +
        `after seeding the demo: ${mb(seeded.rssMb)}; started again, at rest: ${mb(rest.rssMb)} (its start's peak ${mb(rest.peakRssMb)})\n\n` +
        '| connections | req/s | p95 | errors | resident after the run | peak under load so far |\n|---|---|---|---|---|---|',
    );
    for (const connections of [10, 50, 200]) {
      const result = closedLoop(server.url, file, connections, seconds);
      const memory = processFigures(server.pid);
      console.log(
        `| ${connections} | ${result.perSecond.toFixed(0)} | ${result.p95.toFixed(0)} ms | ${result.errors} | ${mb(memory.rssMb)} | ${mb(memory.peakRssMb)} |`,
      );
    }
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
