import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { fiscalYearOf } from '../../shared/dates';
import { type CaseWorld, caseAwaitingDecision, startCaseWorld, type Who } from '../../testing/case-world';
import { type SecondCity, startSecondCity } from '../../testing/second-city';
import { TestClient } from '../../testing/test-client';
import type { Network, NetworkList } from './networks.schemas';

// ネットワーク・プラットフォーム through real HTTP: who may read and keep networks, the door for
// ids of another municipality, versions, 部会 in use, yearly counts, and the sessions of a linked
// meeting body showing topic items only (never a tabled case).

let world: CaseWorld;
let other: SecondCity;
const foreign = { network: '', operator: '' };
let networkId = '';
let version = 0;
let subgroups: Record<string, string> = {};
const as = (who: Who) => world.as(who);
type Err = { error?: { code: string; message: string } };
const FY = fiscalYearOf(now());

const read = async (who: Who = 'community', query = '') => {
  const response = await as(who).get<Network & Err>(`/api/community/networks/${networkId}${query}`);
  return response;
};
const operatorsOf = async () =>
  (await as('community').get<{ operators: { id: string; name: string }[] }>('/api/resources/operators')).body
    .operators;

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  const otherNetwork = await other.as('coordinator').post<{ id: string }>('/api/community/networks', {
    name: '他市のネットワーク',
  });
  expect(otherNetwork.status, JSON.stringify(otherNetwork.body)).toBe(200);
  foreign.network = otherNetwork.body.id;
  const otherOperator = await other.as('coordinator').post<{ savedId: string }>('/api/resources/operators', {
    name: '他市のNPO',
    kind: 'npo',
  });
  foreign.operator = otherOperator.body.savedId;
});
afterAll(async () => {
  await world.server.close();
});

describe('who may read and keep networks', () => {
  it('asks for a login, refuses the administrator and meeting members', async () => {
    expect((await new TestClient(world.server.url).get('/api/community/networks')).status).toBe(401);
    for (const who of ['admin', 'lawyer'] as const) {
      expect((await as(who).get('/api/community/networks')).status, who).toBe(403);
      expect((await as(who).post('/api/community/networks', { name: '試験' })).status, who).toBe(403);
    }
  });

  it('a 生活支援コーディネーター creates a network with its 部会; a consultant reads but cannot write', async () => {
    const created = await as('community').post<Network & Err>('/api/community/networks', {
      name: '試験ネットワーク',
      description: '地域の団体・住民・専門職がつながる場',
      subgroups: ['イベント部会', '居場所部会', '当事者・家族・相談部会'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    networkId = created.body.id;
    version = created.body.version;
    subgroups = Object.fromEntries(created.body.subgroups.map((s) => [s.name, s.id]));
    expect(Object.keys(subgroups)).toEqual(['イベント部会', '居場所部会', '当事者・家族・相談部会']);
    expect(created.body.canWrite).toBe(true);

    const list = await as('houkatsu').get<NetworkList>('/api/community/networks');
    expect(list.status).toBe(200);
    expect(list.body.canWrite).toBe(false);
    expect(list.body.networks.map((n) => n.name)).toContain('試験ネットワーク');
    expect((await read('houkatsu')).body.canWrite).toBe(false);
    expect((await as('houkatsu').post('/api/community/networks', { name: '相談員の会' })).status).toBe(403);
    const patch = await as('houkatsu').patch(`/api/community/networks/${networkId}`, { name: 'x', version });
    expect(patch.status).toBe(403);
    expect(
      (await as('houkatsu').post(`/api/community/networks/${networkId}/subgroups`, { name: '新部会' }))
        .status,
    ).toBe(403);
  });

  it('the ids of another municipality answer as if they did not exist, and nothing is written', async () => {
    expect((await as('community').get(`/api/community/networks/${foreign.network}`)).status).toBe(404);
    const patch = await as('community').patch(`/api/community/networks/${foreign.network}`, {
      name: '乗っ取り',
      version: 1,
    });
    expect(patch.status).toBe(404);
    const member = await as('community').post<Err>(`/api/community/networks/${networkId}/members`, {
      operatorId: foreign.operator,
    });
    expect(member.status).toBe(404);
    const body = await as('community').post<Err>(`/api/community/networks/${networkId}/bodies`, {
      bodyId: other.ids.meetingBody,
    });
    expect(body.status).toBe(404);
    expect((await read()).body.members).toEqual([]);
    expect((await read()).body.bodies).toEqual([]);
    const [otherRow] = await queryRows<{ name: string }>(
      world.server.handle.owner,
      sql`select name from networks where id = ${foreign.network}`,
    );
    expect(otherRow?.name).toBe('他市のネットワーク');
  });
});

describe('keeping a network', () => {
  it('PATCH changes only what is sent; a stale version is refused and changes nothing', async () => {
    const renamed = await as('community').patch<Network>(`/api/community/networks/${networkId}`, {
      description: '阪南の草の根ネットワークにならって',
      version,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '試験ネットワーク', version: version + 1 });
    const stale = await as('coordinator').patch<Err>(`/api/community/networks/${networkId}`, {
      name: '古い画面からの変更',
      version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('STALE_RECORD');
    expect((await read()).body).toMatchObject({ name: '試験ネットワーク', version: version + 1 });
    expect(
      (await as('community').patch(`/api/community/networks/${networkId}`, { name: '版なし' })).status,
    ).toBe(400);
  });

  it('members are operators of the directory, in 部会; a 部会 in use cannot be removed', async () => {
    const [first, second] = await operatorsOf();
    const added = await as('community').post<Network & Err>(`/api/community/networks/${networkId}/members`, {
      operatorId: first?.id,
      subgroupIds: [subgroups.イベント部会],
      joinedOn: '2025-06-01',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await as('community').post(`/api/community/networks/${networkId}/members`, { operatorId: second?.id });
    const twice = await as('community').post<Err>(`/api/community/networks/${networkId}/members`, {
      operatorId: first?.id,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('ALREADY_MEMBER');
    const list = await as('community').get<NetworkList>('/api/community/networks');
    expect(list.body.networks.find((n) => n.id === networkId)).toMatchObject({ memberCount: 2 });
    expect(list.body.networks.find((n) => n.id === networkId)?.subgroups[0]).toMatchObject({
      name: 'イベント部会',
      memberCount: 1,
    });

    const inUse = await as('community').delete<Err>(
      `/api/community/networks/${networkId}/subgroups/${subgroups.イベント部会}`,
    );
    expect(inUse.status).toBe(409);
    expect(inUse.body.error?.code).toBe('SUBGROUP_IN_USE');
    expect(inUse.body.error?.message).toContain('「イベント部会」には、1団体が所属');
    const member = added.body.members.find((m) => m.operatorId === first?.id);
    const moved = await as('community').put<Network>(
      `/api/community/networks/${networkId}/members/${member?.id}`,
      { subgroupIds: [subgroups.居場所部会], joinedOn: '2025-06-01' },
    );
    expect(moved.body.subgroups.map((s) => s.memberCount)).toEqual([0, 1, 0]);
    const removed = await as('community').delete<Network>(
      `/api/community/networks/${networkId}/subgroups/${subgroups.イベント部会}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.subgroups.map((s) => s.name)).toEqual(['居場所部会', '当事者・家族・相談部会']);
    // a 部会 of another network is not this network's
    const otherSubgroup = await as('community').put<Err>(
      `/api/community/networks/${networkId}/members/${member?.id}`,
      { subgroupIds: [subgroups.イベント部会] },
    );
    expect(otherSubgroup.status).toBe(404);
    const gone = await as('community').delete<Network>(
      `/api/community/networks/${networkId}/members/${member?.id}`,
    );
    expect(gone.body.members).toHaveLength(1);
  });

  it('counts events and participants per fiscal year: 31 March and 1 April fall in different years', async () => {
    const event = (heldOn: string, participants: number) =>
      as('community').post<Network & Err>(`/api/community/networks/${networkId}/events`, {
        heldOn,
        title: `交流会 ${heldOn}`,
        subgroupId: subgroups.居場所部会,
        participants,
      });
    expect((await event(`${FY}-03-31`, 12)).status).toBe(200);
    expect((await event(`${FY}-04-01`, 30)).status).toBe(200);
    const last = await event(`${FY}-04-02`, 8);
    expect(last.body.years).toEqual([
      expect.objectContaining({ fiscalYear: FY, events: 2, participants: 38 }),
      expect.objectContaining({ fiscalYear: FY - 1, events: 1, participants: 12 }),
    ]);
    expect(last.body.events.map((e) => e.heldOn)).toEqual([`${FY}-04-02`, `${FY}-04-01`]);
    const before = await read('community', `?fiscalYear=${FY - 1}`);
    expect(before.body.events.map((e) => e.heldOn)).toEqual([`${FY}-03-31`]);
    const list = await as('community').get<NetworkList>('/api/community/networks');
    expect(list.body.networks.find((n) => n.id === networkId)).toMatchObject({
      eventsThisYear: 2,
      participantsThisYear: 38,
    });
    const future = await as('community').post<Err>(`/api/community/networks/${networkId}/events`, {
      heldOn: `${FY + 2}-04-01`,
      title: '未来の交流会',
    });
    expect(future.status).toBe(400);
  });
});

describe('the meetings of a network', () => {
  it('shows the sessions of a linked body with topic items only, never a tabled case', async () => {
    const caseId = await caseAwaitingDecision(world);
    const bodies = await as('coordinator').get<{ items: { id: string; name: string }[] }>(
      '/api/meetings/bodies',
    );
    // a body that discusses residents' cases never becomes a network's meeting
    const caseBody = bodies.body.items.find((b) => b.name === '支援会議（法第106条の6）')?.id ?? '';
    const refused = await as('community').post<Err>(`/api/community/networks/${networkId}/bodies`, {
      bodyId: caseBody,
    });
    expect(refused.body.error?.code).toBe('BODY_DISCUSSES_CASES');
    const created = await as('coordinator').post<{ id: string }>('/api/meetings/bodies', {
      name: '草の根ネットワーク 全体会',
      legalBasis: 'other',
      requiresConsent: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const bodyId = created.body.id;
    const startsAt = new Date(now().getTime() + 3_600_000);
    const session = await as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
      bodyId,
      startsAt: startsAt.toISOString(),
    });
    const path = `/api/meetings/sessions/${session.body.id}/items`;
    expect((await as('coordinator').post(path, { kind: 'case', caseId })).status).toBe(200);
    const topic = await as('coordinator').post(path, {
      kind: 'topic',
      topicKind: 'resource_development',
      title: '居場所の担い手の確保',
      notes: '松岡さん世帯の件から見えたこと',
    });
    expect(topic.status).toBe(200);

    const linked = await as('community').post<Network & Err>(`/api/community/networks/${networkId}/bodies`, {
      bodyId,
      subgroupId: subgroups['当事者・家族・相談部会'],
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const again = await as('community').post<Err>(`/api/community/networks/${networkId}/bodies`, { bodyId });
    expect(again.body.error?.code).toBe('BODY_ALREADY_LINKED');
    const page = await read('houkatsu', `?fiscalYear=${fiscalYearOf(startsAt)}`);
    const sessions = page.body.bodies[0]?.sessions ?? [];
    const ours = sessions.find((s) => s.id === session.body.id);
    expect(ours?.topics).toEqual([
      expect.objectContaining({ kind: 'resource_development', title: '居場所の担い手の確保' }),
    ]);
    const text = JSON.stringify(page.body);
    expect(text).not.toContain(caseId);
    expect(text).not.toContain('松岡');
    expect(page.body.subgroups.find((s) => s.name === '当事者・家族・相談部会')?.bodyCount).toBe(1);

    const unlinked = await as('community').delete<Network>(
      `/api/community/networks/${networkId}/bodies/${linked.body.bodies[0]?.id}`,
    );
    expect(unlinked.body.bodies).toEqual([]);
  });

  it('audits the list with the ids it showed', async () => {
    await as('manager').get('/api/community/networks');
    const [entry] = await queryRows<{ detail: { ids: string[] } }>(
      world.server.handle.owner,
      sql`select detail from audit_log where action = 'network.read' and target_id is null order by id desc limit 1`,
    );
    expect(entry?.detail.ids).toContain(networkId);
    expect(entry?.detail.ids).toHaveLength(3);
  });
});

describe('the demo city', () => {
  it('has 草の根ネットワーク with its three 部会, members from the directory and events this year, and こえる場！', async () => {
    const list = await as('community').get<NetworkList>('/api/community/networks');
    const grassroots = list.body.networks.find((n) => n.name === '草の根ネットワーク');
    expect(grassroots?.subgroups.map((s) => s.name)).toEqual([
      'イベント部会',
      '居場所部会',
      '当事者・家族・相談部会',
    ]);
    expect(grassroots?.memberCount).toBeGreaterThanOrEqual(8);
    expect(grassroots?.memberCount).toBeLessThanOrEqual(12);
    expect(list.body.networks.find((n) => n.name === 'こえる場！')?.memberCount).toBeGreaterThan(0);
    const trainings = await as('community').get<{ trainings: unknown[] }>(
      `/api/community/trainings?fiscalYear=${FY}`,
    );
    const lastYear = await as('community').get<{ trainings: unknown[] }>(
      `/api/community/trainings?fiscalYear=${FY - 1}`,
    );
    expect(trainings.body.trainings.length + lastYear.body.trainings.length).toBeGreaterThanOrEqual(18);
  });
});
