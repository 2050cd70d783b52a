import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../server/clock';
import { formatWestern } from '../../shared/dates';
import { type CaseWorld, startCaseWorld } from '../../testing/case-world';
import { startSecondCity } from '../../testing/second-city';
import type { Body } from './meetings.schemas';

// 三田's 全体会議 has 26 divisions and 21 organisations: members come in as a pasted list of
// 氏名・所属・役職, in one go, each once.

let world: CaseWorld;
let plenary: Body;
type Bulk = { added: { name: string; title: string | null }[]; skipped: string[] };

beforeAll(async () => {
  world = await startCaseWorld();
  const bodies = (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
  plenary = bodies.find((b) => b.name === '多機関協働支援会議（全体会議）') as Body;
});
afterAll(() => world.server.close());

const listOf = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    name: `構成員 ${from + i + 1}`,
    affiliation: `つなぐ市 第${from + i + 1}課`,
    title: '課長',
  }));

describe('members in bulk', () => {
  it('adds 45 members with their 役職 at once, and skips those already members', async () => {
    const path = `/api/meetings/bodies/${plenary.id}/members/bulk`;
    const first = await world.as('coordinator').post<Bulk>(path, { members: listOf(45) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.added).toHaveLength(45);
    expect(first.body.added[0]).toMatchObject({ name: '構成員 1', title: '課長' });
    const again = await world.as('coordinator').post<Bulk>(path, { members: listOf(3, 44) });
    expect(again.body.added.map((m) => m.name)).toEqual(['構成員 46', '構成員 47']);
    expect(again.body.skipped).toEqual(['構成員 45']);
    const bodies = (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
    expect(bodies.find((b) => b.id === plenary.id)?.members.filter((m) => m.title === '課長')).toHaveLength(
      47,
    );
  });

  it('keeps a member who leaves, with the days they joined and left', async () => {
    const bodies = (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
    const member = bodies.find((b) => b.id === plenary.id)?.members.find((m) => m.name === '構成員 1');
    const today = formatWestern(now());
    const left = await world
      .as('coordinator')
      .patch(`/api/meetings/bodies/${plenary.id}/members/${member?.id}`, {
        leftOn: today,
        version: member?.version,
      });
    expect(left.status).toBe(200);
    const after = (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
    expect(after.find((b) => b.id === plenary.id)?.members.find((m) => m.id === member?.id)).toMatchObject({
      joinedOn: today,
      leftOn: today,
    });
  });

  it("edits a member's 所属・役職 after April, and refuses an edit made to an older version", async () => {
    const path = (id: string) => `/api/meetings/bodies/${plenary.id}/members/${id}`;
    const read = async () =>
      (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items
        .find((b) => b.id === plenary.id)
        ?.members.find((m) => m.name === '構成員 2');
    const before = await read();
    const moved = await world.as('coordinator').patch(path(before?.id ?? ''), {
      affiliation: '福祉部 地域福祉課',
      title: '課長補佐',
      version: before?.version,
    });
    expect(moved.status).toBe(200);
    expect(await read()).toMatchObject({
      affiliation: '福祉部 地域福祉課',
      title: '課長補佐',
      name: '構成員 2',
    });
    const stale = await world.as('coordinator').patch<{ error: { code: string } }>(path(before?.id ?? ''), {
      title: '部長',
      version: before?.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_RECORD');
    expect((await read())?.title).toBe('課長補佐');
  });

  it('refuses an empty list, staff who do not run meetings, and another municipality', async () => {
    const path = `/api/meetings/bodies/${plenary.id}/members/bulk`;
    expect((await world.as('coordinator').post(path, { members: [] })).status).toBe(400);
    expect((await world.as('houkatsu').post(path, { members: listOf(1) })).status).toBe(403);
    const other = await startSecondCity(world.server);
    expect((await other.as('coordinator').post(path, { members: listOf(1) })).status).toBe(404);
  });
});
