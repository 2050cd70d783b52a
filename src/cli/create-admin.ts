// One-time setup for a municipality that starts without demo data:
//   npm run create-admin -- --tenant-code 132187 --tenant-name 福生市 --login-id admin --name "管理 太郎"
// The password comes from TSUNAGU_ADMIN_PASSWORD or is asked for (not echoed).
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { bootstrapTenant } from '../modules/tenants/tenants.service';
import { loadConfig } from '../server/config';
import { AppError } from '../server/errors';
import { askHidden } from './prompt';

const { values } = parseArgs({
  options: {
    'tenant-code': { type: 'string' },
    'tenant-name': { type: 'string' },
    organisation: { type: 'string', default: 'システム管理担当' },
    'login-id': { type: 'string', default: 'admin' },
    name: { type: 'string', default: 'システム管理者' },
  },
});

const tenantCode = values['tenant-code'];
const tenantName = values['tenant-name'];
if (!tenantCode || !tenantName) {
  console.error(
    '使い方: npm run create-admin -- --tenant-code <6桁の自治体コード> --tenant-name <自治体名> [--login-id admin] [--name 氏名] [--organisation 所属名]',
  );
  process.exit(2);
}

let password = process.env.TSUNAGU_ADMIN_PASSWORD ?? '';
if (!password) {
  if (!process.stdin.isTTY) {
    console.error('パスワードを TSUNAGU_ADMIN_PASSWORD で渡すか、端末から実行してください。');
    process.exit(2);
  }
  password = await askHidden('管理者のパスワード（10文字以上）: ');
  if ((await askHidden('もう一度入力してください: ')) !== password) {
    console.error('パスワードが一致しません。');
    process.exit(2);
  }
}
if (password.length < 10) {
  console.error('パスワードは10文字以上にしてください。');
  process.exit(2);
}

const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  migrationUrl: config.migrationDatabaseUrl,
  dataDir: config.dataDir,
});
try {
  await bootstrapTenant(handle.owner, {
    tenantCode,
    tenantName,
    organisationName: values.organisation,
    loginId: values['login-id'],
    displayName: values.name,
    password,
  });
  console.log(`${tenantName}（${tenantCode}）の管理者「${values['login-id']}」を作成しました。`);
} catch (error) {
  if (error instanceof AppError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await handle.close();
}
