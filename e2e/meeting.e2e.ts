import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../src/modules/cases/cases.schemas';
import { formatWestern } from '../src/shared/dates';
import { type CaseWorld, caseAwaitingDecision, startCaseWorld } from '../src/testing/case-world';
import { seriousViolations } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn, logOut } from './session';

// A 重層的支援会議 approves a consented plan and the case moves to 支援中; then, the consent
// withdrawn, a 支援会議 (法第106条の6) takes the case, and a guest lawyer told of the duty sees
// the meeting packet but never the case file.

let world: CaseWorld;
let browser: Browser;
let page: Page;
let caseId = '';

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
async function choose(scope: Page | Locator, label: string, option: RegExp | string) {
  await field(scope, label).click();
  await page.getByRole('option', { name: option }).click();
}
const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

/** Schedules a session of the body a few minutes ago (decisions need a session that has begun). */
async function scheduleSession(body: RegExp) {
  const at = new Date(Date.now() - 5 * 60_000);
  const time = new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tokyo',
  }).format(at);
  await page.goto(`${world.server.url}/meetings`);
  await page.getByRole('button', { name: '会議を予定する' }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, '会議体', body);
  await field(dialog, '開催日').fill(formatWestern(at));
  await field(dialog, '開始時刻').fill(time);
  await field(dialog, '場所').fill('市役所 3階 第2会議室');
  await dialog.getByRole('button', { name: '予定する' }).click();
  await page.getByRole('heading', { name: '議題', exact: true }).waitFor();
}

async function tableTheCase() {
  await page.getByRole('button', { name: '事例を議題にする' }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, '事例', /松岡さん世帯/);
  await dialog.getByRole('button', { name: '議題に加える' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function confirm(button: string, confirmLabel: string) {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('dialog').getByRole('button', { name: confirmLabel }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await caseAwaitingDecision(world);
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.server.close();
});

describe('meetings in the browser', () => {
  it('a 重層的支援会議 approves the plan of a consented case, which moves to 支援中', async () => {
    await logIn(page, world.server.url, 'demo-coordinator');
    await scheduleSession(/^重層的支援会議/);
    await expect.poll(() => page.getByText('中川 陽子').count()).toBeGreaterThan(0);
    await tableTheCase();
    const item = page.getByText('1. 松岡さん世帯（松岡 トメ）');
    await item.waitFor();
    expect(await page.getByText('本人同意あり').count()).toBe(1);
    await confirm('資料を配付する', '配付する');
    await page.getByText('資料配付済').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '決定を記録', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '決定の内容').fill(
      'プランを承認。主担当は社会福祉協議会、家計は自立相談支援機関が担う。',
    );
    await dialog.getByRole('button', { name: '決定を記録する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('プランを承認。主担当は社会福祉協議会').waitFor();
    await page.getByText('支援中').first().waitFor();
    await screenshot('meeting-approved');
    await page.goto(`${world.server.url}/cases/${caseId}`);
    await page.getByRole('tab', { name: '決定の記録' }).click();
    await page.getByRole('link', { name: '重層的支援会議（会議の記録）' }).waitFor();
    const current = await world.as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(current.body.status).toBe('supporting');
  });

  it('an information-only body offers no case on screen; meeting screens pass axe', async () => {
    await page.goto(`${world.server.url}/meetings`);
    await page.getByRole('heading', { name: '会議', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${world.server.url}/meetings/bodies`);
    await page.getByText('事例は扱わない（テーマのみ）').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await scheduleSession(/^多機関協働支援会議（全体会議）/);
    await page.getByText('この会議体は事例を扱いません（テーマのみ・情報共有）').waitFor();
    expect(await page.getByRole('button', { name: '事例を議題にする' }).count()).toBe(0);
    await page.getByRole('button', { name: 'テーマを議題にする' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an outside partner joins the team, and the sender logs its answer to a つなぎ', async () => {
    await page.goto(`${world.server.url}/partners`);
    await page.getByRole('button', { name: '外部の関係機関を登録' }).click();
    const form = page.getByRole('dialog');
    await field(form, '機関名').fill('つなぐ保護司会');
    await choose(form, '種別', '保護司');
    await field(form, '先方の担当者').fill('保護司 田中');
    await form.getByRole('button', { name: '登録する' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '保護司 田中' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('outside-partners');

    await page.goto(`${world.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: '機関を加える' }).click();
    const team = page.getByRole('dialog');
    await choose(team, '機関', 'つなぐ保護司会');
    await team.getByText('外部の関係機関は事例を見られません').waitFor();
    await field(team, '役割').fill('保護観察中の見守り');
    await team.getByRole('button', { name: '加える' }).click();
    await team.waitFor({ state: 'detached' });
    const card = page.locator('div.mantine-Paper-root').filter({ hasText: '保護観察中の見守り' }).last();
    await card.getByText('外部', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const partners = await world
      .as('houkatsu')
      .get<{ organisations: { id: string; name: string }[] }>('/api/organisations');
    const probation = partners.body.organisations.find((o) => o.name === 'つなぐ保護観察所');
    const sent = await world.as('houkatsu').post<{ id: string }>('/api/referrals', {
      householdId: world.householdId,
      toOrganisationId: probation?.id,
      mainComplaint: '息子の生活の立て直し',
      reason: '保護観察官との面接につなぐ',
      occurredOn: formatWestern(new Date()),
    });
    expect(sent.status).toBe(201);
    await page.goto(`${world.server.url}/`);
    await logOut(page);
    await logIn(page, world.server.url, 'demo-consultant');
    await page.goto(`${world.server.url}/referrals/${sent.body.id}`);
    await page.getByText('連絡済み（返事待ち）').first().waitFor();
    await page.getByRole('button', { name: '受け入れの返事を記録' }).click();
    const log = page.getByRole('dialog');
    await field(log, 'やりとりがあった日').waitFor();
    await field(log, 'やりとりの内容（だれから・どのように。任意）').fill('電話で受け入れの返事。来週面接。');
    await log.getByRole('button', { name: '受け入れの返事を記録' }).click();
    await log.waitFor({ state: 'detached' });
    await page.getByText('電話で受け入れの返事。来週面接。').waitFor();
    expect(await page.getByText('受け入れ', { exact: true }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('logged-referral');
    await page.goto(`${world.server.url}/`);
    await logOut(page);
    await logIn(page, world.server.url, 'demo-coordinator');
  });

  it('a 支援会議 shares the case without consent; the guest lawyer sees the packet, never the file', async () => {
    const page1 = await world.as('houkatsu').get<Case>(`/api/cases/${caseId}`);
    const motherId = page1.body.members[0]?.personId;
    const consents = await world
      .as('houkatsu')
      .get<{ consents: { id: string; withdrawnOn: string | null }[] }>(`/api/people/${motherId}/consents`);
    for (const c of consents.body.consents.filter((k) => !k.withdrawnOn)) {
      await world
        .as('houkatsu')
        .post(`/api/consents/${c.id}/withdraw`, { withdrawnOn: formatWestern(new Date()) });
    }
    await scheduleSession(/^支援会議（法第106条の6）/);
    await tableTheCase();
    expect(await page.getByText('本人同意なし').count()).toBe(1);
    await page.getByRole('button', { name: 'ゲストを加える' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, 'システムを使う職員・構成員から選ぶ', /石井 弁護士/);
    await dialog.getByRole('button', { name: '加える', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const guestRow = page.getByRole('row', { name: /石井 弁護士/ });
    await guestRow.getByText('未記録（議題・資料は見られません）').waitFor();
    const sessionUrl = page.url();

    // Not yet told of the duty: the guest sees who attends, not what is discussed.
    await page.goto(`${world.server.url}/`);
    await logOut(page);
    await logIn(page, world.server.url, 'demo-lawyer');
    await page.goto(sessionUrl);
    await page.getByText('議題と資料は表示できません', { exact: true }).waitFor();
    expect(await page.getByText('松岡').count()).toBe(0);

    await page.goto(`${world.server.url}/`);
    await logOut(page);
    await logIn(page, world.server.url, 'demo-coordinator');
    await page.goto(sessionUrl);
    await page
      .getByRole('row', { name: /石井 弁護士/ })
      .getByRole('button', { name: '今日説明した' })
      .click();
    await page
      .getByRole('row', { name: /石井 弁護士/ })
      .getByText('未記録')
      .waitFor({ state: 'detached' });
    await confirm('資料を配付する', '配付する');
    await page.getByText('資料配付済').waitFor();
    await screenshot('support-meeting');

    await page.goto(`${world.server.url}/`);
    await logOut(page);
    await logIn(page, world.server.url, 'demo-lawyer');
    // The meeting member's home lists the meetings they attend.
    await page.getByRole('heading', { name: '出席予定の会議' }).waitFor();
    await page.getByRole('link', { name: '支援会議（法第106条の6）' }).click();
    await page.getByRole('link', { name: '松岡さん世帯（松岡 トメ）' }).click();
    await page.getByRole('heading', { name: '事例の概要' }).waitFor();
    await page.getByText('目指す姿：母が自宅で安心して暮らし').waitFor();
    await page.getByText('会議の出席者の外に内容を出さないでください').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('meeting-packet');
    await page.goto(`${world.server.url}/cases/${caseId}`);
    await page.getByText('事例が見つかりません').waitFor();
    await page.goto(`${world.server.url}/households/${world.householdId}`);
    await page.getByText('世帯が見つかりません').waitFor();
  });
});
