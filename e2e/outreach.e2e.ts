import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// A water-meter reader's report, taken at a 地域包括支援センター, reaches the outreach team;
// the outreach worker tries, meets the man, builds the relationship, and when he consents a
// consultation opens; the coordinator opens the case and sees the outreach history in it.

let server: RunningServer;
let browser: Browser;
let page: Page;

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
async function choose(scope: Page | Locator, label: string, option: RegExp | string) {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}
const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

async function recordContact(means: string, result: string, notes: string) {
  await page.getByRole('button', { name: '接触を記録' }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, '方法', means);
  await choose(dialog, '結果', result);
  await field(dialog, '内容').fill(notes);
  await dialog.getByRole('button', { name: '記録する' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function moveTo(stage: string) {
  await page.getByRole('button', { name: '段階を変える・終了する' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(stage).check();
  await dialog.getByRole('button', { name: '記録する' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('outreach in the browser', () => {
  it('a consultant takes a water-meter reader’s report and later sees only that it is followed up', async () => {
    await logIn(page, server.url, 'demo-consultant');
    await page.getByRole('link', { name: 'アウトリーチ' }).first().click();
    await page.getByText('まだ報告はありません').waitFor();
    await page.getByRole('button', { name: '気になる人・世帯の報告を受ける' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, '誰からの情報か', '見守り協定先');
    await choose(dialog, '見守り協定先', 'つなぐ市水道サービス（検針）');
    await field(dialog, '場所（住所・地区）').fill('桜台3丁目');
    await field(dialog, '気づいたこと').fill('2か月続けて水道の使用量がほぼゼロ。郵便受けがあふれている。');
    await field(dialog, '気になる人（わかる範囲で）').fill('50代くらいの男性、母親と二人暮らしだった');
    await dialog.getByText('早めの対応が必要').click();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('outreach-report');
    await dialog.getByRole('button', { name: '受け付ける' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '受け付けました' }).waitFor();
    expect(await page.getByText('桜台').count()).toBe(0);
  });

  it('the outreach worker tries, meets, builds the relationship, and opens a consultation on consent', async () => {
    await logIn(page, server.url, 'demo-outreach');
    await page.getByText('担当が決まっていません').waitFor();
    await page.getByRole('link', { name: '桜台3丁目の気になる人・世帯' }).click();
    await page.getByRole('heading', { name: '桜台3丁目の気になる人・世帯' }).waitFor();
    await page.getByText('2か月続けて水道の使用量がほぼゼロ').waitFor();

    await page.getByRole('button', { name: '担当・呼び名' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '担当').click();
    await page.getByRole('option', { name: /西田 翔/ }).click();
    await field(dialog, '記録の呼び名').fill('桜台3丁目 母を亡くした男性');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '桜台3丁目 母を亡くした男性' }).waitFor();

    await recordContact('訪問', '不在', '応答なし。手紙をポストに入れた。');
    await page.getByText('接触を試みている（').first().waitFor();
    await recordContact(
      '同行訪問',
      '話せた',
      '民生委員と訪問。玄関越しに5分ほど話せた。「母の手続きが手つかず」。',
    );
    await page
      .getByText(/^会えた（/)
      .first()
      .waitFor();
    await moveTo('関係づくり中');
    await moveTo('相談できる関係');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('outreach-record');

    await page.getByRole('link', { name: '同意を得て相談につなぐ' }).click();
    await page.getByText('アウトリーチの記録「桜台3丁目 母を亡くした男性」から受け付けます').waitFor();
    await field(page, '氏').fill('桜井');
    await field(page, '名').fill('健一');
    await field(page, '氏（フリガナ）').fill('サクライ');
    await field(page, '名（フリガナ）').fill('ケンイチ');
    await field(page, '主訴').fill('母を亡くしてから手続きができず、生活費も尽きかけている。相談したい。');
    await page.getByLabel('書面').check();
    await field(page, 'つなぐ理由').fill('生活・手続き・健康の複数の課題');
    await field(page, 'これまでの対応').fill('半年間の訪問で関係をつくった');
    await screenshot('outreach-intake');
    await page.getByRole('button', { name: '受け付けて、つなぐ' }).click();
    await page.getByRole('heading', { name: '桜井さん世帯' }).waitFor();
    await page.getByRole('heading', { name: '同意に至るまでのアウトリーチの経過' }).waitFor();
  });

  it('the coordinator opens the case, and the outreach history goes with it', async () => {
    await logIn(page, server.url, 'demo-coordinator');
    await page.getByRole('link', { name: /つなぐ市社会福祉協議会からのつなぎ：受理か辞退を/ }).click();
    await page.getByRole('button', { name: '多機関協働事例を開く' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/桜井 健一/).check();
    await dialog.getByRole('button', { name: '事例を開く' }).click();
    await page.getByRole('heading', { name: '桜井さん世帯' }).waitFor();
    await page.getByRole('heading', { name: '同意に至るまでのアウトリーチの経過' }).waitFor();
    await page.getByText('2か月続けて水道の使用量がほぼゼロ').waitFor();
    await page.getByText('民生委員と訪問。玄関越しに5分ほど話せた').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('outreach-case-history');
  });
});
