// Verifies every audit hash chain: npm run audit:verify (exit code 1 when any is broken).
import { openDatabase } from '../db/client';
import { verifyAllChains } from '../modules/audit/audit.service';
import { loadConfig } from '../server/config';

const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  migrationUrl: config.migrationDatabaseUrl,
  dataDir: config.dataDir,
});
try {
  const verdicts = await verifyAllChains(handle.owner);
  for (const v of verdicts) {
    console.log(
      v.ok
        ? `OK  ${v.chain}: ${v.entries}件、改ざんは見つかりませんでした。`
        : `NG  ${v.chain}: ${v.brokenAtSeq}番の記録で検証に失敗しました（${v.reason}）。`,
    );
  }
  if (verdicts.length === 0) console.log('監査ログはまだありません。');
  process.exitCode = verdicts.every((v) => v.ok) ? 0 : 1;
} finally {
  await handle.close();
}
