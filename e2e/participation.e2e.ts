import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextOfficeDay } from '../src/modules/participation/placements.service';
import type { RunningServer } from '../src/server/start';
import { addDays, formatWareki, formatWestern } from '../src/shared/dates';
import { loggedIn } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// 参加支援 from a case: the coordinator starts it and names the participation coordinator as
// 担当; she records the person's wishes, picks a place from the ranked list (seeing why it
// fits), records the trial and the start, and the 1-week follow-up is in her work queue.

let server: RunningServer;
let browser: Browser;
let page: Page;
let caseId = '';

const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
async function choose(scope: Page | Locator, label: string, option: string) {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
const chip = (scope: Locator, name: string) =>
  scope.locator('label', { hasText: new RegExp(`^${name}$`) }).click();

beforeAll(async () => {
  server = await startTestServer();
  const consultant = await loggedIn(server.url, 'demo-consultant');
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const intake = await consultant.post<{ referralIds: string[] }>('/api/consultations', {
    receivedAt: `${today}T10:00:00+09:00`,
    channel: 'home_visit',
    broughtBy: 'family',
    newPerson: {
      familyName: '早川',
      givenName: '翔太',
      familyNameKana: 'ハヤカワ',
      givenNameKana: 'ショウタ',
      birthDate: '1988-04-10',
    },
    newHouseholdName: '早川さん世帯',
    mainComplaint: '30代の息子が5年ほど家から出ていない。母は介護が必要になりつつある。',
    issues: ['hikikomori', '8050'],
    primaryIssue: 'hikikomori',
    outcome: 'refer_multi_agency',
    shareConsent: 'given',
    consentMethod: 'written',
    referral: {
      toOrganisationId: null,
      reason: 'ひきこもりの本人の社会参加と母の介護',
      actionsTaken: '訪問した',
    },
  });
  expect(intake.status).toBe(201);
  const coordinator = await loggedIn(server.url, 'demo-coordinator');
  const opened = await coordinator.post<{ id: string }>('/api/cases', {
    referralId: intake.body.referralIds[0],
    summary: 'ひきこもりの息子の社会参加',
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('participation support in the browser', () => {
  it('the coordinator starts it from the case and names the participation coordinator', async () => {
    await logIn(page, server.url, 'demo-coordinator');
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: '参加支援を始める' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, '担当（参加支援担当）', '南 美咲（つなぐ市社会福祉協議会）');
    await chip(dialog, '家以外の居場所がほしい');
    await chip(dialog, '仲間がほしい');
    await screenshot('participation-open');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '始める' }).click();
    await page.getByRole('heading', { name: '早川 翔太さんの参加支援' }).waitFor();
  });

  it('the participation coordinator records the conditions, picks a place seeing why, and records trial and start', async () => {
    await logIn(page, server.url, 'demo-participation');
    await page.getByRole('link', { name: '参加支援', exact: true }).first().click();
    await page.getByRole('link', { name: '早川 翔太さん' }).click();
    await page.getByRole('heading', { name: '早川 翔太さんの参加支援' }).waitFor();
    await page.getByRole('button', { name: '希望・条件を編集' }).click();
    const needs = page.getByRole('dialog');
    await chip(needs, '月');
    await chip(needs, '水');
    await chip(needs, '午後');
    await choose(needs, '住んでいる地区', '北山地区');
    await field(needs, '本人の言葉で').fill('人と話すのは苦手だけど、同じくらいの年の人がいる場所なら');
    await needs.getByRole('button', { name: '保存' }).click();
    await needs.waitFor({ state: 'detached' });

    const candidate = page.getByRole('button', { name: 'ひだまりの居場所を提案する' });
    await candidate.waitFor();
    const card = page.locator('div', { has: candidate }).last();
    await card.getByText('○ 月・水の午後に開いている').waitFor();
    await card.getByText('○ 同じ地区').waitFor();
    await screenshot('participation-matches');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await westernDatesShown(page)).toEqual([]);
    await candidate.click();
    await page.getByRole('button', { name: '体験した' }).click();
    let dialog = page.getByRole('dialog');
    await field(dialog, '本人の声').fill('思ったより静かで落ち着けた');
    await field(dialog, '受け入れ側の声').fill('また来週もどうぞ');
    await dialog.getByRole('button', { name: '記録する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '参加を始めた' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '記録する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('定着支援の予定：').waitFor();
    await page.getByText('本人「思ったより静かで落ち着けた」').waitFor();
    await screenshot('participation-support');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the 1-week follow-up in her work queue', async () => {
    await page.getByRole('link', { name: 'ホーム' }).first().click();
    const queue = page.getByRole('region', { name: '定着支援の連絡予定' });
    const weekLater = formatWareki(nextOfficeDay(addDays(formatWestern(new Date()), 7)));
    const hers = queue
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: '早川 翔太さん：ひだまりの居場所' }) });
    await hers.getByText(weekLater).waitFor();
    await screenshot('participation-home');
  });

  it('the directory lists the places with their freshness', async () => {
    await page.getByRole('link', { name: '社会資源' }).first().click();
    await page.getByRole('heading', { name: '社会資源（居場所・活動の場・就労体験先）' }).waitFor();
    await page.getByRole('link', { name: 'ひだまりの居場所' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('resources');
    await page.getByRole('link', { name: 'ひだまりの居場所' }).click();
    await page.getByRole('heading', { name: 'ひだまりの居場所' }).waitFor();
    await page.getByRole('heading', { name: '受け入れ先へのサポート' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('resource');
  });
});
