// No lost writes: npm run test:crash [-- --kills 50] [--engine pglite|postgresql]
// The server process is killed with SIGKILL at random moments while it takes acknowledged writes,
// on PGlite (a data folder) and on a PostgreSQL server with its durable settings (fsync on);
// after each restart every acknowledged write must be there, and at the end the audit log verifies.
import { verifyAudit } from '../src/modules/audit/audit.verify';
import { crashLoop } from '../src/testing/crash-loop';
import { diskDatabase } from '../src/testing/disk-database';
import { startTestPostgres } from './postgres';

const argument = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const kills = Number(argument('kills') ?? 50);
const engines = argument('engine') ? [argument('engine')] : ['pglite', 'postgresql'];
let failed = false;

for (const engine of engines) {
  const started = performance.now();
  const postgres = engine === 'postgresql' ? await startTestPostgres({ durable: true }) : undefined;
  try {
    const database = await diskDatabase(postgres?.url);
    const stats = await crashLoop(database.env, kills, (line) => console.log(`  ${engine} ${line}`));
    const handle = await database.open();
    const problems = (await verifyAudit(handle.owner, database.audit)).filter((v) => !v.ok);
    await handle.close();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `${engine}: ${stats.kills} kills, ${stats.acknowledged} acknowledged writes, lost ${stats.lost}, ` +
        `${stats.restarts} restarts, audit ${problems.length === 0 ? 'verified' : `NG ${JSON.stringify(problems)}`} (${seconds} s)`,
    );
    for (const line of stats.missing) console.log(`  ${engine} missing after a restart: ${line}`);
    failed ||= stats.lost > 0 || problems.length > 0 || stats.kills !== kills;
  } finally {
    postgres?.stop();
  }
}
process.exit(failed ? 1 : 0);
