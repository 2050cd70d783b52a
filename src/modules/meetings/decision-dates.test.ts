import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../server/clock';
import {
  type CaseWorld,
  caseAwaitingDecision,
  daysFromToday,
  openWorldCase,
  startCaseWorld,
  today,
} from '../../testing/case-world';
import type { Case } from '../cases/cases.schemas';
import type { Body, Session } from './meetings.schemas';

// The days that date decisions: a decision's or a screening's own date, the day a meeting was
// held (which dates what was decided in it), and a meeting's start (against the real server).

type Answer = { error?: { code: string; message: string } };

let world: CaseWorld;
let caseId = '';
let bodies: Body[] = [];
const coordinator = () => world.as('coordinator');
const step = (path: string, body: unknown) => world.step<Case>(caseId, 'coordinator', path, body);

async function newSession(startsAt: string, bodyName = '重層的支援会議') {
  return coordinator().post<{ id: string } & Answer>('/api/meetings/sessions', {
    bodyId: bodies.find((b) => b.name === bodyName)?.id,
    startsAt,
  });
}
const sessionPath = (id: string, rest = '') => `/api/meetings/sessions/${id}${rest}`;
const minutesAgo = (n: number) => new Date(now().getTime() - n * 60_000).toISOString();

beforeAll(async () => {
  world = await startCaseWorld();
  bodies = (await coordinator().get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
  caseId = await openWorldCase(world);
});
afterAll(() => world.server.close());

describe('the days that date decisions', () => {
  it('refuses a screening dated tomorrow or before 1900, naming the field', async () => {
    const screen = (decidedOn: string) =>
      step('/screening', { outcome: 'multi_agency', reason: '複数の課題', decidedOn });
    const ahead = await screen(daysFromToday(1));
    expect([ahead.status, ahead.code, ahead.message]).toEqual([
      400,
      'FUTURE_DATE',
      '判断した日に未来の日付は入力できません。',
    ]);
    const ancient = await screen('1899-12-31');
    expect([ancient.status, ancient.code]).toEqual([400, 'DATE_TOO_OLD']);
  });

  it('dates a decision named as taken at a meeting by the day the meeting was held', async () => {
    await caseAwaitingDecision(world, caseId);
    const meeting = await newSession(minutesAgo(60));
    expect(
      (await coordinator().post(sessionPath(meeting.body.id, '/items'), { kind: 'case', caseId })).status,
    ).toBe(200);
    expect(
      (await coordinator().post(sessionPath(meeting.body.id, '/held'), { heldOn: today() })).status,
    ).toBe(200);
    const approve = (decidedOn: string) =>
      step('/transitions', {
        to: 'supporting',
        decision: {
          decidedOn,
          decidingBody: '重層的支援会議',
          content: 'プランを承認',
          meetingSessionId: meeting.body.id,
        },
      });
    const offDay = await approve(daysFromToday(-1));
    expect([offDay.status, offDay.code]).toEqual([400, 'DECIDED_OFF_SESSION']);
    const onDay = await approve(today());
    expect(onDay.status).toBe(200);
    expect(onDay.body.decisions[0]).toMatchObject({ decidedOn: today(), meetingSessionId: meeting.body.id });
    // and once held, the meeting's day stays
    const { version } = (await coordinator().get<Session>(sessionPath(meeting.body.id))).body;
    const moved = await coordinator().patch<Answer>(sessionPath(meeting.body.id), {
      startsAt: new Date(now().getTime() + 5 * 86_400_000).toISOString(),
      version,
    });
    expect([moved.status, moved.body.error?.code]).toEqual([409, 'SESSION_HELD']);
  });

  it('records a meeting as held only once it has begun, and no meeting before 1900', async () => {
    const tomorrow = await newSession(new Date(now().getTime() + 86_400_000).toISOString());
    const early = await coordinator().post<Answer>(sessionPath(tomorrow.body.id, '/held'), {
      heldOn: today(),
    });
    expect([early.status, early.body.error?.code]).toEqual([409, 'SESSION_NOT_STARTED']);
    const ancient = await newSession('1899-06-01T10:00:00+09:00');
    expect([ancient.status, ancient.body.error?.code]).toEqual([400, 'DATE_TOO_OLD']);
    // 1899-12-31 in Japan, written with an offset that makes its text look like 1900
    const offset = await newSession('1900-01-01T00:00:00+23:59');
    expect([offset.status, offset.body.error?.code]).toEqual([400, 'DATE_TOO_OLD']);
  });
});
