import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';

type Person = {
  id: string;
  familyName: string;
  address: string | null;
  phones: string[] | null;
  contactHidden: boolean;
};
type Consultation = { id: string; personId: string; householdId: string | null; referralIds: string[] };
type Referral = {
  id: string;
  status: string;
  overdue: boolean;
  declineReason: string | null;
  person: Person | null;
  events: { toStatus: string; byOrganisationName: string | null; note: string | null }[];
};

let server: RunningServer;
let houkatsu: TestClient; // 北部地域包括支援センター
let jiritsu: TestClient; // 自立相談支援機関
let child: TestClient; // こども家庭センター
let jiritsuId: string;

beforeAll(async () => {
  server = await startTestServer();
  houkatsu = await loggedIn(server.url, 'demo-consultant');
  jiritsu = await loggedIn(server.url, 'demo-jiritsu');
  child = await loggedIn(server.url, 'demo-child');
  const orgs = await houkatsu.get<{ organisations: { id: string; kind: string }[] }>('/api/organisations');
  jiritsuId = orgs.body.organisations.find((o) => o.kind === 'self_reliance_support')?.id ?? '';
});
afterAll(() => server.close());
afterEach(async () => {
  resetClockForTests();
  houkatsu = await loggedIn(server.url, 'demo-consultant');
  jiritsu = await loggedIn(server.url, 'demo-jiritsu');
});

const mother = {
  familyName: '齋藤',
  givenName: 'ハナ',
  familyNameKana: 'サイトウ',
  givenNameKana: 'ハナ',
  birthDate: '1943-05-10',
  address: 'つなぐ市北山1-2-3',
  phones: ['090-1111-2222'],
};

function consultation8050(overrides: Record<string, unknown> = {}) {
  return {
    receivedAt: '2026-11-20T10:00:00+09:00',
    channel: 'phone',
    broughtBy: 'welfare_commissioner',
    newPerson: mother,
    newHouseholdName: '齋藤さん世帯',
    mainComplaint: '80代の母と50代の息子。息子は長くひきこもり、母の年金で暮らしている。家賃の滞納がある。',
    issues: ['8050', 'hikikomori', 'poverty'],
    primaryIssue: '8050',
    urgent: false,
    outcome: 'refer_agency',
    shareConsent: 'not_given',
    referral: {
      toOrganisationId: jiritsuId,
      reason: '家計と息子の就労について相談先が必要なため',
      actionsTaken: '母と電話で話した',
    },
    ...overrides,
  };
}

describe('an 8050 consultation referred to the 自立相談支援機関', () => {
  let consultation: Consultation;
  let referralId: string;

  it('is recorded with the person, the household and a sent referral in one step', async () => {
    const created = await houkatsu.post<Consultation>('/api/consultations', consultation8050());
    expect(created.status).toBe(201);
    consultation = created.body;
    expect(consultation.personId).toBeTruthy();
    expect(consultation.householdId).toBeTruthy();
    expect(consultation.referralIds).toHaveLength(1);
    referralId = consultation.referralIds[0] ?? '';
  });

  it('arrives in the recipient inbox; without consent the recipient sees the form but no contact details', async () => {
    const inbox = await jiritsu.get<{ referrals: { id: string; status: string }[] }>(
      '/api/referrals?box=inbox',
    );
    expect(inbox.body.referrals.map((r) => r.id)).toContain(referralId);
    const referral = await jiritsu.get<Referral>(`/api/referrals/${referralId}`);
    expect(referral.status).toBe(200);
    expect(referral.body.person).toMatchObject({
      familyName: '齋藤',
      contactHidden: true,
      address: null,
      phones: null,
    });
    const person = await jiritsu.get<Person>(`/api/people/${consultation.personId}`);
    expect(person.body.address).toBeNull();
    const own = await houkatsu.get<Person>(`/api/people/${consultation.personId}`);
    expect(own.body.address).toBe('つなぐ市北山1-2-3');
  });

  it('shows contact details to the recipient once the person consents, and hides them again on withdrawal', async () => {
    const consent = await houkatsu.post<{ id: string }>('/api/consents', {
      personId: consultation.personId,
      purpose: '自立相談支援機関との情報共有',
      scope: 'organisations',
      organisationIds: [jiritsuId],
      obtainedOn: '2026-11-20',
      method: 'oral',
    });
    expect(consent.status).toBe(201);
    expect((await jiritsu.get<Person>(`/api/people/${consultation.personId}`)).body.address).toBe(
      'つなぐ市北山1-2-3',
    );
    const withdrawn = await houkatsu.post(`/api/consents/${consent.body.id}/withdraw`, {
      withdrawnOn: '2026-11-21',
    });
    expect(withdrawn.status).toBe(200);
    expect((await jiritsu.get<Person>(`/api/people/${consultation.personId}`)).body.contactHidden).toBe(true);
  });

  it('is accepted by the recipient, and the sender sees every status change', async () => {
    const accepted = await jiritsu.post<Referral>(`/api/referrals/${referralId}/transitions`, {
      to: 'accepted',
    });
    expect(accepted.status).toBe(200);
    const seen = await houkatsu.get<Referral>(`/api/referrals/${referralId}`);
    expect(seen.body.status).toBe('accepted');
    expect(seen.body.events.map((e) => e.toStatus)).toEqual(['requested', 'accepted']);
    expect(seen.body.events[1]?.byOrganisationName).toBe('福祉総合相談窓口（自立相談支援機関）');
  });

  it('refuses illegal transitions with 409 and the wrong side with 403', async () => {
    const back = await jiritsu.post(`/api/referrals/${referralId}/transitions`, { to: 'requested' });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    const skip = await jiritsu.post(`/api/referrals/${referralId}/transitions`, {
      to: 'completed',
      note: '完了',
    });
    expect(skip.status).toBe(409);
    const senderActs = await houkatsu.post(`/api/referrals/${referralId}/transitions`, { to: 'in_progress' });
    expect(senderActs.status).toBe(403);
    const noOutcome = await jiritsu.post(`/api/referrals/${referralId}/transitions`, { to: 'in_progress' });
    expect(noOutcome.status).toBe(200);
    const missingNote = await jiritsu.post(`/api/referrals/${referralId}/transitions`, { to: 'completed' });
    expect(missingNote.status).toBe(400);
    const done = await jiritsu.post<Referral>(`/api/referrals/${referralId}/transitions`, {
      to: 'completed',
      note: '家計改善支援につないだ',
    });
    expect(done.body.status).toBe('completed');
    const afterEnd = await jiritsu.post(`/api/referrals/${referralId}/transitions`, {
      to: 'unsuccessful',
      note: 'x',
    });
    expect(afterEnd.status).toBe(409);
  });

  it('shows the household with its members and history to both, in time order', async () => {
    for (const client of [houkatsu, jiritsu]) {
      const household = await client.get<{
        members: { relation: string }[];
        consultations: unknown[];
        referrals: unknown[];
      }>(`/api/households/${consultation.householdId}`);
      expect(household.status).toBe(200);
      expect(household.body.members.map((m) => m.relation)).toEqual(['本人']);
      expect(household.body.referrals).toHaveLength(1);
    }
  });

  it('stays invisible to an organisation with no part in it', async () => {
    expect((await child.get(`/api/people/${consultation.personId}`)).status).toBe(404);
    expect((await child.get(`/api/households/${consultation.householdId}`)).status).toBe(404);
    expect((await child.get(`/api/referrals/${referralId}`)).status).toBe(404);
    expect((await child.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
    const search = await child.get<{ people: unknown[] }>('/api/people?q=サイトウ');
    expect(search.body.people).toEqual([]);
    for (const loginId of ['demo-admin', 'demo-manager']) {
      const client = await loggedIn(server.url, loginId);
      expect((await client.get(`/api/people/${consultation.personId}`)).status).toBe(403);
      expect((await client.get('/api/people?q=サイトウ')).status).toBe(403);
    }
  });

  it('audits every read of the person with who read it', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const log = await admin.get<{ rows: { action: string; actorLoginId: string }[] }>(
      `/api/audit?targetId=${consultation.personId}&pageSize=200`,
    );
    const reads = log.body.rows.filter((r) => r.action === 'person.read').map((r) => r.actorLoginId);
    expect(reads).toEqual(expect.arrayContaining(['demo-consultant', 'demo-jiritsu']));
    expect(log.body.rows.some((r) => r.action === 'person.create')).toBe(true);
    expect(log.body.rows.some((r) => r.action === 'consent.withdraw')).toBe(true);
  });
});

describe('declines, drafts and overdue referrals', () => {
  it('returns a declined referral to the sender with the reason', async () => {
    const created = await houkatsu.post<Consultation>(
      '/api/consultations',
      consultation8050({ newPerson: { ...mother, givenName: '一郎', birthDate: '1970-01-01' } }),
    );
    const id = created.body.referralIds[0];
    const noReason = await jiritsu.post(`/api/referrals/${id}/transitions`, { to: 'declined' });
    expect(noReason.status).toBe(400);
    await jiritsu.post(`/api/referrals/${id}/transitions`, { to: 'declined', note: '対象地域外のため' });
    const sent = await houkatsu.get<{ referrals: { id: string; status: string }[] }>(
      '/api/referrals?box=sent',
    );
    expect(sent.body.referrals.find((r) => r.id === id)?.status).toBe('declined');
    expect((await houkatsu.get<Referral>(`/api/referrals/${id}`)).body.declineReason).toBe(
      '対象地域外のため',
    );
  });

  it('keeps a draft from the recipient until it is sent', async () => {
    const created = await houkatsu.post<Consultation>(
      '/api/consultations',
      consultation8050({
        newPerson: { ...mother, givenName: '次郎', birthDate: '1972-02-02' },
        referral: { toOrganisationId: jiritsuId, reason: '下書き', send: false },
      }),
    );
    const id = created.body.referralIds[0];
    expect((await jiritsu.get(`/api/referrals/${id}`)).status).toBe(404);
    expect((await jiritsu.get(`/api/people/${created.body.personId}`)).status).toBe(404);
    await houkatsu.post(`/api/referrals/${id}/transitions`, { to: 'requested' });
    expect((await jiritsu.get(`/api/referrals/${id}`)).status).toBe(200);
  });

  it('flags a referral not accepted within 3 days as overdue to both sides', async () => {
    const created = await houkatsu.post<Consultation>(
      '/api/consultations',
      consultation8050({ newPerson: { ...mother, givenName: '三郎', birthDate: '1974-03-03' } }),
    );
    const id = created.body.referralIds[0];
    expect((await houkatsu.get<Referral>(`/api/referrals/${id}`)).body.overdue).toBe(false);
    advanceClockForTests(4 * 86_400_000);
    // Four days later both workers log in again (their sessions expired overnight).
    const sender = await loggedIn(server.url, 'demo-consultant');
    const recipient = await loggedIn(server.url, 'demo-jiritsu');
    expect((await sender.get<Referral>(`/api/referrals/${id}`)).body.overdue).toBe(true);
    const inbox = await recipient.get<{ referrals: { id: string; overdue: boolean }[] }>(
      '/api/referrals?box=inbox',
    );
    expect(inbox.body.referrals.find((r) => r.id === id)?.overdue).toBe(true);
  });

  it('sends "つなぎ先がわからない" to the coordinators', async () => {
    const created = await houkatsu.post<Consultation>(
      '/api/consultations',
      consultation8050({
        newPerson: { ...mother, givenName: '四郎', birthDate: '1975-04-04' },
        outcome: 'unsure_where',
        referral: { reason: 'どこにつなげばよいかわからない' },
      }),
    );
    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    const inbox = await coordinator.get<{ referrals: { id: string; toMultiAgency: boolean }[] }>(
      '/api/referrals?box=inbox',
    );
    expect(inbox.body.referrals.find((r) => r.id === created.body.referralIds[0])?.toMultiAgency).toBe(true);
    expect((await coordinator.get(`/api/people/${created.body.personId}`)).status).toBe(200);
  });
});

describe('input rules of the intake form', () => {
  it('refuses anything that looks like an individual number, saying why', async () => {
    for (const body of [
      consultation8050({ mainComplaint: 'マイナンバーは 1234 5678 9012 です' }),
      consultation8050({ newPerson: { ...mother, notes: '123456789012' } }),
      consultation8050({ newPerson: { ...mother, phones: ['1234-5678-9012'] } }),
    ]) {
      const response = await houkatsu.post('/api/consultations', body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(
        '個人番号（マイナンバー）は収集しないため入力できません',
      );
    }
  });

  it('requires the ◎ issue to be one of the checked issues and a referral target when referring', async () => {
    const wrongPrimary = await houkatsu.post(
      '/api/consultations',
      consultation8050({ primaryIssue: 'dementia' }),
    );
    expect(wrongPrimary.status).toBe(400);
    const noTarget = await houkatsu.post('/api/consultations', consultation8050({ referral: null }));
    expect(noTarget.status).toBe(400);
    const unknownIssue = await houkatsu.post(
      '/api/consultations',
      consultation8050({ issues: ['alien'], primaryIssue: null }),
    );
    expect(unknownIssue.status).toBe(400);
  });

  it('tells a 受付日時 that cannot be read that it cannot be read (it was a 500)', async () => {
    for (const receivedAt of ['x', '', '2026-02-30T10:00:00+09:00']) {
      const response = await houkatsu.post<{ error: { code: string; message: string; details: unknown } }>(
        '/api/consultations',
        consultation8050({ receivedAt }),
      );
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error.details)).toContain('受付日時の形式が正しくありません');
    }
  });
});

describe("the municipality's own settings", () => {
  it('lets the administrator add an issue to the vocabulary, which the intake then accepts', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    expect((await houkatsu.post('/api/consultations/issues', { label: '外出困難' })).status).toBe(403);
    const added = await admin.post<{ issues: { code: string; label: string; sensitive: boolean }[] }>(
      '/api/consultations/issues',
      { label: '外出困難', sensitive: false },
    );
    expect(added.status).toBe(201);
    const issue = added.body.issues.find((i) => i.label === '外出困難');
    expect(issue?.code).toMatch(/^custom_/);
    expect((await admin.post('/api/consultations/issues', { label: '外出困難' })).status).toBe(409);
    const created = await houkatsu.post('/api/consultations', {
      ...consultation8050({ newPerson: { ...mother, givenName: '五郎', birthDate: '1976-05-05' } }),
      issues: [issue?.code],
      primaryIssue: issue?.code,
    });
    expect(created.status).toBe(201);
  });

  it('uses the municipal number of days before a referral counts as overdue', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const settingsVersion = async () => (await admin.get<{ version: number }>('/api/settings')).body.version;
    const changed = await admin.patch<{ referralOverdueDays: number }>('/api/settings', {
      referralOverdueDays: 1,
      version: await settingsVersion(),
    });
    expect(changed.body.referralOverdueDays).toBe(1);
    expect(
      (await admin.patch('/api/settings', { referralOverdueDays: 0, version: await settingsVersion() }))
        .status,
    ).toBe(400);
    const created = await houkatsu.post<Consultation>(
      '/api/consultations',
      consultation8050({ newPerson: { ...mother, givenName: '六郎', birthDate: '1977-06-06' } }),
    );
    advanceClockForTests(36 * 3_600_000);
    const sender = await loggedIn(server.url, 'demo-consultant');
    expect((await sender.get<Referral>(`/api/referrals/${created.body.referralIds[0]}`)).body.overdue).toBe(
      true,
    );
    const adminAgain = await loggedIn(server.url, 'demo-admin');
    const { version } = (await adminAgain.get<{ version: number }>('/api/settings')).body;
    expect((await adminAgain.patch('/api/settings', { referralOverdueDays: 3, version })).status).toBe(200);
  });
});

describe('reads that show personal data are audited', () => {
  it('records reading consents and the households listed with search results', async () => {
    const created = await houkatsu.post<Consultation>(
      '/api/consultations',
      consultation8050({
        newPerson: {
          ...mother,
          familyName: '監査',
          givenName: '確認',
          familyNameKana: 'カンサ',
          birthDate: '1980-01-01',
        },
      }),
    );
    await houkatsu.get(`/api/people/${created.body.personId}/consents`);
    const found = await houkatsu.get<{ people: { id: string; households: { id: string }[] }[] }>(
      `/api/people?q=${encodeURIComponent('カンサ')}`,
    );
    expect(found.body.people[0]?.households.map((h) => h.id)).toEqual([created.body.householdId]);
    const admin = await loggedIn(server.url, 'demo-admin');
    const consentReads = await admin.get<{ rows: { actorLoginId: string }[] }>(
      `/api/audit?action=consent.read&targetId=${created.body.personId}`,
    );
    expect(consentReads.body.rows.map((r) => r.actorLoginId)).toEqual(['demo-consultant']);
    const householdReads = await admin.get<{ rows: { detail: { households?: string[] } }[] }>(
      '/api/audit?action=household.read',
    );
    expect(
      householdReads.body.rows.some((r) => r.detail.households?.includes(created.body.householdId ?? '')),
    ).toBe(true);
  });
});
