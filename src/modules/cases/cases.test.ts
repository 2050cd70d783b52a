import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, now, resetClockForTests } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { formatWestern } from '../../shared/dates';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import type { Case, WorkItem } from './cases.schemas';

const DAY = 86_400_000;
const today = () => formatWestern(now());
const daysFromToday = (n: number) => formatWestern(new Date(now().getTime() + n * DAY));

let server: RunningServer;
const clients: Record<string, TestClient> = {};
const LOGINS = {
  houkatsu: 'demo-consultant', // 北部地域包括支援センター: takes the consultation
  coordinator: 'demo-coordinator',
  jiritsu: 'demo-jiritsu', // 自立相談支援機関: joins the team
  child: 'demo-child', // こども家庭センター: never involved
  manager: 'demo-manager',
  admin: 'demo-admin',
} as const;
type Who = keyof typeof LOGINS;
const as = (who: Who) => clients[who] as TestClient;

async function logInEveryone() {
  for (const [who, loginId] of Object.entries(LOGINS)) clients[who] = await loggedIn(server.url, loginId);
}

let orgIds: Record<string, string> = {};
let referralId = '';
let householdId = '';
let caseId = '';

const decision = (body = '重層的支援会議') => ({
  decidedOn: today(),
  decidingBody: body,
  content: '会議で協議し決定した。',
});

async function step<T = Case>(who: Who, path: string, body: unknown = {}) {
  const response = await as(who).post<T & { error?: { code: string; message: string } }>(
    `/api/cases/${caseId}${path}`,
    body,
  );
  return { ...response, code: response.body.error?.code, message: response.body.error?.message };
}

beforeAll(async () => {
  server = await startTestServer();
  await logInEveryone();
  const orgs = await as('houkatsu').get<{ organisations: { id: string; kind: string; name: string }[] }>(
    '/api/organisations',
  );
  const byName = (name: string) => orgs.body.organisations.find((o) => o.name === name)?.id ?? '';
  orgIds = {
    hokubu: byName('北部地域包括支援センター'),
    jiritsu: byName('福祉総合相談窓口（自立相談支援機関）'),
    shakyo: byName('つなぐ市社会福祉協議会'),
  };
  const created = await as('houkatsu').post<{ householdId: string; referralIds: string[] }>(
    '/api/consultations',
    {
      receivedAt: `${today()}T10:00:00+09:00`,
      channel: 'home_visit',
      broughtBy: 'welfare_commissioner',
      newPerson: {
        familyName: '松岡',
        givenName: 'トメ',
        familyNameKana: 'マツオカ',
        givenNameKana: 'トメ',
        birthDate: '1942-02-02',
      },
      newHouseholdName: '松岡さん世帯',
      mainComplaint: '80代の母の介護と、同居する50代の息子のひきこもり、家賃の滞納が重なっている。',
      issues: ['8050', 'hikikomori', 'poverty'],
      primaryIssue: '8050',
      outcome: 'refer_multi_agency',
      shareConsent: 'given',
      consentMethod: 'written',
      referral: {
        toOrganisationId: null,
        reason: '介護・就労・家計の複数機関での支援が必要',
        actionsTaken: '訪問した',
      },
    },
  );
  expect(created.status).toBe(201);
  householdId = created.body.householdId;
  referralId = created.body.referralIds[0] ?? '';
});
afterAll(async () => {
  resetClockForTests();
  await server.close();
});

describe('opening a 多機関協働 case', () => {
  it('is for coordinators only', async () => {
    const refused = await as('houkatsu').post('/api/cases', { referralId, summary: '8050' });
    expect(refused.status).toBe(403);
  });

  it('opens from the referral, answers the referral and keeps the referring agency on the team', async () => {
    const opened = await as('coordinator').post<{ id: string }>('/api/cases', {
      referralId,
      summary: '8050世帯：母の介護、息子のひきこもり、家賃滞納',
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(page.body.status).toBe('received');
    expect(page.body.householdId).toBe(householdId);
    expect(page.body.referral?.fromOrganisationName).toContain('地域包括');
    expect(page.body.team.map((m) => m.organisationId).sort()).toEqual([orgIds.hokubu, orgIds.shakyo].sort());
    const referrer = page.body.team.find((m) => m.role === 'つないだ機関');
    expect(referrer?.organisationName).toContain('地域包括');
    const referral = await as('houkatsu').get<{ status: string }>(`/api/referrals/${referralId}`);
    expect(referral.body.status).toBe('in_progress');
  });

  it('refuses a second case from the same referral', async () => {
    const again = await as('coordinator').post<{ error: { code: string } }>('/api/cases', {
      referralId,
      summary: '重複',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_EXISTS');
  });

  it('is seen by the team and coordinators only; the program manager gets counts, never content', async () => {
    expect((await as('houkatsu').get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await as('child').get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await as('jiritsu').get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await as('manager').get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await as('admin').get(`/api/cases/${caseId}`)).status).toBe(403);
    const list = await as('child').get<{ cases: { id: string }[] }>('/api/cases');
    expect(list.body.cases.map((c) => c.id)).not.toContain(caseId);
    const counts = await as('manager').get<{ byStatus: Record<string, number>; openedThisYear: number }>(
      '/api/cases/counts',
    );
    expect(counts.status).toBe(200);
    expect(counts.body.byStatus.received).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(counts.body)).not.toContain('松岡');
    expect((await as('houkatsu').get('/api/cases/counts')).status).toBe(403);
  });
});

describe('the case life cycle', () => {
  let planId = '';

  it('refuses steps out of order and steps by the wrong people', async () => {
    const skip = await step('coordinator', '/transitions', { to: 'supporting' });
    expect(skip.status).toBe(409);
    expect(skip.code).toBe('INVALID_TRANSITION');
    expect(skip.message).toContain('「受付」の事例を「支援中」にはできません');
    const notCoordinator = await step('houkatsu', '/screening', {
      outcome: 'multi_agency',
      reason: '複数の課題',
      decidedOn: today(),
    });
    expect(notCoordinator.status).toBe(403);
    const outsider = await step('child', '/records', { recordedOn: today(), type: 'phone', content: '電話' });
    expect(outsider.status).toBe(404);
  });

  it('screens the case to 多機関で対応 with a reason, kept as a decision', async () => {
    const screened = await step('coordinator', '/screening', {
      outcome: 'multi_agency',
      reason: '介護・就労・家計の課題が重なり、単独の機関では支えきれない。',
      decidedOn: today(),
    });
    expect(screened.status).toBe(200);
    expect(screened.body.status).toBe('assessment');
    expect(screened.body.screeningOutcome).toBe('multi_agency');
    expect(screened.body.decisions[0]).toMatchObject({ kind: 'screening', screeningOutcome: 'multi_agency' });
  });

  it('needs an assessment before planning; assessments are versioned and compared', async () => {
    const early = await step('coordinator', '/transitions', { to: 'planning' });
    expect(early.status).toBe(409);
    expect(early.code).toBe('ASSESSMENT_REQUIRED');
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    const motherId = page.body.members[0]?.personId ?? '';
    const assessment = {
      members: [
        {
          personId: motherId,
          situations: { care: '要介護2。通院が途絶えている。', finance: '家賃3か月滞納' },
        },
      ],
      wishes: '母は自宅で暮らし続けたい。',
      strengths: '近所の友人が見守っている。',
      resources: null,
      risks: '滞納による立ち退き',
      urgency: 'medium',
      view: '家計の立て直しと介護サービスの導入を並行して進める。',
    };
    expect((await step('coordinator', '/assessments', assessment)).status).toBe(200);
    const second = await step('coordinator', '/assessments', {
      ...assessment,
      members: [
        {
          personId: motherId,
          situations: {
            ...assessment.members[0]?.situations,
            work: null,
            care: '要介護2。訪問診療を調整中。',
          },
        },
      ],
      urgency: 'high',
    });
    expect(second.body.assessment?.version).toBe(2);
    expect(second.body.assessment?.changes).toEqual(
      expect.arrayContaining(['松岡 トメ：介護', '緊急度 中→高']),
    );
    expect(second.body.assessment?.content.composition[0]?.name).toBe('松岡 トメ');
    const versions = await as('houkatsu').get<{ versions: { version: number }[] }>(
      `/api/cases/${caseId}/assessments`,
    );
    expect(versions.body.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await step('coordinator', '/transitions', { to: 'planning' })).body.status).toBe('planning');
  });

  it('builds the team and a plan whose actions belong to team organisations', async () => {
    const plan = {
      content: {
        vision: '母が自宅で安心して暮らし、息子が家の外に居場所を持つ。',
        issues: ['家賃の滞納', '母の介護', '息子の社会参加'],
        goals: [
          { key: 'g1', text: '滞納を解消し家計を安定させる', timeframe: '6か月' },
          { key: 'g2', text: '母が介護サービスを使い始める', timeframe: '3か月' },
        ],
        actions: [
          {
            key: 'a1',
            goalKey: 'g1',
            text: '家計改善支援と家賃の分納相談',
            organisationId: orgIds.jiritsu,
            frequency: '月2回',
            from: today(),
            until: daysFromToday(20),
          },
          {
            key: 'a2',
            goalKey: 'g2',
            text: '要介護認定の区分変更とケアマネジャーの調整',
            organisationId: orgIds.hokubu,
            frequency: '随時',
            from: today(),
            until: daysFromToday(90),
          },
        ],
      },
      reviewOn: daysFromToday(30),
    };
    const notOnTeam = await step('coordinator', '/plans', plan);
    expect(notOnTeam.status).toBe(400);
    expect(notOnTeam.code).toBe('NOT_ON_TEAM');
    const joined = await step('coordinator', '/team', {
      organisationId: orgIds.jiritsu,
      role: '家計改善・就労支援',
    });
    expect(joined.status).toBe(200);
    expect(joined.body.team.some((m) => m.role === '家計改善・就労支援')).toBe(true);
    const created = await step('coordinator', '/plans', plan);
    expect(created.status).toBe(200);
    expect(created.body.plan?.version).toBe(1);
    planId = created.body.plan?.id ?? '';
    // The new team member now sees the case and the household.
    expect((await as('jiritsu').get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await as('jiritsu').get(`/api/households/${householdId}`)).status).toBe(200);
  });

  it('refuses approval without a decision, and without the person consenting to the plan', async () => {
    expect((await step('coordinator', '/transitions', { to: 'awaiting_decision' })).body.status).toBe(
      'awaiting_decision',
    );
    const noDecision = await step('coordinator', '/transitions', { to: 'supporting' });
    expect(noDecision.status).toBe(400);
    expect(noDecision.code).toBe('DECISION_REQUIRED');
    const noConsent = await step('coordinator', '/transitions', { to: 'supporting', decision: decision() });
    expect(noConsent.status).toBe(409);
    expect(noConsent.code).toBe('PLAN_CONSENT_REQUIRED');
    const future = await step('coordinator', `/plans/${planId}/consent`, {
      consentOn: daysFromToday(3),
      consentMethod: 'written',
    });
    expect(future.status).toBe(400);
    expect(
      (
        await step('coordinator', `/plans/${planId}/consent`, {
          consentOn: today(),
          consentMethod: 'written',
        })
      ).status,
    ).toBe(200);
    const approved = await step('coordinator', '/transitions', { to: 'supporting', decision: decision() });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('supporting');
    expect(approved.body.planInForce?.approvedOn).toBe(today());
    expect(approved.body.nextReviewOn).toBe(daysFromToday(30));
    expect(approved.body.decisions.some((d) => d.kind === 'plan_approval')).toBe(true);
  });

  it('takes support records from any team agency and shows them in the timeline', async () => {
    const one = await step('houkatsu', '/records', {
      recordedOn: today(),
      type: 'home_visit',
      minutes: 60,
      content: '母と面談。区分変更の申請を説明した。',
      goalKey: 'g2',
      actionKey: 'a2',
    });
    expect(one.status).toBe(200);
    const two = await step('jiritsu', '/records', {
      recordedOn: today(),
      type: 'accompany',
      minutes: 90,
      content: '息子と家主を訪ね、分納の相談に同行した。',
      actionKey: 'a1',
    });
    expect(two.status).toBe(200);
    const records = two.body.timeline.filter((t) => t.kind === 'record');
    expect(records.map((r) => r.organisationName)).toEqual(
      expect.arrayContaining([expect.stringContaining('地域包括'), expect.stringContaining('自立相談')]),
    );
    expect(records.find((r) => r.recordType === 'accompany')?.serves).toBe('家計改善支援と家賃の分納相談');
    expect(two.body.recordTotal).toBe(2);
    expect(two.body.lastRecordOn).toBe(today());
    const notInPlan = await step('jiritsu', '/records', {
      recordedOn: today(),
      type: 'phone',
      content: '電話',
      actionKey: 'zz',
    });
    expect(notInPlan.code).toBe('NOT_IN_PLAN');
    const future = await step('jiritsu', '/records', {
      recordedOn: daysFromToday(1),
      type: 'phone',
      content: '電話',
    });
    expect(future.code).toBe('FUTURE_DATE');
  });

  it('suspends only with a reason, and resumes', async () => {
    const bare = await step('houkatsu', '/transitions', { to: 'suspended' });
    expect(bare.code).toBe('NOTE_REQUIRED');
    const suspended = await step('houkatsu', '/transitions', {
      to: 'suspended',
      note: '息子が当面の接触を拒否',
    });
    expect(suspended.body.status).toBe('suspended');
    expect((await step('houkatsu', '/transitions', { to: 'supporting' })).body.status).toBe('supporting');
  });

  it('puts due reviews, overdue actions and quiet agencies in work queues as days pass', async () => {
    advanceClockForTests(31 * DAY);
    await logInEveryone();
    const jiritsuQueue = await as('jiritsu').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(jiritsuQueue.body.items).toContainEqual(
      expect.objectContaining({ kind: 'action_overdue', caseId, detail: '家計改善支援と家賃の分納相談' }),
    );
    const coordinatorQueue = await as('coordinator').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    const kinds = coordinatorQueue.body.items.filter((i) => i.caseId === caseId).map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['review_due', 'no_record']));
    expect(coordinatorQueue.body.items.find((i) => i.caseId === caseId)?.personName).toBe('松岡 トメ');
    expect(
      (await as('child').get<{ items: WorkItem[] }>('/api/cases/work-queue')).body.items.map((i) => i.caseId),
    ).not.toContain(caseId);
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(page.body.team.filter((m) => m.quiet).map((m) => m.organisationName)).toEqual(
      expect.arrayContaining([expect.stringContaining('地域包括')]),
    );
    const done = await step('jiritsu', '/actions/a1/complete');
    expect(done.status).toBe(200);
    const after = await as('jiritsu').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(after.body.items.some((i) => i.kind === 'action_overdue' && i.caseId === caseId)).toBe(false);
    const notTheirs = await step('jiritsu', '/actions/a2/complete');
    expect(notTheirs.status).toBe(403);
  });

  it('evaluates every goal, then refuses closing without a decision or a reason', async () => {
    const partial = await step('coordinator', '/evaluations', {
      evaluatedOn: today(),
      goals: [{ goalKey: 'g1', result: 'achieved' }],
      overall: '家計は安定',
      nextStep: 'propose_closure',
    });
    expect(partial.code).toBe('GOALS_MISMATCH');
    const evaluated = await step('coordinator', '/evaluations', {
      evaluatedOn: today(),
      goals: [
        { goalKey: 'g1', result: 'achieved', comment: '分納が定着' },
        { goalKey: 'g2', result: 'partly', comment: 'デイサービス週1回' },
      ],
      overall: '生活は安定してきた。息子との関係づくりは続ける。',
      nextStep: 'propose_closure',
    });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.status).toBe('evaluating');
    expect(evaluated.body.evaluation?.goals).toHaveLength(2);
    const noDecision = await step('coordinator', '/transitions', { to: 'closed', closureReason: 'resolved' });
    expect(noDecision.code).toBe('DECISION_REQUIRED');
    const noReason = await step('coordinator', '/transitions', { to: 'closed', decision: decision() });
    expect(noReason.code).toBe('CLOSURE_REASON_REQUIRED');
  });

  it('closes with continued connection, reminds the agency keeping in touch, and ends it', async () => {
    const closed = await step('coordinator', '/transitions', {
      to: 'closed',
      closureReason: 'resolved',
      decision: decision(),
      connection: {
        organisationId: orgIds.hokubu,
        intervalDays: 30,
        how: '月1回の電話と、民生委員の見守り',
        firstContactOn: daysFromToday(14),
      },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('connected');
    expect(closed.body.closureReason).toBe('resolved');
    expect(closed.body.connection?.nextContactOn).toBe(daysFromToday(14));
    advanceClockForTests(15 * DAY);
    await logInEveryone();
    const queue = await as('houkatsu').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(queue.body.items).toContainEqual(expect.objectContaining({ kind: 'connection_due', caseId }));
    const contact = await step('houkatsu', '/records', {
      recordedOn: today(),
      type: 'phone',
      content: '母と電話。変わりなし。',
    });
    expect(contact.body.connection?.nextContactOn).toBe(daysFromToday(30));
    const ended = await step('houkatsu', '/transitions', { to: 'closed', note: '転居先の包括へ引き継いだ' });
    expect(ended.body.status).toBe('closed');
    expect(ended.body.connection?.endedOn).toBe(today());
    const reopened = await step('houkatsu', '/transitions', { to: 'supporting' });
    expect(reopened.status).toBe(409);
  });

  it('audits every read and write of the case, without personal data in the details', async () => {
    const log = await as('admin').get<{ rows: { action: string; detail: unknown }[] }>(
      `/api/audit?targetId=${caseId}&pageSize=200`,
    );
    const actions = new Set(log.body.rows.map((r) => r.action));
    for (const action of [
      'case.open',
      'case.read',
      'case.screening',
      'case.assessment',
      'case.plan',
      'case.transition',
      'case.team',
      'case.record',
      'case.evaluation',
    ]) {
      expect(actions).toContain(action);
    }
    expect(JSON.stringify(log.body.rows)).not.toContain('松岡');
  });
});

describe('screening back to the referring agency', () => {
  it('closes the case with the screening as its reason', async () => {
    const opened = await as('coordinator').post<{ id: string }>('/api/cases', {
      householdId,
      summary: '助言のみで足りる相談',
    });
    expect(opened.status).toBe(201);
    const screened = await as('coordinator').post<Case>(`/api/cases/${opened.body.id}/screening`, {
      outcome: 'advise_referrer',
      reason: '地域包括での対応で足りるため、助言して戻す。',
      decidedOn: today(),
    });
    expect(screened.body.status).toBe('closed');
    expect(screened.body.closureReason).toBe('screened_out');
  });
});
