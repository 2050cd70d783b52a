import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../src/server/clock';
import type { RunningServer } from '../src/server/start';
import { addDays, formatWestern } from '../src/shared/dates';
import { loggedIn } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// 台帳の取り込み in the browser: a consultant sends her office's ledger, checks the columns the
// screen proposes and saves them as a source, sees the bad row by row and column, decides that
// one row is someone already registered, leaves the bad row out, confirms, and sees the result.

let server: RunningServer;
let browser: Browser;
let page: Page;
let householdId = '';
const slashed = (offset: number) => addDays(formatWestern(now()), offset).replace(/-/g, '/');

const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
async function accessible(name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await westernDatesShown(page), name).toEqual([]);
  await screenshot(name);
}

const LEDGER = [
  '世帯番号,続柄,対象者氏名,ふりがな,生年月日,電話番号,相談日,相談経路,相談内容,課題',
  `201,本人,青葉 一郎,アオバ イチロウ,S22.5.1,03-1111-2222,${slashed(-5)},来所,家賃が払えない,生活困窮`,
  `201,長男,青葉 健太,アオバ ケンタ,昭和50年3月4日,,,,,`,
  `202,本人,既存 花子,きそん はなこ,1948/2/3,,${slashed(-2)},電話,再び電話があった,介護`,
  `203,本人,日付 誤り,ヒヅケ アヤマリ,1990/13/1,,${slashed(-1)},電話,相談,`,
].join('\r\n');

beforeAll(async () => {
  server = await startTestServer();
  const consultant = await loggedIn(server.url, 'demo-consultant');
  const intake = await consultant.post<{ householdId: string }>('/api/consultations', {
    receivedAt: `${addDays(formatWestern(now()), -30)}T10:00:00+09:00`,
    channel: 'phone',
    broughtBy: 'self',
    newPerson: {
      familyName: '既存',
      givenName: '花子',
      familyNameKana: 'キソン',
      givenNameKana: 'ハナコ',
      birthDate: '1948-02-03',
    },
    newHouseholdName: '既存さん世帯',
    mainComplaint: '一人暮らしが不安',
    outcome: 'handled_here',
    shareConsent: 'not_asked',
  });
  expect(intake.status).toBe(201);
  householdId = intake.body.householdId;
  browser = await launchBrowser();
  page = await openPage(browser, 768);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('importing a ledger in the browser', () => {
  it('reads the file and proposes the columns, which are saved as a source', async () => {
    await logIn(page, server.url, 'demo-consultant');
    await page.getByRole('link', { name: '台帳の取り込み' }).click();
    await page.getByRole('heading', { name: '台帳の取り込み（CSV・Excel）' }).waitFor();
    await accessible('import-1-file');
    await page.locator('input[type=file]').setInputFiles({
      name: '相談台帳.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${LEDGER}`),
    });
    await page.getByRole('button', { name: '読み込む' }).click();
    await page.getByText('ファイル：相談台帳.csv（4行・CSV UTF-8）').waitFor();
    expect(await page.locator('input[aria-label="氏名にあたる列"]').inputValue()).toBe('対象者氏名');
    expect(await page.locator('input[aria-label="主訴にあたる列"]').inputValue()).toBe('相談内容');
    await page.getByLabel('取り込み元の名前').fill('事業所の相談台帳');
    await page.getByRole('button', { name: '列の対応を保存' }).click();
    await page.getByText('取り込み元「事業所の相談台帳」の列の対応を保存しました。').waitFor();
    await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), undefined, {
      timeout: 15_000,
    });
    await accessible('import-2-mapping');
  });

  it('checks without saving: the bad row by row and column, and a possible match to decide', async () => {
    await page.getByRole('button', { name: '確認する（取り込まない）' }).click();
    await page.getByText('確認しました（まだ何も保存していません）').waitFor();
    const problems = page.getByRole('table').filter({ hasText: '理由' });
    await problems
      .getByRole('row', { name: /5行目 生年月日 生年月日「1990\/13\/1」を日付として読み取れません/ })
      .waitFor();
    await page.getByText('4行目：既存 花子（きそん はなこ・昭和23年2月3日）').waitFor();
    await page.getByText('未決定 1行').waitFor();
    await accessible('import-3-report');
    // refused while a row is wrong and a match undecided
    await page.getByRole('button', { name: '取り込む…' }).click();
    await page.getByRole('alert').filter({ hasText: '誤りのある行が1行あります' }).waitFor();
  });

  it('imports after the user decides and confirms, and the existing record gets the consultation', async () => {
    await page
      .getByRole('radio', { name: '同じ人として取り込む（既存の記録に追加）：既存 花子さん' })
      .check();
    await page.getByLabel(/誤りのある1行は取り込まない/).check();
    await page.getByText('すべて決めました').waitFor();
    await page.getByRole('button', { name: '取り込む…' }).click();
    const dialog = page.getByRole('dialog', { name: '取り込みますか' });
    await dialog.getByText('新しく登録する本人：2人').waitFor();
    for (const line of ['登録済みの本人に追加：1人', '新しい世帯：1件', '相談：2件', '取り込まない行：1行'])
      await dialog.getByText(line).waitFor();
    await accessible('import-4-confirm');
    await dialog.getByRole('button', { name: '取り込む' }).click();
    const done = page.getByRole('status').filter({ hasText: '取り込みました' });
    await done.getByText('新しく登録した本人：2人').waitFor();
    await accessible('import-5-done');
    const consultant = await loggedIn(server.url, 'demo-consultant');
    const household = await consultant.get<{ consultations: { mainComplaint: string }[] }>(
      `/api/households/${householdId}`,
    );
    expect(household.body.consultations.map((c) => c.mainComplaint)).toContain('再び電話があった');
  });

  it('maps the next file from the saved source by itself', async () => {
    await page.getByRole('button', { name: '別のファイルを取り込む' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '相談台帳-翌月.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(LEDGER.split('\r\n').slice(0, 2).join('\r\n')),
    });
    await page.getByRole('button', { name: '読み込む' }).click();
    await page.getByText('この取り込み元の対応を使っています（変えたら保存し直せます）').waitFor();
    expect(await page.getByLabel('取り込み元の名前').inputValue()).toBe('事業所の相談台帳');
  });

  it('gives every row one 相談経路 when the file has no column for it', async () => {
    await page.getByRole('button', { name: '別のファイルを選ぶ' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '来所台帳.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['対象者氏名,生年月日,相談日,相談内容', `来所 一郎,S40.1.2,${slashed(-3)},窓口で相談`].join('\r\n'),
      ),
    });
    await page.getByRole('button', { name: '読み込む' }).click();
    await page.getByText('ファイル：来所台帳.csv（1行・CSV UTF-8）').waitFor();
    await page.locator('input[aria-label="相談経路にあたる列"]').click();
    await page.getByRole('option', { name: 'すべての行：来所' }).click();
    await page.getByText('すべての行で「来所」').waitFor();
    await accessible('import-6-fixed-value');
    await page.getByRole('button', { name: '確認する（取り込まない）' }).click();
    await page.getByText('確認しました（まだ何も保存していません）').waitFor();
    await page.getByText(/1行のうち、1行は取り込めます（うち相談のある行 1行）/).waitFor();
  });
});
