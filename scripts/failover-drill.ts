// The failover drill (npm run drill:failover): a pg_auto_failover formation on loopback (monitor,
// primary, synchronous secondary), the server in its own process against it through a proxy to
// the primary, support records written by four workers; the primary is killed under that load,
// and the drill shows that the server carries on with the new primary and that every write it
// acknowledged is there. Needs Debian's postgresql-15-auto-failover and pg-auto-failover-cli.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ACTIVE_STATUSES } from '../src/modules/cases/case-state';
import { type ServerProcess, startServerProcess } from '../src/testing/server-process';
import { loggedIn } from '../src/testing/test-client';
import { APPLICATION_LOGIN } from '../src/testing/test-database';
import { Formation } from './failover/formation';
import { primaryProxy } from './failover/primary-proxy';
import { createApplicationRoles, freePort } from './postgres';

const WRITERS = 4;
const log = (line: string) => console.log(`${(performance.now() / 1000).toFixed(1).padStart(6)} s  ${line}`);

const formation = new Formation({ monitor: await freePort(), nodes: [await freePort(), await freePort()] });
let server: ServerProcess | undefined;
let proxy: Awaited<ReturnType<typeof primaryProxy>> | undefined;
let failed = false;
try {
  log('starting the monitor, the primary and the secondary (pg_auto_failover)');
  await formation.start();
  const proxyPort = await freePort();
  proxy = await primaryProxy(
    formation.nodes.map((n) => n.port),
    proxyPort,
  );
  const ownerUrl = `postgres://postgres@127.0.0.1:${proxyPort}/tsunagu`;
  await createApplicationRoles(ownerUrl);
  server = await startServerProcess({
    appUrl: `postgres://${APPLICATION_LOGIN}@127.0.0.1:${proxyPort}/tsunagu`,
    ownerUrl,
  });
  await formation.waitFor(
    () => formation.state().some((s) => s.current_group_state === 'primary'),
    'node1 primary with its secondary',
  );
  log(
    `server up on the formation (${formation
      .state()
      .map((s) => `${s.nodename} ${s.current_group_state}`)
      .join(', ')})`,
  );

  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ id: string }>(
    'select id::text from cases where status = any($1::text[]) order by id limit $2',
    [ACTIVE_STATUSES, WRITERS],
  );
  if (rows.length === 0) throw new Error('no active case to write to');
  await owner.end();
  const client = await loggedIn(server.url, 'demo-coordinator');

  const acknowledged = new Set<string>();
  let errors = 0;
  let next = 0;
  let stopping = false;
  let killedAt = 0;
  let firstAfter = 0;
  let firstFailure = 0;
  const writer = async (caseId: string) => {
    while (!stopping) {
      const marker = `フェイルオーバー訓練 ${next++}`;
      const sent = performance.now();
      const response = await client
        .post(`/api/cases/${caseId}/records`, {
          recordedOn: new Date().toISOString().slice(0, 10),
          type: 'phone',
          minutes: 5,
          content: marker,
        })
        .catch(() => null);
      if (response && response.status < 300) {
        acknowledged.add(marker);
        // the first write sent after the failover began (one that failed, or hung, is seen)
        if (firstFailure && sent > firstFailure && !firstAfter) firstAfter = performance.now();
      } else {
        if (killedAt && !firstFailure) firstFailure = performance.now();
        if (errors++ === 0 && !killedAt)
          log(`a write failed before the kill: ${JSON.stringify(response?.body)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const writers = rows.map((r) => writer(r.id));

  await new Promise((resolve) => setTimeout(resolve, 8000));
  const before = acknowledged.size;
  const primary = formation.primary();
  if (!primary) throw new Error('no primary before the kill');
  log(
    `${before} support records acknowledged; killing the primary ${primary.name} (keeper and PostgreSQL, SIGKILL)`,
  );
  killedAt = performance.now();
  formation.kill(primary);
  await formation.waitFor(
    () => {
      try {
        const now = formation.primary();
        return now !== undefined && now.name !== primary.name;
      } catch {
        return false;
      }
    },
    'the secondary to be promoted',
    180,
  );
  log(`promoted: ${formation.primary()?.name}`);
  await formation.waitFor(() => acknowledged.size >= before + 20 && firstAfter > 0, '20 more writes', 120);
  stopping = true;
  await Promise.all(writers);

  const check = new pg.Client({ connectionString: ownerUrl });
  await check.connect();
  const present = new Set(
    (
      await check.query<{ content: string }>(
        `select content from support_records where content like 'フェイルオーバー訓練 %'`,
      )
    ).rows.map((r) => r.content),
  );
  await check.end();
  const missing = [...acknowledged].filter((m) => !present.has(m));
  log(
    `writes acknowledged: ${before} before the kill, ${acknowledged.size - before} after; requests that failed during the switch: ${errors}`,
  );
  log(
    `from the kill to the first write acknowledged by the new primary: ${((firstAfter - killedAt) / 1000).toFixed(1)} s`,
  );
  log(`acknowledged writes missing on the new primary: ${missing.length} (of ${acknowledged.size})`);
  failed = missing.length > 0;
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await server?.stop().catch(() => undefined);
  proxy?.close();
  formation.stop();
}
process.exit(failed ? 1 : 0);
