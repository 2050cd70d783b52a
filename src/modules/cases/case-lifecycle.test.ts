import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import {
  type CaseWorld,
  DAY,
  daysFromToday,
  decision,
  startCaseWorld,
  today,
  type Who,
} from '../../testing/case-world';
import type { Case, WorkItem } from './cases.schemas';

let world: CaseWorld;
let caseId = '';
const as = (who: Who) => world.as(who);
const step = <T = Case>(who: Who, path: string, body: unknown = {}) => world.step<T>(caseId, who, path, body);
const logInEveryone = () => world.logInEveryone();

beforeAll(async () => {
  world = await startCaseWorld();
  const opened = await as('coordinator').post<{ id: string }>('/api/cases', {
    referralId: world.referralId,
    summary: '8050世帯：母の介護、息子のひきこもり、家賃滞納',
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
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
            organisationId: world.orgIds.jiritsu,
            frequency: '月2回',
            from: today(),
            until: daysFromToday(20),
          },
          {
            key: 'a2',
            goalKey: 'g2',
            text: '要介護認定の区分変更とケアマネジャーの調整',
            organisationId: world.orgIds.hokubu,
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
      organisationId: world.orgIds.jiritsu,
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
    expect((await as('jiritsu').get(`/api/households/${world.householdId}`)).status).toBe(200);
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
    // how far back a record may be dated is the municipality's setting (365 days unless set)
    const yearAndMore = await step('jiritsu', '/records', {
      recordedOn: daysFromToday(-400),
      type: 'phone',
      content: '電話',
    });
    expect(yearAndMore.code).toBe('TOO_FAR_BACK');
    const { version } = (await world.as('admin').get<{ version: number }>('/api/settings')).body;
    expect((await world.as('admin').patch('/api/settings', { backdateLimitDays: 30, version })).status).toBe(
      200,
    );
    const monthAndMore = await step('jiritsu', '/records', {
      recordedOn: daysFromToday(-40),
      type: 'phone',
      content: '電話',
    });
    expect(monthAndMore.code).toBe('TOO_FAR_BACK');
    expect(monthAndMore.message).toMatch(
      /^支援の日は令和\d+年\d+月\d+日以降の日付にしてください（30日より前の記録は、自治体の設定で入力できません）。$/,
    );
    const withinMonth = await step('jiritsu', '/records', {
      recordedOn: daysFromToday(-20),
      type: 'phone',
      content: '電話',
    });
    expect(withinMonth.code).toBeUndefined();
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
    // a suspended case's actions wait with it, and come back when the support resumes
    const overdueOf = async () =>
      (await as('jiritsu').get<{ items: WorkItem[] }>('/api/cases/work-queue')).body.items.filter(
        (i) => i.kind === 'action_overdue' && i.caseId === caseId,
      ).length;
    // and leave the queue's index meanwhile (case_actions.outstanding), as the actions of ended cases do
    const marked = sql`select count(*)::int as n from case_actions where case_id = ${caseId} and outstanding`;
    const indexed = async () => (await queryRows<{ n: number }>(world.server.handle.owner, marked))[0]?.n;
    expect(await indexed()).toBe(2);
    await step('houkatsu', '/transitions', { to: 'suspended', note: '入院のため一時中断' });
    expect(await overdueOf()).toBe(0);
    expect(await indexed()).toBe(0);
    await step('houkatsu', '/transitions', { to: 'supporting' });
    expect(await overdueOf()).toBe(1);
    expect(await indexed()).toBe(2);
    expect((await step('jiritsu', '/actions/a1/complete')).status).toBe(200);
    expect(await overdueOf()).toBe(0);
    // a done action leaves the queue's index too, and comes back if the mark is taken back (as the owner)
    expect(await indexed()).toBe(1);
    const undone = sql`delete from case_action_completions where case_id = ${caseId}`;
    await world.server.handle.owner.execute(undone);
    expect([await indexed(), await overdueOf()]).toEqual([2, 1]);
    expect((await step('jiritsu', '/actions/a2/complete')).status).toBe(403);
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
    // a meeting the case was never tabled at cannot be named as where it was decided
    const elsewhere = await step('coordinator', '/transitions', {
      to: 'closed',
      closureReason: 'resolved',
      decision: { ...decision(), meetingSessionId: '00000000-0000-4000-8000-00000000beef' },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('closes with continued connection, reminds the agency keeping in touch, and ends it', async () => {
    const closed = await step('coordinator', '/transitions', {
      to: 'closed',
      closureReason: 'resolved',
      decision: decision(),
      connection: {
        organisationId: world.orgIds.hokubu,
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
