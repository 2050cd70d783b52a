import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { fiscalYearOf } from '../../shared/dates';
import { type CaseWorld, startCaseWorld, type Who } from '../../testing/case-world';
import { type SecondCity, startSecondCity } from '../../testing/second-city';
import { TestClient } from '../../testing/test-client';
import type { Training, TrainingList } from './trainings.schemas';

// 研修・人材育成 through real HTTP: who may read and record trainings, another municipality's
// ids, versions, the total against the rows by organisation, and the counts of a fiscal year.

let world: CaseWorld;
let other: SecondCity;
let foreignTraining = '';
const as = (who: Who) => world.as(who);
type Err = { error?: { code: string; message: string; details?: { path: string; message: string }[] } };
const FY = fiscalYearOf(now());
/** A year long past, which the demo's trainings do not reach. */
const PAST = FY - 4;

const training = (extra: Record<string, unknown> = {}) => ({
  title: '重層的支援体制整備事業 職員研修',
  heldOn: `${FY}-04-01`,
  scope: 'internal',
  audiences: ['staff'],
  organiser: '地域福祉課',
  topics: ['multilayered'],
  participantsByOrganisation: [
    { organisation: '地域福祉課', count: 12 },
    { organisation: '生活福祉課', count: 8 },
  ],
  participantsTotal: 25,
  ...extra,
});
const record = (who: Who, extra: Record<string, unknown> = {}) =>
  as(who).post<Training & Err>('/api/community/trainings', training(extra));
const list = (query = '', who: Who = 'community') =>
  as(who).get<TrainingList & Err>(`/api/community/trainings${query}`);

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  const made = await other.as('coordinator').post<Training>('/api/community/trainings', training());
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  foreignTraining = made.body.id;
});
afterAll(async () => {
  await world.server.close();
});

describe('who may read and record trainings', () => {
  it('asks for a login, refuses the administrator and meeting members', async () => {
    expect((await new TestClient(world.server.url).get('/api/community/trainings')).status).toBe(401);
    for (const who of ['admin', 'lawyer'] as const) {
      expect((await list('', who)).status, who).toBe(403);
      expect((await record(who)).status, who).toBe(403);
    }
  });

  it('a consultant reads but cannot record, change or delete', async () => {
    const made = await record('manager');
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const read = await list('', 'houkatsu');
    expect(read.status).toBe(200);
    expect(read.body.canWrite).toBe(false);
    expect((await record('houkatsu')).status).toBe(403);
    const path = `/api/community/trainings/${made.body.id}`;
    expect((await as('houkatsu').patch(path, { title: 'x', version: made.body.version })).status).toBe(403);
    expect((await as('houkatsu').delete(path)).status).toBe(403);
    expect((await as('community').delete(path)).status).toBe(200);
    expect((await as('community').get(path)).status).toBe(404);
  });

  it("another municipality's training answers as if it did not exist, and is left as it was", async () => {
    const path = `/api/community/trainings/${foreignTraining}`;
    expect((await as('community').get(path)).status).toBe(404);
    expect((await as('community').patch(path, { title: '乗っ取り', version: 1 })).status).toBe(404);
    expect((await as('community').delete(path)).status).toBe(404);
    const [row] = await queryRows<{ title: string }>(
      world.server.handle.owner,
      sql`select title from trainings where id = ${foreignTraining}`,
    );
    expect(row?.title).toBe('重層的支援体制整備事業 職員研修');
    expect((await list()).body.trainings.map((t) => t.id)).not.toContain(foreignTraining);
  });
});

describe('recording trainings', () => {
  it('refuses a total below the rows by organisation, in Japanese', async () => {
    const low = await record('community', { participantsTotal: 19 });
    expect(low.status).toBe(400);
    expect(low.body.error?.code).toBe('TOTAL_BELOW_ROWS');
    expect(low.body.error?.message).toBe(
      '参加者の合計（19人）が、機関別の人数を足した数（20人）より少なくなっています。合計を確かめてください。',
    );
    const made = await record('community', { participantsTotal: 20 });
    expect(made.status).toBe(200);
    const path = `/api/community/trainings/${made.body.id}`;
    // PATCH: the rows sent against the total stored
    const more = await as('community').patch<Err>(path, {
      participantsByOrganisation: [{ organisation: '地域福祉課', count: 21 }],
      version: made.body.version,
    });
    expect(more.status).toBe(400);
    expect(more.body.error?.code).toBe('TOTAL_BELOW_ROWS');
    expect((await as('community').get<Training>(path)).body).toEqual(made.body);
    await as('community').delete(path);
  });

  it('PATCH changes only what is sent; a stale version is refused and changes nothing', async () => {
    const made = await record('community', { title: '庁外研修（民生委員）', scope: 'external' });
    const path = `/api/community/trainings/${made.body.id}`;
    const changed = await as('community').patch<Training>(path, {
      notes: '次回は夜間開催',
      version: made.body.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: '庁外研修（民生委員）', notes: '次回は夜間開催' });
    const stale = await as('coordinator').patch<Err>(path, {
      title: '古い画面から',
      version: made.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('STALE_RECORD');
    expect((await as('community').get<Training>(path)).body).toEqual(changed.body);
    await as('community').delete(path);
  });

  it('counts a fiscal year: 31 March and 1 April fall in different years', async () => {
    await record('community', {
      title: '年度末の研修',
      heldOn: `${PAST}-03-31`,
      scope: 'external',
      audiences: ['residents'],
      topics: ['community'],
      participantsByOrganisation: [],
      participantsTotal: 40,
    });
    await record('community', { title: '年度初めの研修', heldOn: `${PAST}-04-01` });
    await record('community', {
      title: '地域住民と専門職の合同研修',
      heldOn: `${PAST}-04-02`,
      scope: 'external',
      audiences: ['residents', 'professionals'],
      topics: ['community', 'participation'],
      participantsByOrganisation: [{ organisation: '社会福祉協議会', count: 10 }],
      participantsTotal: 50,
    });
    const year = await list(`?fiscalYear=${PAST}`);
    expect(year.body.trainings.map((t) => t.title)).toEqual(['地域住民と専門職の合同研修', '年度初めの研修']);
    expect(year.body.counts.total).toEqual({ trainings: 2, participants: 75 });
    expect(year.body.counts.byScope).toEqual([
      { scope: 'internal', trainings: 1, participants: 25 },
      { scope: 'external', trainings: 1, participants: 50 },
    ]);
    expect(year.body.counts.byAudience).toEqual([
      { audience: 'professionals', trainings: 1, participants: 50 },
      { audience: 'residents', trainings: 1, participants: 50 },
      { audience: 'staff', trainings: 1, participants: 25 },
    ]);
    expect(year.body.counts.byTopic.find((t) => t.topic === 'community')).toEqual({
      topic: 'community',
      trainings: 1,
      participants: 50,
    });
    const before = await list(`?fiscalYear=${PAST - 1}`);
    expect(before.body.trainings.map((t) => t.title)).toEqual(['年度末の研修']);
    expect(before.body.counts.total).toEqual({ trainings: 1, participants: 40 });
    const years = year.body.fiscalYears.map((y) => y.fiscalYear);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years).toEqual(expect.arrayContaining([FY, PAST, PAST - 1]));
    // the filter narrows the list; the year's counts stay whole
    const external = await list(`?fiscalYear=${PAST}&scope=external`);
    expect(external.body.trainings.map((t) => t.title)).toEqual(['地域住民と専門職の合同研修']);
    expect(external.body.counts.total.trainings).toBe(2);
    expect((await list('?scope=both')).status).toBe(400);
  });
});
