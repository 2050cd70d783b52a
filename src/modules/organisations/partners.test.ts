import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import {
  type CaseWorld,
  DAY,
  daysFromToday,
  decision,
  openWorldCase,
  startCaseWorld,
  tableCaseAt,
  today,
} from '../../testing/case-world';
import { startSecondCity } from '../../testing/second-city';
import type { Case, WorkItem } from '../cases/cases.schemas';
import type { Referral } from '../referrals/referrals.schemas';
import type { Organisation } from './organisations.schemas';

// 外部の関係機関 (尼崎's 支援会議 brings in 保護観察所, ハローワーク, 医療機関…): registered without
// staff accounts, on case teams, carrying plan actions and 宿題 that the lead records, and
// receiving つなぎ whose answers the sender logs.

let world: CaseWorld;
let caseId = '';
let partner: Organisation;
const as = (who: Parameters<CaseWorld['as']>[0]) => world.as(who);
const step = (who: Parameters<CaseWorld['as']>[0], path: string, body: unknown = {}) =>
  world.step(caseId, who, path, body);

beforeAll(async () => {
  world = await startCaseWorld();
  const registered = await as('coordinator').post<Organisation>('/api/organisations', {
    name: '大阪保護観察所',
    kind: 'probation_office',
    external: true,
    contactPerson: '山本 保護観察官',
    phone: '06-6941-0000',
    listInDirectory: true,
  });
  expect(registered.status).toBe(201);
  partner = registered.body;
  caseId = await openWorldCase(world);
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
});

describe('registering a partner without a login', () => {
  it('is done by a coordinator, lists the partner for everyone, and in the resource directory', async () => {
    expect(partner).toMatchObject({ external: true, contactPerson: '山本 保護観察官', functions: [] });
    const listed = await as('jiritsu').get<{ organisations: Organisation[] }>('/api/organisations');
    expect(listed.body.organisations.find((o) => o.id === partner.id)?.external).toBe(true);
    const operators = await as('participation').get<{ operators: { organisationId: string | null }[] }>(
      '/api/resources/operators',
    );
    expect(operators.body.operators.some((o) => o.organisationId === partner.id)).toBe(true);
    // a coordinator registers partners, not the municipality's own agencies
    const own = await as('coordinator').post('/api/organisations', { name: '新しい窓口', kind: 'npo' });
    expect(own.status).toBe(403);
    const byWorker = await as('jiritsu').post('/api/organisations', {
      name: '勝手な外部機関',
      kind: 'medical_institution',
      external: true,
    });
    expect(byWorker.status).toBe(403);
  });

  it('edits a partner with its version and refuses a stale edit', async () => {
    const edited = await as('coordinator').patch<Organisation>(`/api/organisations/${partner.id}`, {
      contactPerson: '川口 保護観察官',
      version: partner.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.contactPerson).toBe('川口 保護観察官');
    const stale = await as('coordinator').patch<{ error: { code: string } }>(
      `/api/organisations/${partner.id}`,
      { phone: '06-0000-0000', version: partner.version },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_RECORD');
    partner = edited.body;
    // a coordinator cannot edit an agency of the 事業 through this door
    const agency = await as('coordinator').patch(`/api/organisations/${world.orgIds.jiritsu}`, {
      name: '乗っ取り',
      version: 1,
    });
    expect(agency.status).toBe(403);
  });

  it('never gets staff accounts', async () => {
    const refused = await as('admin').post<{ error: { code: string; message: string } }>('/api/admin/users', {
      loginId: 'probation-officer',
      displayName: '保護観察所 職員',
      password: 'a-long-password-123',
      memberships: [{ organisationId: partner.id, role: 'consultant' }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('EXTERNAL_HAS_NO_STAFF');
    expect(refused.body.error.message).toContain('外部の関係機関');
  });
});

describe('a partner on a case team', () => {
  it('joins only as far as the consent reaches: consent to named organisations names it', async () => {
    await step('coordinator', '/screening', {
      outcome: 'multi_agency',
      reason: '複数の課題',
      decidedOn: today(),
    });
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    const motherId = page.body.members[0]?.personId ?? '';
    const consents = await as('houkatsu').get<{ consents: { id: string }[] }>(
      `/api/people/${motherId}/consents`,
    );
    for (const c of consents.body.consents) {
      expect(
        (await as('houkatsu').post(`/api/consents/${c.id}/withdraw`, { withdrawnOn: today() })).status,
      ).toBe(200);
    }
    const named = (organisationIds: string[]) =>
      as('houkatsu').post('/api/consents', {
        personId: motherId,
        purpose: '支援のための情報共有',
        scope: 'organisations',
        organisationIds,
        obtainedOn: today(),
        method: 'written',
      });
    expect((await named([world.orgIds.jiritsu, world.orgIds.hokubu])).status).toBe(201);
    const uncovered = await step('coordinator', '/team', { organisationId: partner.id, role: '保護観察' });
    expect(uncovered.status).toBe(409);
    expect(uncovered.code).toBe('CONSENT_REQUIRED_FOR_TEAM');
    expect((await named([partner.id])).status).toBe(201);
    const joined = await step('coordinator', '/team', { organisationId: partner.id, role: '保護観察' });
    expect(joined.status).toBe(200);
    const member = joined.body.team.find((m) => m.organisationId === partner.id);
    expect(member).toMatchObject({ external: true, quiet: false, isLead: false });
  });

  it('can never be the lead', async () => {
    const lead = await step('coordinator', '/lead', { organisationId: partner.id, userId: null });
    expect(lead.status).toBe(409);
    expect(lead.code).toBe('EXTERNAL_CANNOT_LEAD');
  });

  it('carries a plan action that the lead marks done, not another team member', async () => {
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    await step('coordinator', '/assessments', {
      members: [{ personId: page.body.members[0]?.personId, situations: { care: '要介護2' } }],
      wishes: '自宅で暮らし続けたい。',
      urgency: 'medium',
      view: '見守りと家計を並行して支える。',
    });
    const toPlanning = await step('coordinator', '/transitions', { to: 'planning' });
    expect(toPlanning.message ?? '').toBe('');
    for (const organisationId of [world.orgIds.jiritsu, world.orgIds.hokubu]) {
      await step('coordinator', '/team', { organisationId, role: '支援' });
    }
    const lead = await step('coordinator', '/lead', { organisationId: world.orgIds.hokubu, userId: null });
    expect(lead.status, lead.message).toBe(200);
    const action = (key: string, organisationId: string, text: string) => ({
      key,
      goalKey: 'g1',
      text,
      organisationId,
      frequency: '月1回',
      from: today(),
      until: daysFromToday(60),
    });
    const planned = await step('houkatsu', '/plans', {
      content: {
        vision: '息子が地域で落ち着いて暮らす。',
        issues: ['保護観察中の見守り'],
        goals: [{ key: 'g1', text: '生活を安定させる', timeframe: '6か月' }],
        actions: [
          action('a1', partner.id, '保護観察官との定期面接'),
          action('a2', world.orgIds.jiritsu, '家計改善支援'),
          action('a3', partner.id, '面接の結果を主担当に伝える'),
        ],
      },
      reviewOn: daysFromToday(90),
    });
    expect(planned.status, planned.message).toBe(200);
    // a revision names the organisations of what it changed
    const content = (planned.body as Case).plan?.content;
    const revised = await step('houkatsu', '/plans', {
      content: content && {
        ...content,
        actions: [
          ...content.actions.filter((a) => a.key !== 'a2'),
          { ...action('a2', partner.id, '家計改善支援'), userId: null },
        ],
      },
      reviewOn: daysFromToday(90),
    });
    expect((revised.body as Case).plan?.changes).toEqual([
      expect.stringMatching(
        new RegExp(`^担当を変更：家計改善支援（[^→]*自立相談支援機関[^→]*→${partner.name}）$`),
      ),
    ]);
    const planId = (revised.body as Case).plan?.id;
    await step('houkatsu', `/plans/${planId}/consent`, { consentOn: today(), consentMethod: 'written' });
    await step('houkatsu', '/transitions', { to: 'awaiting_decision' });
    const approved = await step('coordinator', '/transitions', { to: 'supporting', decision: decision() });
    expect(approved.status, approved.message).toBe(200);
    const notLead = await step('jiritsu', '/actions/a1/complete');
    expect(notLead.status).toBe(403);
    const byLead = await step('houkatsu', '/actions/a1/complete');
    expect(byLead.status).toBe(200);
    expect((byLead.body as Case).completedActionKeys).toContain('a1');
  });

  it('owns a 宿題 of the meeting; the lead sees it in the work queue and records it done', async () => {
    const tabled = await tableCaseAt(world, '支援会議（法第106条の6）', caseId);
    expect(tabled.status).toBe(200);
    const session = tabled.body as unknown as { id: string; items: { id: string }[] };
    const item = { id: session.items[0]?.id, sessionId: session.id };
    const added = await as('coordinator').post(`/api/meetings/sessions/${item.sessionId}/action-items`, {
      itemId: item.id,
      description: '保護観察官が本人と面接し、様子を会議に伝える',
      ownerOrganisationId: partner.id,
      dueOn: daysFromToday(14),
    });
    expect(added.status).toBeLessThan(300);
    type Items = { items: { id: string; ownerOrganisationName: string }[] };
    const leadQueue = await as('houkatsu').get<Items>('/api/meetings/action-items');
    const mine = leadQueue.body.items.find((i) => i.ownerOrganisationName === '大阪保護観察所');
    expect(mine).toBeDefined();
    const othersQueue = await as('jiritsu').get<Items>('/api/meetings/action-items');
    expect(othersQueue.body.items.some((i) => i.id === mine?.id)).toBe(false);
    expect((await as('jiritsu').post(`/api/meetings/action-items/${mine?.id}/done`, {})).status).toBe(404);
    expect(
      (await as('houkatsu').post(`/api/meetings/action-items/${mine?.id}/done`, {})).status,
    ).toBeLessThan(300);
  });
});

describe("a partner's overdue action", () => {
  it("is in the lead's work queue, named with the partner, and in no other team member's", async () => {
    advanceClockForTests(61 * DAY);
    await world.logInEveryone();
    const lead = await as('houkatsu').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(lead.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'action_overdue',
        caseId,
        detail: '大阪保護観察所：面接の結果を主担当に伝える',
      }),
    );
    const member = await as('jiritsu').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(member.body.items.map((i) => i.detail)).not.toContain(
      '大阪保護観察所：面接の結果を主担当に伝える',
    );
  });
});

describe('closing with a partner on the team', () => {
  it('does not let a partner without a login keep in touch (nobody there would be reminded)', async () => {
    const evaluated = await step('houkatsu', '/evaluations', {
      evaluatedOn: today(),
      goals: [{ goalKey: 'g1', result: 'achieved' }],
      overall: '生活が落ち着いた。',
      nextStep: 'propose_closure',
    });
    expect(evaluated.status, evaluated.message).toBe(200);
    const closing = await step('coordinator', '/transitions', {
      to: 'closed',
      closureReason: 'resolved',
      decision: decision(),
      connection: {
        organisationId: partner.id,
        intervalDays: 30,
        how: '面接',
        firstContactOn: daysFromToday(7),
      },
    });
    expect(closing.status).toBe(400);
    expect(closing.code).toBe('EXTERNAL_CANNOT_KEEP_IN_TOUCH');
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(page.body.status).toBe('evaluating');
  });
});

describe('a つなぎ to a partner (a logged referral)', () => {
  let referralId = '';
  const refer = (body: Record<string, unknown>) =>
    as('houkatsu').post<Referral & { error?: { code: string } }>('/api/referrals', {
      householdId: world.householdId,
      toOrganisationId: partner.id,
      mainComplaint: '保護観察中の息子の生活',
      reason: '就労と住まいの相談',
      ...body,
    });

  it('is sent with the day the sender contacted the partner', async () => {
    const undated = await refer({});
    expect(undated.status).toBe(400);
    expect(undated.body.error?.code).toBe('OCCURRED_ON_REQUIRED');
    const future = await refer({ occurredOn: daysFromToday(2) });
    expect(future.status).toBe(400);
    const sent = await refer({ occurredOn: today() });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'requested', toExternal: true });
    referralId = sent.body.id;
    expect(sent.body.events[0]?.occurredOn).toBe(today());
  });

  it('has its answer logged by the sender (受け入れ), with the day and the outcome', async () => {
    const bySomeoneElse = await as('jiritsu').post(`/api/referrals/${referralId}/transitions`, {
      to: 'accepted',
      occurredOn: today(),
    });
    expect(bySomeoneElse.status).toBe(404);
    const accepted = await as('houkatsu').post<Referral>(`/api/referrals/${referralId}/transitions`, {
      to: 'accepted',
      note: '電話で受け入れの返事。来週面接。',
      occurredOn: today(),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.events.at(-1)).toMatchObject({
      occurredOn: today(),
      note: '電話で受け入れの返事。来週面接。',
    });
  });

  it('refuses a logged day on a つなぎ to an agency that answers in the system', async () => {
    const internal = await as('houkatsu').post<{ error: { code: string } }>('/api/referrals', {
      householdId: world.householdId,
      toOrganisationId: world.orgIds.jiritsu,
      mainComplaint: '家計',
      reason: '家計改善支援',
      occurredOn: today(),
    });
    expect(internal.status).toBe(400);
    expect(internal.body.error.code).toBe('NOT_A_LOGGED_REFERRAL');
  });
});

describe('another municipality', () => {
  it('neither sees the partner nor reaches it by its id', async () => {
    const other = await startSecondCity(world.server);
    const list = await other.as('coordinator').get<{ organisations: Organisation[] }>('/api/organisations');
    expect(list.body.organisations.some((o) => o.id === partner.id)).toBe(false);
    const edit = await other
      .as('coordinator')
      .patch(`/api/organisations/${partner.id}`, { name: '乗っ取り', version: partner.version });
    expect(edit.status).toBe(404);
    const referral = await other.as('consultant').post('/api/referrals', {
      personId: other.ids.person,
      toOrganisationId: partner.id,
      mainComplaint: '相談',
      reason: 'つなぐ',
      occurredOn: today(),
    });
    expect(referral.status).toBe(404);
    const team = await other
      .as('coordinator')
      .post(`/api/cases/${other.ids.case}/team`, { organisationId: partner.id, role: '保護観察' });
    expect(team.status).toBe(404);
  });
});
