import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, consultationBody, startCaseWorld, today, type Who } from '../../testing/case-world';

// What a fourth insider review found: people seen only through a referral (or a team) could be
// copied into a household of one's own and stayed visible after the referral ended; a referral
// recipient could open a household's address by adding a member of its own with a consent, or by
// recording a consultation about the household alone; and a merged record's outreach history
// could be pulled into a household one controls.

let world: CaseWorld;
let referred = { personId: '', householdId: '' };
let childOrg = '';
const as = (who: Who) => world.as(who);
type Refusal = { error?: { code: string } };

const consultation = consultationBody;

beforeAll(async () => {
  world = await startCaseWorld();
  const orgs = await as('child').get<{ organisations: { id: string; name: string }[] }>('/api/organisations');
  childOrg = orgs.body.organisations.find((o) => o.name === 'つなぐ市こども家庭センター')?.id ?? '';
  // 自立相談支援機関 refers a household to こども家庭センター without consent
  const taken = await as('jiritsu').post<{ personId: string; householdId: string }>(
    '/api/consultations',
    consultation({
      newPerson: {
        familyName: '秘匿',
        givenName: '三郎',
        familyNameKana: 'ヒトク',
        givenNameKana: 'サブロウ',
      },
      newHouseholdName: '秘匿さん世帯',
      outcome: 'refer_agency',
      shareConsent: 'not_given',
      referral: { toOrganisationId: childOrg, reason: '子育て', actionsTaken: '聞き取り' },
    }),
  );
  expect(taken.status).toBe(201);
  referred = { personId: taken.body.personId, householdId: taken.body.householdId };
});
afterAll(async () => {
  await world.server.close();
});

describe('a referral recipient', () => {
  it('cannot copy the person it was referred into a household of its own', async () => {
    const copied = await as('child').post<Refusal>('/api/households', {
      name: 'こどもセンターの控え',
      members: [{ personId: referred.personId, relation: '本人' }],
    });
    expect(copied.status).toBe(403);
    expect(copied.body.error?.code).toBe('NOT_RECORD_HOLDER');
    const own = await as('child').post<{ id: string }>('/api/households', { name: 'こどもセンターの世帯' });
    expect(own.status).toBe(201);
    const added = await as('child').post<Refusal>(`/api/households/${own.body.id}/members`, {
      personId: referred.personId,
      relation: '同居人',
    });
    expect(added.status).toBe(403);
  });

  it('cannot open the household’s address by adding a member of its own, or by a consultation about it', async () => {
    const stranger = await as('child').post<{ id: string }>('/api/people', {
      familyName: '偽',
      givenName: '世帯員',
    });
    await as('child').post('/api/consents', {
      personId: stranger.body.id,
      purpose: '情報共有',
      scope: 'organisations',
      organisationIds: [childOrg],
      obtainedOn: today(),
      method: 'written',
    });
    const added = await as('child').post<Refusal>(`/api/households/${referred.householdId}/members`, {
      personId: stranger.body.id,
      relation: '同居人',
    });
    expect(added.status).toBe(403);
    expect(added.body.error?.code).toBe('NOT_RECORD_HOLDER');
    const about = await as('child').post<Refusal>(
      '/api/consultations',
      consultation({ householdId: referred.householdId }),
    );
    expect(about.status).toBe(403);
    const household = await as('child').get<{ contactHidden: boolean; members: unknown[] }>(
      `/api/households/${referred.householdId}`,
    );
    expect(household.body.contactHidden).toBe(true);
    expect(household.body.members).toHaveLength(1);
    // the organisation that registered the household still adds to it
    const byHolder = await as('jiritsu').post(`/api/households/${referred.householdId}/members`, {
      newPerson: { familyName: '秘匿', givenName: '花子' },
      relation: '妻',
    });
    expect(byHolder.status).toBe(200);
  });
});

describe('a merged record’s outreach history', () => {
  it('shows only to those who may see the merged record', async () => {
    await as('houkatsu').post('/api/outreach/reports', {
      receivedOn: today(),
      reporterKind: 'neighbour',
      location: 'つなぐ市港町',
      observed: '夜中に叫び声が聞こえる。',
      risk: 'normal',
    });
    const records = await as('outreach').get<{ records: { id: string }[] }>('/api/outreach/records');
    const recordId = records.body.records[0]?.id ?? '';
    const record = `/api/outreach/records/${recordId}`;
    await as('outreach').post(`${record}/activities`, {
      happenedOn: today(),
      kind: 'contact',
      means: 'visit',
      result: 'talked',
    });
    await as('outreach').post(`${record}/stage`, { to: 'building' });
    await as('outreach').post(`${record}/stage`, { to: 'can_consult' });
    const converted = await as('coordinator').post<{ personId: string }>(
      '/api/consultations',
      consultation({
        channel: 'home_visit',
        newPerson: { familyName: '港', givenName: '一郎' },
        newHouseholdName: '港さん世帯',
        shareConsent: 'given',
        consentMethod: 'written',
        outreachRecordId: recordId,
      }),
    );
    expect(converted.body).toHaveProperty('personId');
    // the coordinator's own household for the same person, then the merge
    const kept = await as('coordinator').post<{ id: string; members: { person: { id: string } }[] }>(
      '/api/households',
      {
        name: '港 一郎さん（本籍）',
        members: [{ newPerson: { familyName: '港', givenName: '一郎' }, relation: '本人' }],
      },
    );
    const keptId = kept.body.members[0]?.person.id ?? '';
    const merged = await as('coordinator').post(`/api/people/${keptId}/merge`, {
      mergedPersonId: converted.body.personId,
    });
    expect(merged.status).toBe(200);
    const history = async (who: Who, householdId: string) =>
      (
        await as(who).get<{ records: { id: string }[] }>(`/api/outreach/history?householdId=${householdId}`)
      ).body.records?.map((r) => r.id) ?? [];
    expect(await history('coordinator', kept.body.id)).toContain(recordId);
    // こども家庭センター receives a referral about the kept record, whose merged consent covers
    // every agency, and puts the person into a household of its own: the history stays out
    const referral = await as('coordinator').post('/api/referrals', {
      personId: keptId,
      householdId: kept.body.id,
      toOrganisationId: childOrg,
      mainComplaint: '子育ての相談',
      reason: '子育て',
    });
    expect(referral.status).toBe(201);
    const box = await as('child').post<{ id: string }>('/api/households', {
      name: 'こどもセンターの箱',
      members: [{ personId: keptId, relation: '祖父' }],
    });
    if (box.status === 201) expect(await history('child', box.body.id)).not.toContain(recordId);
    expect(await history('child', kept.body.id)).not.toContain(recordId);
  });
});
