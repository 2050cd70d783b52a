import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('logging in and out', () => {
  it('sends a visitor to an accessible login page that lists the demo logins', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login$/);
    await page.getByText('デモモードで動いています').waitFor();
    expect(await page.getByRole('button', { name: 'demo-consultant' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tells the user in Japanese when the password is wrong', async () => {
    await page.getByLabel('ログインID').fill('demo-consultant');
    await page.getByLabel('パスワード').fill('wrong-password');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('alert').getByText('ログインIDまたはパスワードが正しくありません。').waitFor();
    expect(page.url()).toMatch(/\/login$/);
  });

  it('logs a consultant in to an accessible home page with the work queue and today in 和暦', async () => {
    await logIn(page, server.url, 'demo-consultant');
    const main = page.getByRole('main');
    await main.getByText('北村 さくらさん（北部地域包括支援センター／相談員）').waitFor();
    await main.getByRole('heading', { name: '対応が必要なこと' }).waitFor();
    expect(await main.getByText(/本日 令和\d+年\d+月\d+日/).isVisible()).toBe(true);
    expect(await main.getByText(/令和\d+年度（\d{4}年度）/).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const label of [
      '相談受付',
      '世帯・本人',
      '多機関協働',
      '会議',
      'アウトリーチ',
      '参加支援',
      '地域づくり',
    ]) {
      expect(await nav.getByRole('link', { name: new RegExp(`^${label}`) }).isVisible()).toBe(true);
    }
    // 事業管理 is the program manager's; 職員・権限 the administrator's
    expect(await nav.getByRole('link', { name: /^事業管理/ }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '職員・権限' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logs out and keeps the shell closed afterwards', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL(/\/login$/);
  });
});

describe('administration in the browser', () => {
  it('lets the administrator register a colleague, who then appears in the list', async () => {
    await logIn(page, server.url, 'demo-admin');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '職員・権限' })
      .click();
    await page.getByRole('heading', { name: '職員・権限' }).waitFor();
    await page.getByRole('button', { name: '職員を追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('氏名').fill('新任 相談員');
    await dialog.getByLabel('ログインID').fill('shinnin');
    await dialog.getByLabel('初期パスワード').fill('initial-password-1');
    await dialog.getByRole('button', { name: '登録' }).click();
    await page.getByText('職員を登録しました。').waitFor();
    await page.getByRole('cell', { name: 'shinnin' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('asks before stopping an organisation', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '機関', exact: true })
      .click();
    const row = page.getByRole('row', { name: /つなぐ総合法律事務所/ });
    await row.getByRole('button', { name: '停止' }).click();
    await page.getByRole('dialog').getByText('機関を停止しますか').waitFor();
    await page.getByRole('button', { name: 'キャンセル' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await row.getByText('利用中').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
