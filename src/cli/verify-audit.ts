// Verifies the audit log: npm run audit:verify (exit code 1 when anything is wrong).
import { openDatabase } from '../db/client';
import { verifyAudit } from '../modules/audit/audit.verify';
import { loadConfig } from '../server/config';

const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  migrationUrl: config.migrationDatabaseUrl,
  dataDir: config.dataDir,
});
try {
  const verdicts = await verifyAudit(handle.owner, config.audit);
  for (const v of verdicts) {
    console.log(v.ok ? `OK  ${v.subject}: ${v.entries ?? 0}件` : `NG  ${v.subject}: ${v.problem}`);
  }
  process.exitCode = verdicts.every((v) => v.ok) ? 0 : 1;
} finally {
  await handle.close();
}
