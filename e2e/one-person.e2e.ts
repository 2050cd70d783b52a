import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutreachRecord } from '../src/modules/outreach/outreach.schemas';
import { type CaseWorld, startCaseWorld, tableCaseAt, today } from '../src/testing/case-world';
import { seriousViolations, westernDatesShown } from './a11y';
import { launchBrowser, openPage } from './browser';
import { logIn } from './session';

// One person, one record: the son of an 8050 household is already registered in his mother's
// household, on a case that names him. When, after months of outreach, he consents, the
// coordinator picks his existing record instead of registering him again; his consent then
// counts for the case, which passes the 重層的支援会議's consent gate.

let world: CaseWorld;
let browser: Browser;
let page: Page;
let caseId = '';
let recordId = '';
const screenshot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

const tableAtConsentBoundBody = () => tableCaseAt(world, '重層的支援会議', caseId);

beforeAll(async () => {
  world = await startCaseWorld();
  const as = world.as;
  const son = await as('houkatsu').post(`/api/households/${world.householdId}/members`, {
    newPerson: {
      familyName: '松岡',
      givenName: '誠',
      familyNameKana: 'マツオカ',
      givenNameKana: 'マコト',
      birthDate: '1972-03-03',
    },
    relation: '長男',
  });
  expect(son.status).toBe(200);
  const household = await as('houkatsu').get<{ members: { person: { id: string } }[] }>(
    `/api/households/${world.householdId}`,
  );
  const opened = await as('coordinator').post<{ id: string }>('/api/cases', {
    referralId: world.referralId,
    summary: '8050世帯：母の介護、息子のひきこもり、家賃滞納',
    concernedPersonIds: household.body.members.map((m) => m.person.id),
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;

  await as('houkatsu').post('/api/outreach/reports', {
    receivedOn: today(),
    reporterKind: 'minsei_iin',
    location: 'つなぐ市川辺2丁目',
    observed: '母親の介護で出入りする職員はいるが、息子さんの姿を長く見ない。',
    risk: 'normal',
  });
  const records = await as('outreach').get<{ records: OutreachRecord[] }>('/api/outreach/records');
  recordId = records.body.records[0]?.id ?? '';
  const record = `/api/outreach/records/${recordId}`;
  await as('outreach').post(`${record}/activities`, {
    happenedOn: today(),
    kind: 'contact',
    means: 'joint_visit',
    result: 'talked',
    withWhom: '母の担当ケアマネジャー',
  });
  await as('outreach').post(`${record}/stage`, { to: 'building' });
  expect(
    (await as('outreach').post<OutreachRecord>(`${record}/stage`, { to: 'can_consult' })).body.stage,
  ).toBe('can_consult');
  browser = await launchBrowser();
  page = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.server.close();
});

describe('one person, one record', () => {
  it('the son’s consent, taken from outreach, goes to his existing record and the case passes the gate', async () => {
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');

    await logIn(page, world.server.url, 'demo-coordinator');
    await page.goto(`${world.server.url}/outreach/${recordId}`);
    await page.getByRole('link', { name: '同意を得て相談につなぐ' }).click();
    await page.getByLabel(/^氏\s*$/).fill('松岡');
    await page.getByLabel(/^氏（フリガナ）/).fill('マツオカ');
    await page.getByLabel(/^名（フリガナ）/).fill('マコト');
    await page.getByLabel(/^生年月日/).fill('1972-03-03');
    const pick = page.getByRole('button', { name: '松岡 誠さんの相談として受け付ける' });
    await pick.waitFor();
    expect(await page.getByText('松岡さん世帯').count()).toBeGreaterThan(0);
    await screenshot('one-person-candidate');
    await pick.click();
    await page.getByText('登録済みの方の相談として受け付けます').waitFor();
    await page.getByLabel(/^主訴/).fill('母の介護のことで、自分も相談したい。仕事を探したい。');
    await page.getByLabel('書面').check();
    await page.getByLabel(/^つなぐ理由/).fill('家族全体の支援を多機関で');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('one-person-chosen');
    await page.getByRole('button', { name: '受け付けて、つなぐ' }).click();
    // Back in the mother's household, not a new one: the outreach history is there
    await page.getByRole('heading', { name: '松岡さん世帯' }).waitFor();
    await page.getByRole('heading', { name: '同意に至るまでのアウトリーチの経過' }).waitFor();
    const household = await world
      .as('coordinator')
      .get<{ members: unknown[] }>(`/api/households/${world.householdId}`);
    expect(household.body.members).toHaveLength(2);

    expect((await tableAtConsentBoundBody()).status).toBe(200);
  });

  it('takes a new consultation for someone already registered, from their household', async () => {
    await logIn(page, world.server.url, 'demo-consultant');
    await page.goto(`${world.server.url}/households/${world.householdId}`);
    await page.getByRole('link', { name: '松岡 トメさんの新しい相談を受け付ける' }).click();
    await page.getByText('登録済みの方の相談として受け付けます').waitFor();
    await page.getByText('松岡 トメさん（昭和17年2月2日）・松岡さん世帯').waitFor();
    expect(await page.getByLabel(/^氏（フリガナ）/).count()).toBe(0);
  });

  it('adds a daughter already registered in her own household to her mother’s, as the same record', async () => {
    const own = await world.as('houkatsu').post<{ id: string }>('/api/households', {
      name: '松岡 花子さん世帯',
      members: [
        {
          newPerson: {
            familyName: '松岡',
            givenName: '花子',
            familyNameKana: 'マツオカ',
            givenNameKana: 'ハナコ',
            birthDate: '1975-05-05',
          },
          relation: '本人',
        },
      ],
    });
    expect(own.status).toBe(201);
    await logIn(page, world.server.url, 'demo-consultant');
    await page.goto(`${world.server.url}/households/${world.householdId}`);
    await page.getByRole('button', { name: '世帯員を追加' }).click();
    await page.getByLabel(/^名\s*$/).fill('花子');
    await page.getByLabel(/^名（フリガナ）/).fill('ハナコ');
    await page.getByLabel(/^生年月日/).fill('1975-05-05');
    const pick = page.getByRole('button', { name: '松岡 花子さんをこの世帯に加える' });
    await pick.waitFor();
    await pick.click();
    await page.getByText('登録済みの方を世帯員に加えます').waitFor();
    await page.getByRole('dialog').getByLabel(/^続柄/).first().fill('長女');
    await page.getByRole('option', { name: '長女' }).click();
    await page.getByLabel('同居している').uncheck();
    await screenshot('one-person-member-chosen');
    await page.getByRole('button', { name: '追加', exact: true }).click();
    await page.getByText('世帯員を追加しました。').waitFor();
    const found = await world
      .as('houkatsu')
      .get<{ people: { id: string }[] }>(`/api/people?q=${encodeURIComponent('松岡花子')}`);
    expect(found.body.people).toHaveLength(1);
    const mother = await world
      .as('houkatsu')
      .get<{ members: { person: { id: string }; livesTogether: boolean }[] }>(
        `/api/households/${world.householdId}`,
      );
    const daughter = mother.body.members.find((m) => m.person.id === found.body.people[0]?.id);
    expect(daughter?.livesTogether).toBe(false);
    // the table says who has consented; the consent dialog writes its dates in 和暦
    await page
      .getByRole('row', { name: /松岡 誠/ })
      .getByText('全機関に同意')
      .waitFor();
    await page
      .getByRole('row', { name: /松岡 誠/ })
      .getByRole('button', { name: '同意' })
      .click();
    await page
      .getByRole('dialog')
      .getByText(/令和\d+年/)
      .first()
      .waitFor();
    expect(await westernDatesShown(page)).toEqual([]);
    await screenshot('one-person-consents');
  });
});
