import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start';
import { fiscalYearLabel, fiscalYearOf } from '../src/shared/dates';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// 事業管理 as the program manager (事業担当課) would run a year: three targets set from the
// plan, the results counted from the records beside them, the charts, this year's progress
// written in the five-year plan table, and the table printed on A4 landscape.

let server: RunningServer;
let browser: Browser;
let page: Page;
const thisYear = fiscalYearLabel(fiscalYearOf(new Date())).replace(/（.*$/, '');

const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function setTarget(indicator: string, value: string) {
  await row(indicator).getByRole('button', { name: '目標を設定' }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`の目標：${indicator}$`) });
  await field(dialog, `目標値（.+）`).fill(value);
  await dialog.getByRole('button', { name: '目標を保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row(indicator).getByRole('button', { name: '目標を変更' }).waitFor();
}

describe('a year of the program', () => {
  it('sets three targets and sees each result beside its definition', async () => {
    await logIn(page, server.url, 'demo-manager');
    await page.getByRole('link', { name: '事業管理' }).click();
    await page.getByRole('heading', { name: '成果目標と実績' }).waitFor();
    await page.getByText(/の成果目標がまだありません$/).waitFor();
    await setTarget('新規相談件数', '２４');
    await setTarget('多機関協働による事例検討件数', '6');
    await setTarget('研修の実施回数（庁外）', '10');
    // a count that is not about people always shows its number and how far it is
    await expect.poll(() => row('研修の実施回数（庁外）').innerText()).toMatch(/10回[\s\S]*\d+(\.\d)?%/);
    expect(await row('新規相談件数').innerText()).toMatch(/相談受付の記録の件数。[\s\S]*24件/);
    await row('新規相談件数').getByRole('button', { name: '月ごと' }).click();
    await page.getByRole('table', { name: '新規相談件数の月ごとの実績' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await westernDatesShown(page)).toEqual([]);
    await screenshot('program-results');
  });

  it('sees the targets against the results on the dashboard, as a chart and as a table', async () => {
    await page.getByRole('tab', { name: 'ダッシュボード' }).click();
    const figure = page.getByRole('figure', { name: '成果目標の達成率' });
    await expect.poll(() => figure.innerText()).toMatch(/研修の実施回数（庁外） \d+/);
    await figure.getByRole('img').waitFor();
    await page.getByRole('figure', { name: '新規相談とつなぎ（4月からの累計）' }).getByRole('img').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('program-dashboard');
    await figure.getByText('表', { exact: true }).click();
    await expect.poll(() => figure.getByRole('row').count()).toBe(4);
  });

  it('writes this year’s progress in the plan table and prints it on A4 landscape', async () => {
    await page.getByRole('tab', { name: '年度計画' }).click();
    const cell = page.getByRole('button', { name: `ア 居場所の現状分析プロジェクト：${thisYear}を記入` });
    await cell.click();
    const dialog = page.getByRole('dialog', {
      name: new RegExp(`居場所の現状分析プロジェクト：${thisYear}`),
    });
    await field(dialog, '進捗（この年度に行ったこと）').fill(
      '市内12か所の居場所を訪ね、対象と開所日を一覧にした。',
    );
    await dialog.getByText('一部達成', { exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cell.innerText()).toMatch(/進捗：市内12か所[\s\S]*一部達成/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('program-plan');
    const [sheet] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'この表を印刷（A4横）' }).click(),
    ]);
    await sheet.getByText('進捗：市内12か所の居場所を訪ね、対象と開所日を一覧にした。').waitFor();
    await sheet.getByRole('heading', { name: /年度計画$/ }).waitFor();
    const pdf = (await sheet.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 landscape: 842 × 595 points
    expect(pdf.match(/\/MediaBox \[[^\]]*\]/)?.[0]).toMatch(
      /^\/MediaBox \[0 0 84[12](\.\d+)? 59[45](\.\d+)?\]$/,
    );
    await sheet.screenshot({ path: 'test-results/program-plan-print.png', fullPage: true });
    await sheet.close();
  });
});
