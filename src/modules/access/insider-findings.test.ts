import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseWorld,
  daysFromToday,
  openWorldCase,
  startCaseWorld,
  today,
  type Who,
} from '../../testing/case-world';
import { type SecondCity, startSecondCity } from '../../testing/second-city';
import type { Case } from '../cases/cases.schemas';

// What a curious insider found on main, each as the request that leaked: another
// municipality's household, ids in bodies, household contacts without consent, search on
// hidden fields, consent and merges by whoever benefits, administrators and whole
// organisations reading cases, team widening. Every one must now be refused.

let world: CaseWorld;
let other: SecondCity;
let caseId = '';
const as = (who: Who) => world.as(who);
type Refusal = { error?: { code: string; message: string } };

/** The 北部 household referred to 自立 without consent: address and notes recorded by 北部. */
let quiet = { householdId: '', personId: '', consultationId: '', referralId: '' };

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  caseId = await openWorldCase(world);
  const household = await as('houkatsu').post<{ id: string }>('/api/households', {
    name: '静かな世帯',
    address: '北町9-9-9 静荘101',
    notes: '玄関の鍵は植木鉢の下',
    members: [
      {
        newPerson: {
          familyName: '静',
          givenName: 'シズ',
          familyNameKana: 'シズカ',
          givenNameKana: 'シズ',
          birthDate: '1950-01-01',
          address: '北町9-9-9 静荘101',
          phones: ['090-9876-5432'],
        },
        relation: 'self',
      },
    ],
  });
  expect(household.status).toBe(201);
  const member = await as('houkatsu').get<{ members: { person: { id: string } }[] }>(
    `/api/households/${household.body.id}`,
  );
  const personId = member.body.members[0]?.person.id ?? '';
  const taken = await as('houkatsu').post<{ id: string; referralIds: string[] }>('/api/consultations', {
    receivedAt: `${today()}T09:00:00+09:00`,
    channel: 'phone',
    broughtBy: 'neighbour',
    personId,
    householdId: household.body.id,
    mainComplaint: '家計の相談。',
    issues: ['poverty'],
    primaryIssue: 'poverty',
    outcome: 'refer_agency',
    shareConsent: 'not_asked',
    referral: { toOrganisationId: world.orgIds.jiritsu, reason: '家計改善', actionsTaken: '聞き取り' },
  });
  expect(taken.status).toBe(201);
  quiet = {
    householdId: household.body.id,
    personId,
    consultationId: taken.body.id,
    referralId: taken.body.referralIds[0] ?? '',
  };
});
afterAll(async () => {
  await world.server.close();
});

describe('1. another municipality', () => {
  it("never opens a case, a consultation or a referral on another municipality's household", async () => {
    const foreign = other.ids;
    const opened = await as('coordinator').post('/api/cases', {
      householdId: foreign.household,
      summary: 'x',
    });
    expect(opened.status).toBe(404);
    const consultation = await as('coordinator').post('/api/consultations', {
      receivedAt: `${today()}T09:00:00+09:00`,
      channel: 'phone',
      broughtBy: 'self',
      personId: foreign.person,
      householdId: foreign.household,
      mainComplaint: '他市の世帯について',
      outcome: 'handled_here',
      shareConsent: 'not_asked',
    });
    expect(consultation.status).toBe(404);
    const referral = await as('houkatsu').post('/api/referrals', {
      householdId: foreign.household,
      personId: foreign.person,
      toOrganisationId: world.orgIds.jiritsu,
      mainComplaint: 'x',
      reason: 'x',
      send: true,
    });
    expect(referral.status).toBe(404);
    expect((await as('coordinator').get(`/api/cases/${foreign.case}`)).status).toBe(404);
    expect((await as('coordinator').get(`/api/households/${foreign.household}`)).status).toBe(404);
    expect(
      (await as('coordinator').get(`/api/outreach/history?householdId=${foreign.household}`)).status,
    ).toBe(404);
  });

  it('and the other municipality reaches nothing of the demo city either', async () => {
    const coordinator = other.as('coordinator');
    expect((await coordinator.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect(
      (await coordinator.post('/api/cases', { householdId: world.householdId, summary: 'x' })).status,
    ).toBe(404);
    expect((await coordinator.get(`/api/outreach/history?householdId=${world.householdId}`)).status).toBe(
      404,
    );
    const list = await coordinator.get<{ cases: { id: string }[] }>('/api/cases');
    expect(list.body.cases.map((c) => c.id)).toEqual([other.ids.case]);
  });
});

describe('2. ids in request bodies', () => {
  it("refuses a referral of another organisation's consultation", async () => {
    const forwarded = await as('child').post('/api/referrals', {
      consultationId: quiet.consultationId,
      toOrganisationId: world.orgIds.jiritsu,
      mainComplaint: 'x',
      reason: 'x',
      send: true,
    });
    expect(forwarded.status).toBe(404);
    // the recipient of a referral may read the consultation, but not pass it on
    const passedOn = await as('jiritsu').post('/api/referrals', {
      consultationId: quiet.consultationId,
      toOrganisationId: world.orgIds.shakyo,
      mainComplaint: 'x',
      reason: 'x',
      send: true,
    });
    expect(passedOn.status).toBe(404);
  });

  it("refuses a coordinator's referral of a consultation of another organisation, even one in the urgent alerts", async () => {
    const dv = await other.as('coordinator').post('/api/referrals', {
      consultationId: other.ids.consultation,
      toOrganisationId: other.ids.shakyo,
      mainComplaint: 'x',
      reason: 'x',
      send: true,
    });
    expect(dv.status).toBe(404);
  });
});

describe('3. household contacts', () => {
  it("hides the household's address and notes from a recipient without consent", async () => {
    const seen = await as('jiritsu').get<{ address: string | null; notes: string | null }>(
      `/api/households/${quiet.householdId}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.address).toBeNull();
    expect(seen.body.notes).toBeNull();
    const own = await as('houkatsu').get<{ address: string | null }>(`/api/households/${quiet.householdId}`);
    expect(own.body.address).toBe('北町9-9-9 静荘101');
  });
});

describe('4. search on hidden fields', () => {
  it('does not match an address or a phone the user may not see', async () => {
    const byAddress = await as('jiritsu').get<{ people: unknown[] }>(
      `/api/people?address=${encodeURIComponent('静荘101')}`,
    );
    expect(byAddress.body.people).toEqual([]);
    const byPhone = await as('jiritsu').get<{ people: unknown[] }>('/api/people?phone=09098765432');
    expect(byPhone.body.people).toEqual([]);
    const duplicates = await as('jiritsu').post<{ candidates: unknown[]; elsewhere: number }>(
      '/api/people/duplicates',
      { phones: ['090-9876-5432'] },
    );
    expect(duplicates.body).toEqual({ candidates: [], elsewhere: 0 });
    // the organisation that registered them still finds them by phone
    const own = await as('houkatsu').get<{ people: unknown[] }>('/api/people?phone=09098765432');
    expect(own.body.people).toHaveLength(1);
  });
});

describe('5. consent', () => {
  it('is recorded and withdrawn only by those who took a consultation, the case lead or coordinators, never in the future', async () => {
    const input = {
      personId: quiet.personId,
      purpose: '情報共有',
      scope: 'all_agencies',
      obtainedOn: today(),
      method: 'oral',
    };
    expect((await as('jiritsu').post('/api/consents', input)).status).toBe(404);
    const future = await as('houkatsu').post<Refusal>('/api/consents', {
      ...input,
      obtainedOn: daysFromToday(30),
    });
    expect(future.status).toBe(400);
    expect(future.body.error?.code).toBe('FUTURE_DATE');
    const recorded = await as('houkatsu').post<{ id: string; recordedByName?: string }>(
      '/api/consents',
      input,
    );
    expect(recorded.status).toBe(201);
    const withdrawn = await as('jiritsu').post(`/api/consents/${recorded.body.id}/withdraw`, {
      withdrawnOn: today(),
    });
    expect(withdrawn.status).toBe(404);
    const byOwner = await as('houkatsu').post(`/api/consents/${recorded.body.id}/withdraw`, {
      withdrawnOn: today(),
    });
    expect(byOwner.status).toBe(200);
  });
});

describe('6. merges', () => {
  it('refuses to merge a record the user may only glimpse into one of its own', async () => {
    const mine = await as('jiritsu').post<{ id: string }>('/api/people', {
      familyName: '静',
      givenName: 'シズ',
      familyNameKana: 'シズカ',
      givenNameKana: 'シズ',
      birthDate: '1950-01-01',
    });
    expect(mine.status).toBe(201);
    const merged = await as('jiritsu').post(`/api/people/${mine.body.id}/merge`, {
      mergedPersonId: quiet.personId,
    });
    expect(merged.status).toBe(404);
    const still = await as('houkatsu').get<{ mergedIntoId: string | null }>(`/api/people/${quiet.personId}`);
    expect(still.body.mergedIntoId).toBeNull();
  });
});

describe('7. administrators', () => {
  it('cannot give themselves a membership, and are not offered as meeting guests', async () => {
    const session = await as('admin').get<{ user: { id: string } }>('/api/auth/session');
    const self = await as('admin').post<Refusal>(`/api/admin/users/${session.body.user.id}/memberships`, {
      organisationId: world.orgIds.shakyo,
      role: 'coordinator',
    });
    expect(self.status).toBe(409);
    expect(self.body.error?.code).toBe('SELF_MEMBERSHIP');
    const staff = await as('coordinator').get<{ staff: { id: string }[] }>('/api/meetings/bodies/staff');
    const offered = staff.body.staff.map((s) => s.id);
    expect(offered.length).toBeGreaterThan(5);
    const manager = await as('manager').get<{ user: { id: string } }>('/api/auth/session');
    expect(offered).not.toContain(session.body.user.id);
    expect(offered).not.toContain(manager.body.user.id);
  });
});

describe('8. need to know inside an organisation', () => {
  it('keeps cases from outreach, participation and community staff of a team organisation unless named', async () => {
    for (const who of ['outreach', 'participation', 'community'] as const) {
      expect((await as(who).get(`/api/cases/${caseId}`)).status, who).toBeGreaterThanOrEqual(403);
      const list = await as(who).get<{ cases?: unknown[] }>('/api/cases');
      expect(list.body.cases ?? [], who).toEqual([]);
      expect((await as(who).get(`/api/households/${world.householdId}`)).status, who).toBeGreaterThanOrEqual(
        403,
      );
    }
    expect((await as('coordinator').get(`/api/cases/${caseId}`)).status).toBe(200);
  });
});

describe('9. the team', () => {
  it('is changed only by the lead and coordinators', async () => {
    const added = await world.step(caseId, 'coordinator', '/team', {
      organisationId: world.orgIds.jiritsu,
      role: '家計',
    });
    expect(added.status).toBe(200);
    const widened = await world.step(caseId, 'jiritsu', '/team', {
      organisationId: world.orgIds.hokubu,
      role: '介護',
    });
    expect(widened.status).toBe(403);
    const selfLead = await world.step(caseId, 'jiritsu', '/lead', { organisationId: world.orgIds.jiritsu });
    expect(selfLead.status).toBe(403);
  });

  it('adds an organisation only when the consent covers it', async () => {
    // the mother consented to all agencies: every organisation may join
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(page.status).toBe(200);
    const household = await as('coordinator').post<{ id: string; members: { person: { id: string } }[] }>(
      '/api/households',
      {
        name: '同意のない世帯',
        members: [{ newPerson: { familyName: '未同意', givenName: 'タロウ' }, relation: 'self' }],
      },
    );
    expect(household.status).toBe(201);
    const quietCase = await as('coordinator').post<{ id: string }>('/api/cases', {
      householdId: household.body.id,
      summary: '同意のない世帯',
      concernedPersonIds: [household.body.members[0]?.person.id],
    });
    expect(quietCase.status).toBe(201);
    const refused = await world.step(quietCase.body.id, 'coordinator', '/team', {
      organisationId: world.orgIds.jiritsu,
      role: '家計',
    });
    expect(refused.status).toBe(409);
    expect(refused.code).toBe('CONSENT_REQUIRED_FOR_TEAM');
  });
});

describe('12. refusals and lists are audited', () => {
  it('writes a denied entry naming the record, and lists name what they showed', async () => {
    expect((await as('child').get(`/api/cases/${caseId}`)).status).toBe(404);
    const denied = await as('admin').get<{
      rows: { action: string; outcome: string; targetId: string | null }[];
    }>(`/api/audit?outcome=denied&targetId=${caseId}`);
    expect(denied.body.rows.some((r) => r.action === 'access.refused')).toBe(true);
    await as('houkatsu').get('/api/people?q=%E9%9D%99');
    const searches = await as('admin').get<{ rows: { action: string; detail: { ids?: string[] } }[] }>(
      '/api/audit?action=person.search',
    );
    expect(searches.body.rows[0]?.detail.ids).toContain(quiet.personId);
  });
});
