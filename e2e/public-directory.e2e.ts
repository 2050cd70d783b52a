import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../src/modules/demo/demo.city';
import { districtsOf, makeResource } from '../src/modules/resources/directory.fixtures';
import type { RunningServer } from '../src/server/start';
import { loggedIn, type TestClient } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// The directory for residents, without login, once the municipality publishes it: the places
// by area with 受け入れ可／要相談 and no person's name, e-mail or numbers of places; and the
// keeper's import screen: a CSV checked first, its problems shown by row and column.

let server: RunningServer;
let browser: Browser;
let page: Page;
let admin: TestClient;

const publicUrl = () => `${server.url}/public/${DEMO_TENANT.code}`;

async function publish(on: boolean) {
  const { version } = (await admin.get<{ version: number }>('/api/settings')).body;
  expect((await admin.patch('/api/settings', { publicDirectory: on, version })).status).toBe(200);
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url, 'demo-admin');
  const keeper = await loggedIn(server.url, 'demo-participation');
  const sakura = (await districtsOf(keeper)).find((d) => d.name === '桜台地区');
  await makeResource(keeper, '桜台町会', {
    name: 'テスト用 桜台の朝サロン',
    kinds: ['salon', 'kayoi_no_ba'],
    description: '体操とおしゃべりの会です。',
    areaId: sakura?.id,
    address: '桜台1-2-3 桜台集会所',
    schedule: [{ weekday: 1, opens: '13:00', closes: '16:00' }],
    forEveryone: false,
    ageMin: 65,
    targetAttributes: ['elderly'],
    activities: ['talk', 'exercise'],
    contactName: '桜井 花子',
    contactPhone: '03-5555-0101',
    contactEmail: 'hanako@example.jp',
    capacity: 17,
    placesFree: 13,
  });
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the public directory in the browser', () => {
  it('says the directory is not published while the setting is off', async () => {
    await page.goto(publicUrl());
    await page.getByText('この自治体の社会資源の一覧は公開されていません').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the places by area, without login, with no personal data or numbers of places', async () => {
    await publish(true);
    await page.context().clearCookies();
    await page.goto(publicUrl());
    await page.getByRole('heading', { name: `${DEMO_TENANT.name} 地域の居場所・活動の一覧` }).waitFor();
    const card = page.getByRole('article', { name: 'テスト用 桜台の朝サロン' });
    await card.waitFor();
    await card.getByText('受け入れ可').waitFor();
    await card.getByText('03-5555-0101').waitFor();
    await page.getByRole('heading', { name: /^桜台地区（\d+か所）$/ }).waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    for (const hidden of ['桜井', 'hanako@example.jp', '定員', '17人', '13人', '空き'])
      expect(text).not.toContain(hidden);
    expect(await westernDatesShown(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/public-directory.png', fullPage: true });

    await page.getByLabel('曜日').selectOption({ label: '火曜日' });
    await page.getByText('テスト用 桜台の朝サロン').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await card.waitFor();
    await page.getByRole('button', { name: '印刷する（A4）' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '印刷する（A4）' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the import screen', () => {
  it('checks a CSV first, shows its problems by row and column, then imports it after confirmation', async () => {
    await logIn(page, server.url, 'demo-participation');
    await page.goto(`${server.url}/participation/resources/import`);
    await page.getByRole('heading', { name: '社会資源の取り込み・書き出し' }).waitFor();
    const csvPanel = page
      .getByRole('heading', { name: 'CSV（表計算ソフト）から取り込む' })
      .locator('xpath=../..');
    const header = '名称,種別,運営団体,地区,曜日と時間';
    const choose = (text: string) =>
      csvPanel.locator('input[type=file]').setInputFiles({
        name: 'resources.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
    await choose(`${header}\r\n朝の体操,通いの場,朝日町会,朝日地区,月曜 9時\r\n`);
    await csvPanel.getByRole('button', { name: '確認する（取り込まない）' }).click();
    const problems = page.getByRole('alert').filter({ hasText: '直すところがあります' });
    await problems.getByRole('cell', { name: '曜日と時間' }).waitFor();
    expect(await problems.getByRole('cell', { name: '2', exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/resource-import-problems.png', fullPage: true });

    await choose(`${header}\r\n朝の体操,通いの場,朝日町会,朝日地区,月 9:00-10:00\r\n`);
    await csvPanel.getByRole('button', { name: '確認する（取り込まない）' }).click();
    await page.getByText('1件すべて取り込めます').waitFor();
    await csvPanel.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取り込む' }).click();
    await page.getByText('1件を取り込みました（新規 1件・更新 0件、新しい運営団体 1件）。').waitFor();
    const keeper = await loggedIn(server.url, 'demo-participation');
    const list = await keeper.get<{ resources: { name: string }[] }>('/api/resources');
    expect(list.body.resources.map((r) => r.name)).toContain('朝の体操');
  });
});
