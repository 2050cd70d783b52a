import { expect } from 'vitest';
import type { Case } from '../modules/cases/cases.schemas';
import { now } from '../server/clock';
import type { RunningServer } from '../server/start';
import { formatWestern } from '../shared/dates';
import { loggedIn, type TestClient } from './test-client';
import { startTestServer } from './test-server';

// For the case tests: a running server, the demo workers logged in, and an 8050 household
// referred to 多機関協働 by the 北部地域包括支援センター with the mother's written consent.

const DAY = 86_400_000;
export const today = () => formatWestern(now());
export const daysFromToday = (n: number) => formatWestern(new Date(now().getTime() + n * DAY));
export { DAY };

const LOGINS = {
  houkatsu: 'demo-consultant', // 北部地域包括支援センター: takes the consultation
  coordinator: 'demo-coordinator',
  jiritsu: 'demo-jiritsu', // 自立相談支援機関: joins the team
  child: 'demo-child', // こども家庭センター: never involved
  manager: 'demo-manager',
  admin: 'demo-admin',
  lawyer: 'demo-lawyer', // 会議構成員 (弁護士): a guest of meetings, on no team
  outreach: 'demo-outreach', // アウトリーチ支援員 (社会福祉協議会)
  participation: 'demo-participation', // 参加支援担当 (社会福祉協議会)
  community: 'demo-community', // 生活支援コーディネーター (社会福祉協議会)
  disability: 'demo-disability', // 障がい者基幹相談支援センター: never involved
} as const;
export type Who = keyof typeof LOGINS;

export type CaseWorld = Awaited<ReturnType<typeof startCaseWorld>>;

export const decision = (body = '重層的支援会議') => ({
  decidedOn: today(),
  decidingBody: body,
  content: '会議で協議し決定した。',
});

export async function startCaseWorld() {
  const server: RunningServer = await startTestServer();
  const clients = {} as Record<Who, TestClient>;
  const logInEveryone = async () => {
    for (const [who, loginId] of Object.entries(LOGINS))
      clients[who as Who] = await loggedIn(server.url, loginId);
  };
  await logInEveryone();
  const as = (who: Who) => clients[who];
  const orgs = await as('houkatsu').get<{ organisations: { id: string; name: string }[] }>(
    '/api/organisations',
  );
  const byName = (name: string) => orgs.body.organisations.find((o) => o.name === name)?.id ?? '';
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
  /** A step on a case, with the error code and message of a refusal. */
  const step = async <T = Case>(caseId: string, who: Who, path: string, body: unknown = {}) => {
    const response = await as(who).post<T & { error?: { code: string; message: string } }>(
      `/api/cases/${caseId}${path}`,
      body,
    );
    return { ...response, code: response.body.error?.code, message: response.body.error?.message };
  };
  /** The user id of one of the world's staff, from their own session. */
  const userIdOf = async (who: Who) =>
    (await as(who).get<{ user: { id: string } }>('/api/auth/session')).body.user.id;
  return {
    server,
    as,
    logInEveryone,
    step,
    userIdOf,
    orgIds: {
      hokubu: byName('北部地域包括支援センター'),
      jiritsu: byName('福祉総合相談窓口（自立相談支援機関）'),
      shakyo: byName('つなぐ市社会福祉協議会'),
    },
    householdId: created.body.householdId,
    referralId: created.body.referralIds[0] ?? '',
  };
}

/** The coordinator opens the world's referral as a 多機関協働 case; its id. */
export async function openWorldCase(world: CaseWorld): Promise<string> {
  const opened = await world.as('coordinator').post<{ id: string }>('/api/cases', {
    referralId: world.referralId,
    summary: '8050世帯：母の介護、息子のひきこもり、家賃滞納',
  });
  expect(opened.status).toBe(201);
  return opened.body.id;
}

/**
 * The 8050 case of the world, with its assessment and a consented plan, at 会議決定待ち (the case
 * opened here, or one opened and still at 受付).
 */
export async function caseAwaitingDecision(world: CaseWorld, opened?: string): Promise<string> {
  const as = world.as;
  const caseId = opened ?? (await openWorldCase(world));
  const caseStep = (path: string, payload: unknown = {}) => world.step(caseId, 'coordinator', path, payload);
  await caseStep('/screening', { outcome: 'multi_agency', reason: '複数の課題が重なる', decidedOn: today() });
  const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
  await caseStep('/assessments', {
    members: [{ personId: page.body.members[0]?.personId, situations: { care: '要介護2' } }],
    wishes: '母は自宅で暮らし続けたい。',
    urgency: 'medium',
    view: '家計と介護を並行して支える。',
  });
  await caseStep('/transitions', { to: 'planning' });
  await caseStep('/team', { organisationId: world.orgIds.jiritsu, role: '家計改善・就労支援' });
  const planned = await caseStep('/plans', {
    content: {
      vision: '母が自宅で安心して暮らし、息子が家の外に居場所を持つ。',
      issues: ['家賃の滞納', '母の介護'],
      goals: [{ key: 'g1', text: '滞納を解消し家計を安定させる', timeframe: '6か月' }],
      actions: [
        {
          key: 'a1',
          goalKey: 'g1',
          text: '家計改善支援と家賃の分納相談',
          organisationId: world.orgIds.jiritsu,
          frequency: '月2回',
          from: today(),
          until: daysFromToday(60),
        },
      ],
    },
    reviewOn: daysFromToday(90),
  });
  await caseStep(`/plans/${planned.body.plan?.id}/consent`, { consentOn: today(), consentMethod: 'written' });
  const tabled = await caseStep('/transitions', { to: 'awaiting_decision' });
  expect(tabled.body.status).toBe('awaiting_decision');
  return caseId;
}

/** The coordinator tables the case at a new session of the named body (tomorrow); the answer. */
export async function tableCaseAt(world: CaseWorld, bodyName: string, caseId: string) {
  const bodies = await world
    .as('coordinator')
    .get<{ items: { id: string; name: string }[] }>('/api/meetings/bodies');
  const session = await world.as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
    bodyId: bodies.body.items.find((b) => b.name === bodyName)?.id,
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  return world
    .as('coordinator')
    .post<{ error?: { code: string } }>(`/api/meetings/sessions/${session.body.id}/items`, {
      kind: 'case',
      caseId,
    });
}

/** A consultation taken by phone today, handled there: the parts a test changes go in `extra`. */
export const consultationBody = (extra: Record<string, unknown>) => ({
  receivedAt: `${today()}T09:00:00+09:00`,
  channel: 'phone',
  broughtBy: 'self',
  mainComplaint: '相談',
  outcome: 'info_only',
  shareConsent: 'not_asked',
  ...extra,
});
