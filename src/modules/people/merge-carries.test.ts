import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseWorld,
  caseAwaitingDecision,
  startCaseWorld,
  tableCaseAt,
  today,
} from '../../testing/case-world';

// 名寄せ carries everything that belongs to the person: a consent recorded on the second record
// of someone counts, once merged, for the record the case names (and stops counting on undo).

let world: CaseWorld;
let caseId = '';
let motherId = '';

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await caseAwaitingDecision(world);
  const household = await world
    .as('houkatsu')
    .get<{ members: { person: { id: string } }[] }>(`/api/households/${world.householdId}`);
  motherId = household.body.members[0]?.person.id ?? '';
  const consents = await world
    .as('houkatsu')
    .get<{ consents: { id: string; withdrawnOn: string | null }[] }>(`/api/people/${motherId}/consents`);
  for (const consent of consents.body.consents.filter((c) => !c.withdrawnOn)) {
    await world.as('houkatsu').post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: today() });
  }
});
afterAll(async () => {
  await world.server.close();
});

const tableAtConsentBoundBody = () => tableCaseAt(world, '重層的支援会議', caseId);

/** What the household table shows of the mother's consent. */
const motherConsent = async () =>
  (
    await world
      .as('coordinator')
      .get<{ members: { person: { id: string }; consent: string }[] }>(`/api/households/${world.householdId}`)
  ).body.members.find((m) => m.person.id === motherId)?.consent;

describe('a merge carries the consent of the merged record', () => {
  it('counts a consent on the second record for the case once merged, and no longer after undo', async () => {
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');

    // The same mother registered again (as the outreach consent used to do), with her consent on it
    const second = await world.as('houkatsu').post<{ id: string }>('/api/people', {
      familyName: '松岡',
      givenName: 'トメ',
      familyNameKana: 'マツオカ',
      givenNameKana: 'トメ',
      birthDate: '1942-02-02',
    });
    const consent = await world.as('houkatsu').post('/api/consents', {
      personId: second.body.id,
      purpose: '相談・支援のための関係機関との情報共有',
      scope: 'all_agencies',
      obtainedOn: today(),
      method: 'written',
    });
    expect(consent.status).toBe(201);
    // a second click records nothing more
    const again = await world.as('houkatsu').post<{ error?: { code: string } }>('/api/consents', {
      personId: second.body.id,
      purpose: '相談・支援のための関係機関との情報共有',
      scope: 'all_agencies',
      obtainedOn: today(),
      method: 'written',
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('CONSENT_ALREADY_IN_FORCE');
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');
    expect(await motherConsent()).toBe('withdrawn');

    const merged = await world
      .as('houkatsu')
      .post<{ id: string }>(`/api/people/${motherId}/merge`, { mergedPersonId: second.body.id });
    expect(merged.status).toBe(200);
    const tabled = await tableAtConsentBoundBody();
    expect(tabled.status).toBe(200);
    expect(await motherConsent()).toBe('all_agencies');

    expect((await world.as('houkatsu').post(`/api/people/merges/${merged.body.id}/undo`)).status).toBe(200);
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');
    expect(await motherConsent()).toBe('withdrawn');
  });

  it('shows the outreach history of the merged record on the household of the record kept', async () => {
    await world.as('houkatsu').post('/api/outreach/reports', {
      receivedOn: today(),
      reporterKind: 'minsei_iin',
      location: 'つなぐ市川辺2丁目',
      observed: '母親の介護で出入りする職員はいるが、息子さんの姿を長く見ない。',
      risk: 'normal',
    });
    const records = await world.as('outreach').get<{ records: { id: string }[] }>('/api/outreach/records');
    const recordId = records.body.records[0]?.id ?? '';
    const record = `/api/outreach/records/${recordId}`;
    await world.as('outreach').post(`${record}/activities`, {
      happenedOn: today(),
      kind: 'contact',
      means: 'joint_visit',
      result: 'talked',
      withWhom: '母の担当ケアマネジャー',
    });
    await world.as('outreach').post(`${record}/stage`, { to: 'building' });
    await world.as('outreach').post(`${record}/stage`, { to: 'can_consult' });
    // The son, consenting, registered anew with a household of his own (as before the pick existed)
    const son = {
      familyName: '松岡',
      givenName: '誠',
      familyNameKana: 'マツオカ',
      givenNameKana: 'マコト',
      birthDate: '1972-03-03',
    };
    const taken = await world.as('coordinator').post<{ personId: string }>('/api/consultations', {
      receivedAt: new Date().toISOString(),
      channel: 'home_visit',
      broughtBy: 'self',
      newPerson: son,
      newHouseholdName: '松岡 誠さん世帯',
      mainComplaint: '仕事を探したい。',
      outcome: 'handled_here',
      shareConsent: 'given',
      consentMethod: 'written',
      outreachRecordId: recordId,
    });
    expect(taken.body, JSON.stringify(taken.body)).toHaveProperty('personId');
    const added = await world
      .as('coordinator')
      .post(`/api/households/${world.householdId}/members`, { newPerson: son, relation: '長男' });
    expect(added.status).toBe(200);
    const mother = await world
      .as('coordinator')
      .get<{ members: { person: { id: string; givenName: string } }[] }>(
        `/api/households/${world.householdId}`,
      );
    const kept = mother.body.members.find((m) => m.person.givenName === '誠')?.person.id ?? '';
    const history = async () =>
      (
        await world
          .as('coordinator')
          .get<{ records: { id: string }[] }>(`/api/outreach/history?householdId=${world.householdId}`)
      ).body.records.map((r) => r.id);
    expect(await history()).not.toContain(recordId);

    const merged = await world
      .as('coordinator')
      .post<{ id: string }>(`/api/people/${kept}/merge`, { mergedPersonId: taken.body.personId });
    expect(merged.status).toBe(200);
    expect(await history()).toContain(recordId);
    expect((await world.as('coordinator').post(`/api/people/merges/${merged.body.id}/undo`)).status).toBe(
      200,
    );
    expect(await history()).not.toContain(recordId);
  });
});

describe('a merge of two people', () => {
  it('is refused when both birth dates are known and differ (a mother and her son)', async () => {
    const son = await world
      .as('houkatsu')
      .post<{ members: { person: { id: string; givenName: string } }[] }>(
        `/api/households/${world.householdId}/members`,
        { newPerson: { familyName: '松岡', givenName: '勝', birthDate: '1975-07-07' }, relation: '次男' },
      );
    const sonId = son.body.members.find((m) => m.person.givenName === '勝')?.person.id ?? '';
    const refused = await world
      .as('houkatsu')
      .post<{ error?: { code: string } }>(`/api/people/${sonId}/merge`, { mergedPersonId: motherId });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('BIRTH_DATES_DIFFER');
  });
});
