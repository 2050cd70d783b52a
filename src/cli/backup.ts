// Backups: npm run backup [-- <folder>] / npm run restore -- <folder>
// Stop the server first (PGlite's data folder has one owner; a restore replaces the database).
import { join } from 'node:path';
import { backup, restore } from '../db/backup';
import { loadConfig } from '../server/config';

const [command, folderArgument] = process.argv.slice(2);
const config = loadConfig();
const target = {
  databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
  dataDir: config.dataDir,
  checkpointFile: config.audit.checkpointFile,
};

if (command === 'backup') {
  const folder =
    folderArgument ?? join('backups', `tsunagu-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const manifest = await backup(target, folder);
  console.log(`バックアップを作成しました：${folder}（${manifest.engine}）`);
  console.log('監査ログの封印鍵はバックアップに含まれません。鍵は別の場所に保管してください。');
} else if (command === 'restore' && folderArgument) {
  const manifest = await restore(target, folderArgument);
  console.log(`${manifest.createdAt} のバックアップを復元しました（${manifest.engine}）。`);
  console.log('サーバーを起動してから npm run audit:verify で監査ログを確かめてください。');
} else {
  console.error(
    '使い方: npm run backup [-- <保存先フォルダ>] ／ npm run restore -- <バックアップのフォルダ>',
  );
  process.exitCode = 2;
}
