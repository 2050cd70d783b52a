import { loadConfig } from './config';
import { startServer } from './start';

const config = loadConfig();
const running = await startServer(config);
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.dataDir})`;
console.log(
  `tsunagu: ${running.url} で起動しました。データベース: ${where}${config.demo ? '、デモモード' : ''}`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('tsunagu: 停止しています…');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
