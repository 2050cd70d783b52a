import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, now, resetClockForTests } from '../../server/clock';
import {
  type CaseWorld,
  caseAwaitingDecision,
  DAY,
  daysFromToday,
  startCaseWorld,
  today,
  type Who,
} from '../../testing/case-world';
import type { Case } from '../cases/cases.schemas';
import type { MeetingCounts } from './meeting-counts.schemas';
import type { Body, Packet, Session } from './meetings.schemas';

// Meetings over real HTTP: bodies, sessions, the consent gate both ways, decisions that move
// the case, the 支援会議 (法第106条の6) packet limited in scope and in time, and the audit.

let world: CaseWorld;
let caseId = '';
let bodies: Body[] = [];
const as = (who: Who) => world.as(who);
const body = (name: string) => bodies.find((b) => b.name === name) as Body;
type Refusal = { error?: { code: string; message: string } };

async function newSession(bodyName: string, startsAt = new Date(now().getTime() - 60_000)) {
  const created = await as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
    bodyId: body(bodyName).id,
    startsAt: startsAt.toISOString(),
    place: '市役所 3階 会議室',
  });
  expect(created.status).toBe(201);
  return created.body.id;
}
const session = (id: string, who: Who = 'coordinator') =>
  as(who).get<Session & Refusal>(`/api/meetings/sessions/${id}`);
const change = (who: Who, method: 'post' | 'patch' | 'delete', path: string, payload?: unknown) =>
  method === 'delete'
    ? as(who).delete<Session & Refusal>(`/api/meetings/sessions/${path}`)
    : as(who)[method]<Session & Refusal>(`/api/meetings/sessions/${path}`, payload ?? {});

beforeAll(async () => {
  world = await startCaseWorld();
  bodies = (await as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
  caseId = await caseAwaitingDecision(world);
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
});

describe('meeting bodies', () => {
  it('the demo municipality has the bodies of the seeds, with their legal basis and tiers', () => {
    expect(bodies.map((b) => b.name)).toEqual(
      expect.arrayContaining(['重層的支援会議', '支援会議（法第106条の6）', '庁内連携会議', 'チーム会議']),
    );
    expect(body('支援会議（法第106条の6）')).toMatchObject({
      requiresConsent: false,
      confidentialityBound: true,
    });
    expect(body('重層的支援会議')).toMatchObject({ requiresConsent: true, confidentialityBound: false });
    expect(bodies.filter((b) => b.tier).map((b) => b.tier)).toEqual([
      'plenary',
      'practitioners',
      'case_review',
    ]);
    expect(body('庁内連携会議').members.some((m) => m.affiliation === 'つなぐ市 税務課')).toBe(true);
  });

  it('only coordinators set bodies up, and only a body under a duty of confidentiality goes without consent', async () => {
    const input = { name: '地域ケア会議（北部）', legalBasis: 'community_care', requiresConsent: false };
    expect((await as('houkatsu').post('/api/meetings/bodies', input)).status).toBe(403);
    const refused = await as('coordinator').post<Refusal>('/api/meetings/bodies', input);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('CONSENT_REQUIRED_BY_LAW');
    const created = await as('coordinator').post<Body>('/api/meetings/bodies', {
      ...input,
      requiresConsent: true,
    });
    expect(created.status).toBe(201);
    const member = await as('coordinator').post(`/api/meetings/bodies/${created.body.id}/members`, {
      name: '北部地区 医師会代表',
      affiliation: 'つなぐ市医師会',
    });
    expect(member.status).toBe(201);
    const nobody = await as('coordinator').post<Refusal>(
      `/api/meetings/bodies/${created.body.id}/members`,
      {},
    );
    expect(nobody.body.error?.code).toBe('NAME_REQUIRED');
  });
});

describe('a 重層的支援会議 with a consented case', () => {
  let sessionId = '';

  it('lists the members as attendees; people outside the meeting do not see it', async () => {
    sessionId = await newSession('重層的支援会議');
    const page = await session(sessionId);
    expect(page.body.attendees.map((a) => a.name)).toEqual(
      expect.arrayContaining(['北村 さくら', '東 健一']),
    );
    expect(page.body.state).toBe('planned');
    // it started a minute ago and is not recorded as held: 記録待ち, not これから
    expect(page.body.awaitingRecord).toBe(true);
    const listed = async (when: string) =>
      (
        await as('coordinator').get<{ items: { id: string }[] }>(`/api/meetings/sessions?when=${when}`)
      ).body.items.map((s) => s.id);
    expect(await listed('awaiting')).toContain(sessionId);
    expect(await listed('upcoming')).not.toContain(sessionId);
    expect((await session(sessionId, 'lawyer')).status).toBe(404);
    expect((await session(sessionId, 'manager')).status).toBe(404);
    expect((await change('houkatsu', 'post', `${sessionId}/items`, { kind: 'case', caseId })).status).toBe(
      403,
    );
  });

  it('tables the case while consent covers it, once', async () => {
    const tabled = await change('coordinator', 'post', `${sessionId}/items`, { kind: 'case', caseId });
    expect(tabled.status).toBe(200);
    expect(tabled.body.items[0]).toMatchObject({
      caseId,
      consentInForce: true,
      caseStatus: 'awaiting_decision',
    });
    expect(tabled.body.items[0]?.caseTitle).toContain('松岡さん世帯');
    const again = await change('coordinator', 'post', `${sessionId}/items`, { kind: 'case', caseId });
    expect(again.body.error?.code).toBe('ALREADY_TABLED');
    const topic = await change('coordinator', 'post', `${sessionId}/items`, {
      kind: 'topic',
      topicKind: 'regional_issue',
      title: '8050世帯の早期発見の仕組み',
    });
    expect(topic.body.items).toHaveLength(2);
    // A member who attends sees the agenda once the packets are handed out, not before.
    const early = await session(sessionId, 'houkatsu');
    expect(early.body.items).toHaveLength(0);
    expect(early.body.agendaHiddenReason).toBe('not_distributed');
    expect((await change('coordinator', 'post', `${sessionId}/prepare`)).status).toBe(200);
    expect((await session(sessionId, 'houkatsu')).body.items).toHaveLength(2);
  });

  it('approves the plan: the case moves to 支援中 and its decision record points to the session', async () => {
    const itemId = (await session(sessionId)).body.items[0]?.id;
    const wrong = await change('coordinator', 'post', `${sessionId}/items/${itemId}/decisions`, {
      type: 'closure_approval',
      content: '終結とする',
      closureReason: 'resolved',
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error?.code).toBe('INVALID_TRANSITION');
    expect((await session(sessionId)).body.items[0]?.decisions).toHaveLength(0);
    const approved = await change('coordinator', 'post', `${sessionId}/items/${itemId}/decisions`, {
      type: 'plan_approval',
      content: 'プランを承認。主担当は地域包括支援センター。',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.items[0]?.decisions[0]).toMatchObject({ type: 'plan_approval' });
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(page.body.status).toBe('supporting');
    expect(page.body.decisions[0]).toMatchObject({
      kind: 'plan_approval',
      decidingBody: '重層的支援会議',
      meetingSessionId: sessionId,
    });
    const topicId = approved.body.items[1]?.id;
    const onTopic = await change('coordinator', 'post', `${sessionId}/items/${topicId}/decisions`, {
      type: 'plan_approval',
      content: 'x',
    });
    expect(onTopic.body.error?.code).toBe('DECISION_NEEDS_CASE');
    // what was decided is dated by the session's day, which then stays
    const moved = await change('coordinator', 'patch', sessionId, {
      startsAt: new Date(now().getTime() - 3 * 86_400_000).toISOString(),
      version: (await session(sessionId)).body.version,
    });
    expect([moved.status, moved.body.error?.code]).toEqual([409, 'SESSION_HAS_DECISIONS']);
  });

  it('puts action items in the owners’ work queue until done', async () => {
    const added = await change('coordinator', 'post', `${sessionId}/action-items`, {
      description: '家賃の分納について大家と調整する',
      ownerOrganisationId: world.orgIds.jiritsu,
      dueOn: daysFromToday(14),
    });
    expect(added.status).toBe(200);
    const theirs = await as('jiritsu').get<{
      items: { id: string; description: string; bodyName: string }[];
    }>('/api/meetings/action-items');
    expect(theirs.body.items).toEqual([
      expect.objectContaining({
        description: '家賃の分納について大家と調整する',
        bodyName: '重層的支援会議',
      }),
    ]);
    expect(
      (await as('houkatsu').get<{ items: unknown[] }>('/api/meetings/action-items')).body.items,
    ).toHaveLength(0);
    const id = theirs.body.items[0]?.id;
    expect((await as('houkatsu').post(`/api/meetings/action-items/${id}/done`)).status).toBe(404);
    expect((await as('jiritsu').post(`/api/meetings/action-items/${id}/done`)).status).toBe(200);
    expect(
      (await as('jiritsu').get<{ items: unknown[] }>('/api/meetings/action-items')).body.items,
    ).toHaveLength(0);
  });

  it('is held; the program manager gets the counts and no names', async () => {
    expect((await change('coordinator', 'post', `${sessionId}/held`, { heldOn: today() })).body.state).toBe(
      'held',
    );
    const late = await change('coordinator', 'post', `${sessionId}/items`, { kind: 'case', caseId });
    expect(late.body.error?.code).toBe('SESSION_HELD');
    const counts = await as('manager').get<MeetingCounts>('/api/meetings/counts');
    expect(counts.status).toBe(200);
    expect(counts.body.bodies.find((b) => b.bodyName === '重層的支援会議')).toMatchObject({
      // this one, and the demo city's session that raised a regional issue (a theme, no case)
      sessionsHeld: 2,
      // one case and one decision: fewer than five households are not shown as a number
      casesDiscussed: { count: null, belowThreshold: true },
      decisions: expect.objectContaining({
        plan_approval: { count: null, belowThreshold: true },
        information_only: { count: 0, belowThreshold: false },
      }),
    });
    expect(JSON.stringify(counts.body)).not.toContain('松岡');
    expect((await as('coordinator').get('/api/meetings/counts')).status).toBe(403);
  });

  it('is offered to the case page as the held session where a decision about the case was taken', async () => {
    const listed = await as('coordinator').get<{ items: { id: string }[] }>(
      `/api/meetings/sessions?when=past&caseId=${caseId}`,
    );
    expect(listed.body.items.map((s) => s.id)).toEqual([sessionId]);
    // a case the user may not see is not found, like one that does not exist
    const hidden = await as('lawyer').get(`/api/meetings/sessions?when=past&caseId=${caseId}`);
    expect(hidden.status).toBe(404);
  });
});

describe('the consent gate', () => {
  let futureSession = '';

  it('withdrawn consent takes the case off future consent-bound agendas and says so', async () => {
    futureSession = await newSession('重層的支援会議', new Date(now().getTime() + 20 * DAY));
    expect(
      (await change('coordinator', 'post', `${futureSession}/items`, { kind: 'case', caseId })).status,
    ).toBe(200);
    const page = await as('houkatsu').get<Case>(`/api/cases/${caseId}`);
    const motherId = page.body.members[0]?.personId;
    const consents = await as('houkatsu').get<{ consents: { id: string; withdrawnOn: string | null }[] }>(
      `/api/people/${motherId}/consents`,
    );
    const inForce = consents.body.consents.find((c) => !c.withdrawnOn);
    const withdrawn = await as('houkatsu').post<{ removedFromAgendas: number }>(
      `/api/consents/${inForce?.id}/withdraw`,
      { withdrawnOn: today() },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.removedFromAgendas).toBe(1);
    const item = (await session(futureSession)).body.items[0];
    expect(item?.removedOn).toBe(today());
    expect(item?.removedReason).toContain('同意が撤回');
    const decided = await change('coordinator', 'post', `${futureSession}/items/${item?.id}/decisions`, {
      type: 'information_only',
      content: '情報共有',
    });
    expect(decided.body.error?.code).toBe('ITEM_REMOVED');
  });

  it('refuses to table a case without consent at a body that requires it, saying what to do', async () => {
    const refused = await change('coordinator', 'post', `${futureSession}/items`, { kind: 'case', caseId });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');
    expect(refused.body.error?.message).toContain(
      '本人の同意を得て記録するか、支援会議（法第106条の6）で検討してください',
    );
    // the case picker knows it before the user picks it
    const listed = await as('coordinator').get<{ cases: Case[] }>('/api/cases?status=active');
    expect(listed.body.cases.find((c) => c.id === caseId)?.consentInForce).toBe(false);
  });
});

describe('a 支援会議 (法第106条の6) with the case without consent', () => {
  let sessionId = '';
  const packet = (who: Who = 'lawyer') =>
    as(who).get<Packet & Refusal>(`/api/meetings/sessions/${sessionId}/packets/${caseId}`);

  it('tables the case without consent; a guest not told of the duty sees nothing', async () => {
    sessionId = await newSession('支援会議（法第106条の6）');
    expect((await change('coordinator', 'post', `${sessionId}/items`, { kind: 'case', caseId })).status).toBe(
      200,
    );
    const staff = await as('coordinator').get<{ staff: { id: string; name: string }[] }>(
      '/api/meetings/bodies/staff',
    );
    const lawyerId = staff.body.staff.find((s) => s.name === '石井 弁護士')?.id;
    const guest = await change('coordinator', 'post', `${sessionId}/attendees`, { userId: lawyerId });
    expect(guest.body.attendees.find((a) => a.userId === lawyerId)).toMatchObject({
      isGuest: true,
      confidentialityNotifiedOn: null,
    });
    const seen = await session(sessionId, 'lawyer');
    expect(seen.status).toBe(200);
    expect(seen.body.agendaVisible).toBe(false);
    expect(seen.body.items).toEqual([]);
    expect(JSON.stringify(seen.body)).not.toContain('松岡');
    const blocked = await packet();
    expect(blocked.status).toBe(403);
    expect(blocked.body.error?.code).toBe('CONFIDENTIALITY_NOT_RECORDED');
  });

  it('once told of the duty and the packet is out, the guest sees the packet but never the file', async () => {
    const page = await session(sessionId);
    const lawyer = page.body.attendees.find((a) => a.name === '石井 弁護士');
    await change('coordinator', 'patch', `${sessionId}/attendees/${lawyer?.id}`, {
      confidentialityNotifiedOn: today(),
    });
    expect((await packet()).body.error?.code).toBe('PACKET_NOT_READY');
    expect((await change('coordinator', 'post', `${sessionId}/prepare`)).body.state).toBe('prepared');
    const read = await packet();
    expect(read.status).toBe(200);
    expect(read.body.case.householdName).toBe('松岡さん世帯');
    expect(read.body.members[0]).toMatchObject({ name: '松岡 トメ', concerned: true });
    expect(read.body.team.map((t) => t.organisationName)).toContain('福祉総合相談窓口（自立相談支援機関）');
    expect(read.body.plan?.vision).toContain('母が自宅で安心して暮らし');
    expect(read.body.openActions[0]).toMatchObject({ text: '家計改善支援と家賃の分納相談', source: 'plan' });
    expect(JSON.stringify(read.body)).not.toMatch(/phone|address|records|assessment/);
    expect((await as('lawyer').get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await as('lawyer').get(`/api/households/${world.householdId}`)).status).toBe(404);
  });

  it('shows the guest the packet as handed out, not what the case became later', async () => {
    const jiritsu = '福祉総合相談窓口（自立相談支援機関）';
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    const member = page.body.team.find((t) => t.organisationName === jiritsu && !t.leftOn);
    const left = await world.step(caseId, 'coordinator', `/team/${member?.id}/leave`, {
      note: '役割を終えた',
    });
    expect(left.status).toBe(200);
    const guest = await packet();
    expect(guest.body.team.map((t) => t.organisationName)).toContain(jiritsu);
    const live = await packet('coordinator');
    expect(live.body.team.map((t) => t.organisationName)).not.toContain(jiritsu);
  });

  it('audits every packet read with the session', async () => {
    const audit = await as('manager').get<{
      rows: { action: string; targetId: string; detail: { session?: string } }[];
    }>(`/api/audit?action=meeting.packet_read&targetId=${caseId}`);
    expect(audit.body.rows.length).toBeGreaterThanOrEqual(1);
    expect(audit.body.rows.every((e) => e.detail.session === sessionId)).toBe(true);
    expect(JSON.stringify(audit.body.rows)).not.toContain('松岡');
  });

  it('closes the packet when the window after the session has passed', async () => {
    await change('coordinator', 'post', `${sessionId}/held`, { heldOn: today() });
    advanceClockForTests(14 * DAY);
    await world.logInEveryone();
    expect((await packet()).status).toBe(200);
    advanceClockForTests(DAY);
    await world.logInEveryone();
    const closed = await packet();
    expect(closed.status).toBe(403);
    expect(closed.body.error?.code).toBe('PACKET_WINDOW_CLOSED');
    expect(closed.body.error?.message).toContain('14日間');
    // The agenda's cases, notes, decisions and minutes close with it.
    const closedSession = await session(sessionId, 'lawyer');
    expect(closedSession.body.items).toEqual([]);
    expect(closedSession.body.minutes).toBeNull();
    expect(closedSession.body.agendaHiddenReason).toBe('window_closed');
    // A longer window set afterwards does not reopen a packet closed under the old one.
    const { version } = (await as('admin').get<{ version: number }>('/api/settings')).body;
    expect((await as('admin').patch('/api/settings', { packetWindowDays: 60, version })).status).toBe(200);
    expect((await packet()).body.error?.code).toBe('PACKET_WINDOW_CLOSED');
    // The coordinator, who sees the case anyway, still reaches it; the session stays in the record.
    expect((await packet('coordinator')).status).toBe(200);
  });
});
