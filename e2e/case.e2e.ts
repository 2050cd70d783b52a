import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start';
import { formatWestern } from '../src/shared/dates';
import { TestClient } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn, logOut } from './session';

let server: RunningServer;
let browser: Browser;
let page: Page;
let caseUrl = '';

const DAY = 86_400_000;
const today = formatWestern(new Date());
const inDays = (n: number) => formatWestern(new Date(Date.now() + n * DAY));

/** A field by its label; required fields carry an asterisk in their accessible name. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));

async function choose(scope: Page | Locator, label: string, option: string | RegExp, index = 0) {
  await field(scope, label).nth(index).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function screenshot(name: string) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await openPage(browser);
  // A 地域包括 worker sends a household to 多機関協働, with the mother's consent to share.
  const houkatsu = new TestClient(server.url);
  await houkatsu.login('demo-consultant');
  const created = await houkatsu.post<{ householdId: string; personId: string }>('/api/consultations', {
    receivedAt: `${today}T09:30:00+09:00`,
    channel: 'home_visit',
    broughtBy: 'welfare_commissioner',
    newPerson: {
      familyName: '大西',
      givenName: 'キヨ',
      familyNameKana: 'オオニシ',
      givenNameKana: 'キヨ',
      birthDate: '1944-04-04',
    },
    newHouseholdName: '大西さん世帯',
    mainComplaint: '80代の母と、20年ひきこもる50代の息子。母の介護と家賃の滞納が重なっている。',
    issues: ['8050', 'hikikomori', 'poverty'],
    primaryIssue: '8050',
    outcome: 'refer_multi_agency',
    shareConsent: 'given',
    consentMethod: 'written',
    referral: {
      toOrganisationId: null,
      reason: '介護・就労・家計にまたがり、一つの機関では支えきれない',
      actionsTaken: '自宅を訪問',
    },
  });
  expect(created.status).toBe(201);
  const household = await houkatsu.post<{ members: { person: { id: string; givenName: string | null } }[] }>(
    `/api/households/${created.body.householdId}/members`,
    {
      newPerson: {
        familyName: '大西',
        givenName: '誠',
        familyNameKana: 'オオニシ',
        givenNameKana: 'マコト',
        birthYear: 1972,
      },
      relation: '長男',
      livesTogether: true,
    },
  );
  // The son too agreed that the agencies may share what they know (the team needs both).
  const son = household.body.members.find((m) => m.person.givenName === '誠')?.person.id;
  const consent = await houkatsu.post('/api/consents', {
    personId: son,
    purpose: '支援機関での情報共有',
    scope: 'all_agencies',
    obtainedOn: today,
    method: 'written',
  });
  expect(consent.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a 多機関協働 case from referral to closure with continued connection', () => {
  it('the coordinator opens the case from the referral and screens it', async () => {
    await logIn(page, server.url, 'demo-coordinator');
    await page.getByRole('link', { name: '北部地域包括支援センターからのつなぎ：受理か辞退を' }).click();
    await page.getByRole('button', { name: '多機関協働事例を開く' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('大西 誠（長男）').check();
    await dialog.getByRole('button', { name: '事例を開く' }).click();
    await page.getByRole('heading', { name: '大西さん世帯' }).waitFor();
    caseUrl = page.url();
    await page.getByText('つないだ機関', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'スクリーニングを記録' }).click();
    await page
      .getByRole('dialog')
      .getByLabel('判断の理由')
      .fill('介護・就労・家計の課題が重なり、複数機関での支援が必要。本人の同意あり。');
    await page.getByRole('dialog').getByRole('button', { name: 'スクリーニングを記録' }).click();
    await page.getByText('スクリーニングを記録しました。').waitFor();
    await page.getByRole('main').getByText('アセスメント', { exact: true }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('assesses the household and moves to planning', async () => {
    await page.getByRole('button', { name: 'アセスメントシートを書く' }).click();
    await page.getByRole('heading', { name: 'アセスメントシート（第1版）' }).waitFor();
    await page.getByLabel('介護').first().fill('要介護1。通院が途絶えている。');
    await page.getByLabel('経済・債務').first().fill('家賃3か月滞納。母の年金のみ。');
    await page.getByLabel('社会関係・孤立').nth(1).fill('20年間、家族以外と話していない。');
    await page.getByLabel('本人・世帯の思い').fill('母は家で暮らし続けたい。息子は母を心配している。');
    await page.getByLabel('本人・世帯の力').fill('近所の友人が週1回訪ねている。');
    await page
      .getByLabel('コーディネーターの見立て')
      .fill('家計と介護を先に整え、息子とは関係づくりから始める。');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('case-assessment-form');
    await page.getByRole('button', { name: 'この版を記録' }).click();
    await page.getByText('アセスメントシートを記録しました。').waitFor();
    await page.getByRole('button', { name: 'アセスメントを終えてプラン作成へ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'アセスメントを終えてプラン作成へ' }).click();
    await page.getByRole('button', { name: '支援プランを作る' }).waitFor();
  });

  it('adds the 自立相談支援機関 to the team and writes a plan with the person’s consent', async () => {
    await page.getByRole('button', { name: '機関を加える' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, '機関', '福祉総合相談窓口（自立相談支援機関）');
    await dialog.getByLabel('役割').fill('家計改善・就労支援');
    await dialog.getByRole('button', { name: '加える' }).click();
    await page.getByText('家計改善・就労支援', { exact: true }).waitFor();

    await page.getByRole('button', { name: '支援プランを作る' }).click();
    await page.getByRole('heading', { name: '支援プラン（第1版）' }).waitFor();
    await page
      .getByLabel('目指す姿（本人・世帯がどうなりたいか）')
      .fill('母が家で安心して暮らし、息子が家の外に居場所を持つ。');
    // The intake's issues are the starting point, the one marked ◎ first
    expect(await page.getByLabel('課題1').inputValue()).toBe('8050問題');
    expect(await page.getByLabel('課題2').inputValue()).toBe('ひきこもり');
    await page.getByLabel('課題1').fill('家賃の滞納');
    // A reload (or a network error) does not lose a half-written plan.
    await page.reload();
    await page.getByText('入力途中の内容を復元しました').waitFor();
    expect(await page.getByLabel('課題1').inputValue()).toBe('家賃の滞納');
    await page.getByLabel('目標1').fill('滞納を解消し、家計を安定させる');
    await field(page, '期間').fill('6か月');
    await page.getByLabel('支援内容').first().fill('家計改善支援と家賃の分納相談');
    await choose(page, '担当機関', '福祉総合相談窓口（自立相談支援機関）');
    await page.getByLabel('頻度').first().fill('月2回');
    await page.getByLabel('終了').first().fill(inDays(90));
    await page.getByRole('button', { name: 'この目標に支援内容（役割分担）を追加' }).click();
    await page.getByLabel('支援内容').nth(1).fill('母の介護サービスの調整と見守り');
    await choose(page, '担当機関', '北部地域包括支援センター', 1);
    await page.getByLabel('頻度').nth(1).fill('随時');
    await page.getByLabel('終了').nth(1).fill(inDays(180));
    await page.getByLabel('モニタリング時期').fill(inDays(30));
    await page.getByLabel('本人・世帯の同意日（得ていれば）').fill(today);
    await page.getByLabel('書面').check();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('case-plan-form');
    await page.getByRole('button', { name: 'この版を記録' }).click();
    await page.getByText('支援プランを記録しました。').waitFor();
  });

  it('tables the plan and records its approval, which starts support', async () => {
    await page.getByRole('button', { name: 'プランを会議に諮る' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'プランを会議に諮る' }).click();
    // the 重層的支援会議 that took it up was held this morning
    const coordinator = new TestClient(server.url);
    await coordinator.login('demo-coordinator');
    const bodies = await coordinator.get<{ items: { id: string; name: string }[] }>('/api/meetings/bodies');
    const meeting = await coordinator.post<{ id: string }>('/api/meetings/sessions', {
      bodyId: bodies.body.items.find((b) => b.name === '重層的支援会議')?.id,
      startsAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    });
    const caseId = caseUrl.split('/').at(-1);
    await coordinator.post(`/api/meetings/sessions/${meeting.body.id}/items`, { kind: 'case', caseId });
    await coordinator.post(`/api/meetings/sessions/${meeting.body.id}/held`, { heldOn: today });
    await page.reload();
    await page.getByRole('button', { name: 'プランの承認を記録して支援開始' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, '決定した会議（この事例を議題にした開催済みの会議）', /^重層的支援会議（/);
    // dated by the day the meeting was held, not typed
    await expect.poll(() => field(dialog, '決定日').inputValue()).toBe(today);
    expect(await field(dialog, '決定日').isDisabled()).toBe(true);
    await dialog
      .getByLabel('決定の内容')
      .fill('プランを承認。主担当は社会福祉協議会、家計は自立相談支援機関が担う。');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/case-decision-at-meeting.png' });
    await dialog.getByRole('button', { name: 'プランの承認を記録して支援開始' }).click();
    await page.getByText('「支援中」に進めました。').waitFor();
    await page.getByRole('tab', { name: '支援プラン' }).click();
    await page.getByText('承認済み').waitFor();
    expect(await westernDatesShown(page)).toEqual([]);
    await screenshot('case-plan');
    await logOut(page);
  });

  it('two agencies of the team record their support', async () => {
    for (const [login, content] of [
      ['demo-consultant', '母と面談。デイサービスの見学日を決めた。'],
      ['demo-jiritsu', '息子と家主を訪ね、家賃の分納を相談した。'],
    ] as const) {
      await logIn(page, server.url, login);
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '多機関協働' })
        .click();
      await page.getByLabel('世帯名・氏名・フリガナで絞り込む').fill('おおにし');
      await page.getByRole('link', { name: '大西さん世帯' }).click();
      await page.getByRole('button', { name: '支援経過を記録' }).click();
      const dialog = page.getByRole('dialog');
      await choose(dialog, '種類', '訪問');
      await dialog.getByLabel('所要時間（分）').fill('45');
      await field(dialog, '内容').fill(content);
      // the answer to the record is the case page as it now stands: it is shown, not read again
      const pageReads: string[] = [];
      const countRead = (request: { method(): string; url(): string }) => {
        if (request.method() === 'GET' && /\/api\/cases\/[0-9a-f-]{36}$/.test(request.url()))
          pageReads.push(request.url());
      };
      page.on('request', countRead);
      await dialog.getByRole('button', { name: '記録する' }).click();
      await page.getByText('支援経過を記録しました。').waitFor();
      await page.getByText(content).waitFor();
      page.off('request', countRead);
      expect(pageReads).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await logOut(page);
    }
  });

  it('the coordinator evaluates and closes the case, keeping the connection', async () => {
    await logIn(page, server.url, 'demo-coordinator');
    await page.goto(caseUrl);
    await page.getByText('支援経過 2件').waitFor();
    await screenshot('case-page');
    await page.getByRole('button', { name: '評価を記録' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('一部達成').check();
    await dialog.getByLabel('総合評価').fill('分納が始まり、母はデイサービスに通い始めた。');
    await dialog.getByLabel('終結を提案').check();
    await dialog.getByRole('button', { name: '評価を記録' }).click();
    await page.getByText('評価を記録しました。').waitFor();

    await page.getByRole('button', { name: '終結を決定' }).click();
    dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('決定の内容')
      .fill('課題が軽減したため終結。包括が月1回の電話でつながりを続ける。');
    await choose(dialog, '終結の理由', '課題の解決・軽減');
    await dialog.getByLabel('終結後もつながりを続ける（つながり継続）').check();
    await choose(dialog, 'つながりを続ける機関', '北部地域包括支援センター');
    await dialog.getByLabel('つながり方').fill('月1回の電話と、民生委員の見守り');
    await dialog.getByLabel('最初に連絡する日').fill(inDays(30));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('case-closure-dialog');
    await dialog.getByRole('button', { name: '終結を決定' }).click();
    await page.getByRole('main').getByText('つながり継続', { exact: true }).first().waitFor();
    await page.getByText('30日ごとに：月1回の電話と、民生委員の見守り').waitFor();
    await page.getByRole('tab', { name: '決定の記録' }).click();
    expect(await page.getByRole('cell', { name: /終結の承認/ }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: /プラン承認/ }).isVisible()).toBe(true);
    await screenshot('case-closed');
  });

  it('the program manager sees how many cases are where, and nobody in them', async () => {
    await logIn(page, server.url, 'demo-manager');
    const counts = page.getByRole('heading', { name: '多機関協働事例の件数' }).locator('../..');
    await counts.waitFor();
    expect(await counts.getByText('つながり継続').isVisible()).toBe(true);
    expect(await page.getByText('大西').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link', { name: '多機関協働' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('case-counts-manager');
    await logIn(page, server.url, 'demo-coordinator');
  });

  it('prints the case summary and the plan on A4', async () => {
    await page.goto(`${caseUrl.replace('/cases/', '/print/cases/')}/summary`);
    await page.getByRole('heading', { name: '多機関協働事例の概要' }).waitFor();
    expect(await page.getByText('滞納を解消し、家計を安定させる（6か月）').first().isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await westernDatesShown(page)).toEqual([]);
    await screenshot('case-print-summary');
    await page.goto(`${caseUrl.replace('/cases/', '/print/cases/')}/assessment`);
    await page.getByRole('heading', { name: 'アセスメントシート' }).waitFor();
    expect(await page.getByText('要介護1。通院が途絶えている。').isVisible()).toBe(true);
    await screenshot('case-print-assessment');
  });
});
