import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../server/clock';
import { type CaseWorld, caseAwaitingDecision, startCaseWorld } from '../../testing/case-world';
import type { Body } from './meetings.schemas';

// 三田's 全体会議 shares information among 26 divisions and 21 organisations: it never sees a
// case. A body set to 事例は扱わない（テーマのみ） refuses a case and an outreach record, and says
// where to take them; a body with cases on coming agendas cannot be switched to it.

let world: CaseWorld;
let caseId = '';
let bodies: Body[] = [];
const PLENARY = '多機関協働支援会議（全体会議）';
type Refusal = { error?: { code: string; message: string } };
const body = (name: string) => bodies.find((b) => b.name === name) as Body;

async function newSession(bodyId: string) {
  const created = await world.as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
    bodyId,
    startsAt: new Date(now().getTime() + 86_400_000).toISOString(),
    place: '市役所 大会議室',
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

beforeAll(async () => {
  world = await startCaseWorld();
  bodies = (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
  caseId = await caseAwaitingDecision(world);
});
afterAll(() => world.server.close());

describe('a body that only shares information', () => {
  it('the demo 全体会議 is set to themes only, and refuses a case and an outreach record, saying where to take them', async () => {
    expect(body(PLENARY).themesOnly).toBe(true);
    expect(body('重層的支援会議').themesOnly).toBe(false);
    const sessionId = await newSession(body(PLENARY).id);
    const items = `/api/meetings/sessions/${sessionId}/items`;
    const tabled = await world.as('coordinator').post<Refusal>(items, { kind: 'case', caseId });
    expect(tabled.status).toBe(409);
    expect(tabled.body.error?.code).toBe('BODY_THEMES_ONLY');
    expect(tabled.body.error?.message).toContain('「重層的支援会議」');
    const outreach = await world.as('coordinator').post<Refusal>(items, {
      kind: 'outreach',
      outreachRecordId: '00000000-0000-4000-8000-000000000001',
    });
    expect(outreach.status).toBe(409);
    // an outreach record goes only where consent is not needed
    expect(outreach.body.error?.message).toContain('「支援会議（法第106条の6）」');
    expect(outreach.body.error?.message).not.toContain('「重層的支援会議」');
    const topic = await world.as('coordinator').post(items, {
      kind: 'topic',
      topicKind: 'regional_issue',
      title: '地域の居場所づくりの状況',
    });
    expect(topic.status, JSON.stringify(topic.body)).toBe(200);
  });

  it('a body with a case on a coming agenda is not switched to themes only', async () => {
    const target = body('重層的支援会議');
    const sessionId = await newSession(target.id);
    const tabled = await world
      .as('coordinator')
      .post(`/api/meetings/sessions/${sessionId}/items`, { kind: 'case', caseId });
    expect(tabled.status, JSON.stringify(tabled.body)).toBe(200);
    const { id, members, confidentialityBound, ...input } = target;
    const switched = await world
      .as('coordinator')
      .put<Refusal>(`/api/meetings/bodies/${id}`, { ...input, themesOnly: true });
    expect(switched.status).toBe(409);
    expect(switched.body.error?.code).toBe('BODY_HAS_CASES_TABLED');
  });
});
