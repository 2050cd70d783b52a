import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// 地域づくり from the demo city's cases: the coordinator sees ひきこもり × 8050 gathering in
// 東部圏域, raises it as a regional issue in one step and proposes it to the promotion body; the
// community worker, who never sees a case, turns it into a project that creates a new place.

let server: RunningServer;
let browser: Browser;
let page: Page;
let issueUrl = '';

const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('from the pattern to a project', () => {
  it('the coordinator sees the pattern and raises it as a regional issue in one step', async () => {
    await logIn(page, server.url, 'demo-coordinator');
    await page.getByRole('link', { name: '地域づくり' }).click();
    const cell = page.getByRole('button', { name: /^ひきこもり・東部圏域：今年度5件/ });
    await cell.click();
    await page.getByRole('button', { name: /^8050問題・東部圏域：今年度5件/ }).click();
    await expect.poll(() => cell.getAttribute('aria-pressed')).toBe('true');
    // 朝日地区 (3) and 東町地区 (2) are hidden; so would be their difference from 東部圏域
    await page.getByText('地区ごと', { exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^ひきこもり・朝日地区：今年度5件未満/ }).count())
      .toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('community-overview');
    await page.getByRole('button', { name: '選んだ組み合わせを地域課題として提起' }).click();
    const dialog = page.getByRole('dialog', { name: '地域課題として提起' });
    await expect
      .poll(() => field(dialog, '地域課題の名前').inputValue())
      .toBe('ひきこもり・8050問題が東部圏域に多い');
    await field(dialog, '内容（何が起きていて、なぜ地域の課題か）').fill(
      '東部圏域で、ひきこもりの子と高齢の親の世帯の相談が続いている。',
    );
    await dialog.getByRole('button', { name: '提起する' }).click();
    await page.getByRole('heading', { name: 'ひきこもり・8050問題が東部圏域に多い' }).waitFor();
    issueUrl = page.url();
    await page.getByRole('button', { name: '協議の場に提起する' }).click();
    const move = page.getByRole('dialog', { name: '「協議中」にする' });
    await field(move, '提起した協議の場（会議体）').fill('多機関協働推進委員会');
    await move.getByRole('button', { name: '記録する' }).click();
    await page.getByText('協議の場：多機関協働推進委員会').waitFor();
    expect(await westernDatesShown(page)).toEqual([]);
  });

  it('the community worker sees counts, never a case, and turns the issue into a project that creates a place', async () => {
    await logIn(page, server.url, 'demo-community');
    await page.goto(issueUrl);
    await page.getByRole('heading', { name: 'ひきこもり・8050問題が東部圏域に多い' }).waitFor();
    await page.getByText('あなたが見られる事例は結びついていません。').waitFor();
    expect(await page.getByText(/石田|早川|村井/).count()).toBe(0);
    await page.getByRole('button', { name: 'プロジェクトを立ち上げる' }).click();
    const dialog = page.getByRole('dialog', { name: 'プロジェクトを立ち上げる' });
    await field(dialog, 'プロジェクト名').fill('東部の夜の居場所づくり');
    await field(dialog, 'ねらい').fill('本人が夕方から立ち寄れる場所をつくる。');
    await dialog.getByRole('button', { name: '立ち上げる' }).click();
    await page.getByRole('heading', { name: '東部の夜の居場所づくり' }).waitFor();
    await page.getByRole('button', { name: '新しい社会資源を登録して結びつける' }).click();
    const form = page.getByRole('dialog', { name: '社会資源を登録' });
    await field(form, '名称').fill('東部ゆうがた居場所');
    await field(form, '運営する団体').click();
    await page.getByRole('option', { name: 'NPO法人 ひだまりの居場所', exact: true }).click();
    // the pills input of a MultiSelect is a zero-width field until something is chosen
    await field(form, '種別（複数可）').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: '居場所', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '登録' }).click();
    await page.getByRole('link', { name: '東部ゆうがた居場所' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('community-project');
    await page.goto(issueUrl);
    await page.getByText('プロジェクト化', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: '東部の夜の居場所づくり' }).waitFor();
  });
});
