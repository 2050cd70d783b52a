import { setFlagsFromString } from 'node:v8';
import { startPrimary, startWorker, workerPlace } from './cluster';
import { loadConfig } from './config';
import { startServer } from './start';

const config = loadConfig();
// With PGlite the database shares this process's memory: the old generation grows by a fifth
// over what survived the last full collection instead of V8's default (up to four times), so
// requests queued on PGlite's one connection do not pile up promoted garbage (README, "Embedded").
if (!config.databaseUrl) setFlagsFromString('--heap-growing-percent=20');
const place = workerPlace(config);
const running = place
  ? await startWorker(config, place)
  : config.workers > 1
    ? await startPrimary(config)
    : await startServer(config);
if (!place) {
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.dataDir})`;
  const processes = config.workers > 1 ? `、処理プロセス ${config.workers}` : '';
  // printed once listening: tests and benches wait for this line (testing/announced-url.ts)
  console.log(
    `tsunagu: ${running.url} で起動しました。データベース: ${where}${processes}${config.demo ? '、デモモード' : ''}`,
  );
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (!place) console.log('tsunagu: 停止しています…');
  running.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
// a worker whose primary is gone (stopped or killed) stops too
if (place) process.on('disconnect', stop);
