import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import { addDays } from '../../shared/dates';
import { type CaseWorld, DAY, openWorldCase, startCaseWorld, today } from '../../testing/case-world';
import { startSecondCity } from '../../testing/second-city';
import type { Match, Support } from './participation.schemas';
import { nextOfficeDay } from './placements.service';

// 参加支援 through real HTTP: who may open and see a person's participation record, matching
// with reasons, the path and its refused moves, follow-ups due with a moved clock, the counts.

let world: CaseWorld;
let caseId = '';
let personId = '';
let areaId = '';
let otherAreaId = '';
const resourceIds: Record<string, string> = {};
const as = (who: Parameters<CaseWorld['as']>[0]) => world.as(who);
type Err = { error?: { code: string; message: string } };

async function resource(name: string, extra: Record<string, unknown>) {
  const operator = await as('community').post<{ savedId: string }>('/api/resources/operators', {
    name: `${name}の運営`,
    kind: 'npo',
  });
  const created = await as('community').post<{ id: string }>('/api/resources', {
    operatorId: operator.body.savedId,
    name,
    kinds: ['salon'],
    ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  resourceIds[name] = created.body.id;
}

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await openWorldCase(world);
  const household = await as('coordinator').get<{ members: { person: { id: string } }[] }>(
    `/api/households/${world.householdId}`,
  );
  personId = household.body.members[0]?.person.id ?? '';
  const areas = await as('coordinator').get<{ areas: { id: string; level: string }[] }>('/api/areas');
  const districts = areas.body.areas.filter((a) => a.level === 'district');
  areaId = districts[0]?.id ?? '';
  otherAreaId = districts[1]?.id ?? '';
  await resource('試験サロン月水', {
    areaId,
    schedule: [
      { weekday: 1, opens: '13:00', closes: '16:00' },
      { weekday: 3, opens: '13:00', closes: '16:00' },
    ],
    activities: ['talk', 'eat'],
    placesFree: 3,
  });
  await resource('試験サロン土日', {
    areaId: otherAreaId,
    schedule: [{ weekday: 6, opens: '10:00', closes: '12:00' }],
    activities: ['talk'],
    placesFree: 0,
  });
  await resource('試験の若者の居場所', {
    areaId,
    kinds: ['ibasho'],
    ageMin: 15,
    ageMax: 39,
    irregular: true,
  });
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
});

const open = (who: Parameters<CaseWorld['as']>[0], extra: Record<string, unknown> = {}) =>
  as(who).post<Support & Err>('/api/participation', {
    ...extra,
    personId,
    caseId,
    openedOn: today(),
    wishes: ['place', 'friends'],
    inTheirWords: '家にばかりいるので、誰かと話せる場所がほしい',
    weekdays: [1, 3],
    timesOfDay: ['afternoon'],
    areaId,
  });

describe('who opens and sees a participation record', () => {
  let supportId = '';
  it('is refused to a participation coordinator who is not on the case team, like a record that does not exist', async () => {
    const refused = await open('participation');
    expect(refused.status).toBe(404);
  });
  it('is opened from the case by its coordinator, who names the participation coordinator as 担当', async () => {
    const participationUser = await world.userIdOf('participation');
    const opened = await open('coordinator', { coordinatorUserId: participationUser });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.personName).toBe('松岡 トメ');
    expect(opened.body.coordinatorName).toBe('南 美咲');
    supportId = opened.body.id;
    const again = await open('coordinator');
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('PARTICIPATION_ALREADY_OPEN');
    const notStaff = await open('coordinator', { coordinatorUserId: await world.userIdOf('child') });
    expect(notStaff.status).toBe(404);
  });
  it('is seen by the case team and the coordinator, and by no one else', async () => {
    for (const who of ['participation', 'coordinator', 'houkatsu'] as const)
      expect((await as(who).get(`/api/participation/${supportId}`)).status, who).toBe(200);
    for (const who of ['child', 'disability', 'community', 'manager', 'admin', 'lawyer'] as const) {
      const response = await as(who).get(`/api/participation/${supportId}`);
      expect([403, 404], who).toContain(response.status);
      const matches = await as(who).get(`/api/participation/${supportId}/matches`);
      expect([403, 404], who).toContain(matches.status);
    }
    const childList = await as('child').get<{ supports: { id: string }[] }>('/api/participation?view=all');
    expect(childList.body.supports.map((s) => s.id)).not.toContain(supportId);
    const byCase = await as('houkatsu').get<{ supports: { id: string }[] }>(
      `/api/participation?caseId=${caseId}`,
    );
    expect(byCase.body.supports.map((s) => s.id)).toEqual([supportId]);
  });
  it('is out of reach of another municipality, whatever the id', async () => {
    const other = await startSecondCity(world.server);
    const response = await other.as('coordinator').get(`/api/participation/${supportId}`);
    expect(response.status).toBe(404);
    const resourceRead = await other.as('coordinator').get(`/api/resources/${resourceIds.試験サロン月水}`);
    expect(resourceRead.status).toBe(404);
    const list = await other.as('coordinator').get<{ resources: { name: string }[] }>('/api/resources');
    expect(list.body.resources.map((r) => r.name)).not.toContain('試験サロン月水');
  });

  describe('matching, the path and follow-ups', () => {
    let matches: Match[] = [];
    let support: Support;
    const reload = async () => {
      support = (await as('participation').get<Support>(`/api/participation/${supportId}`)).body;
      return support;
    };
    it('ranks resources with reasons and mismatches in plain Japanese', async () => {
      const ranked = await as('participation').get<{ matches: Match[] }>(
        `/api/participation/${supportId}/matches?show=500`,
      );
      expect(ranked.status).toBe(200);
      matches = ranked.body.matches;
      const byName = (name: string) => matches.find((m) => m.name === name);
      const fits = byName('試験サロン月水');
      expect(fits?.reasons).toEqual(
        expect.arrayContaining(['月・水の午後に開いている', '同じ地区', '空きあり', '仲間と話せる']),
      );
      expect(fits?.mismatches).toEqual([]);
      const weekend = byName('試験サロン土日');
      expect(weekend?.mismatches).toEqual(expect.arrayContaining(['土日のみ', '定員に空きなし']));
      const young = byName('試験の若者の居場所');
      expect(young?.mismatches).toContain('対象が15〜39歳');
      const rank = (name: string) => matches.findIndex((m) => m.name === name);
      expect(rank('試験サロン月水')).toBeLessThan(rank('試験サロン土日'));
    });
    it('records the path: proposal, trial, start; the moves that make no sense are refused', async () => {
      const proposed = await as('participation').post<Support>(`/api/participation/${supportId}/placements`, {
        resourceId: resourceIds.試験サロン月水,
        proposedOn: today(),
      });
      expect(proposed.status).toBe(200);
      const placement = proposed.body.placements[0];
      expect(placement?.matchNotes?.reasons).toContain('同じ地区');
      const twice = await as('participation').post<Err>(`/api/participation/${supportId}/placements`, {
        resourceId: resourceIds.試験サロン月水,
        proposedOn: today(),
      });
      expect(twice.body.error?.code).toBe('ALREADY_PROPOSED');
      const move = (to: string, extra: Record<string, unknown> = {}) =>
        as('participation').post<Support & Err>(`/api/participation/placements/${placement?.id}/stage`, {
          to,
          on: today(),
          version: support?.placements[0]?.version ?? placement?.version,
          ...extra,
        });
      await reload();
      const trial = await move('trial', { personSaid: '楽しかった', receiverSaid: 'また来てほしい' });
      expect(trial.status).toBe(200);
      await reload();
      const back = await move('visited');
      expect(back.status).toBe(409);
      expect(back.body.error?.code).toBe('INVALID_MOVE');
      expect(back.body.error?.message).toContain('「体験」から「見学」には進めません');
      const started = await move('started');
      expect(started.status).toBe(200);
      const follow = started.body.placements[0]?.followUps.map((f) => f.dueOn);
      expect(follow).toEqual([7, 30, 90].map((days) => nextOfficeDay(addDays(today(), days))));
      await reload();
      const endless = await move('ended');
      expect(endless.status).toBe(400);
      const stale = await move('interrupted', { endReason: 'person_wish', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error?.code).toBe('STALE_RECORD');
    });
    it('shows the 1-week follow-up in the coordinator’s queue, overdue once its day has passed', async () => {
      type Queue = { followUps: { supportId: string; resourceName: string; overdue: boolean }[] };
      const queue = await as('participation').get<Queue>('/api/participation/work-queue');
      const ours = (q: Queue) => q.followUps.filter((f) => f.supportId === supportId);
      expect(ours(queue.body)).toEqual([
        expect.objectContaining({ supportId, resourceName: '試験サロン月水', overdue: false }),
      ]);
      expect((await as('coordinator').get<Queue>('/api/participation/work-queue')).body.followUps).toEqual(
        [],
      );
      const due = (await reload()).placements[0]?.followUps[0]?.dueOn ?? today();
      const daysAhead = Math.round((Date.parse(due) - Date.parse(today())) / DAY);
      advanceClockForTests((daysAhead + 1) * DAY);
      await world.logInEveryone();
      const later = await as('participation').get<Queue>('/api/participation/work-queue');
      expect(ours(later.body)[0]?.overdue).toBe(true);
      const placementId = (await reload()).placements[0]?.id;
      const contact = await as('participation').post<Support>(
        `/api/participation/placements/${placementId}/follow-ups`,
        {
          happenedOn: today(),
          personSaid: '毎週通っている',
        },
      );
      expect(contact.status).toBe(200);
      const followUps = contact.body.placements[0]?.followUps ?? [];
      expect(followUps.filter((f) => f.doneOn).length).toBe(1);
      const afterContact = await as('participation').get<Queue>('/api/participation/work-queue');
      expect(ours(afterContact.body)).toEqual([]);
      resetClockForTests();
      await world.logInEveryone();
    });
    it('changes only the needs that are sent, and refuses an edit of an older version', async () => {
      await reload();
      const changed = await as('participation').patch<Support>(`/api/participation/${supportId}`, {
        strengths: '料理が得意',
        version: support.version,
      });
      expect(changed.status).toBe(200);
      expect(changed.body.strengths).toBe('料理が得意');
      expect(changed.body.inTheirWords).toBe('家にばかりいるので、誰かと話せる場所がほしい');
      expect(changed.body.weekdays).toEqual([1, 3]);
      const stale = await as('coordinator').patch<Err>(`/api/participation/${supportId}`, {
        anxieties: '人が多いところは苦手',
        version: support.version,
      });
      expect(stale.status).toBe(409);
    });
    it('records a wish nothing met, counted per kind and area without naming anyone', async () => {
      const recorded = await as('participation').post<Support>(
        `/api/participation/${supportId}/unmet-needs`,
        {
          wish: 'work',
          areaId,
          conditions: '午後だけ・週1回からの就労体験',
          recordedOn: today(),
        },
      );
      expect(recorded.status).toBe(200);
      const summary = await as('community').get<{
        groups: {
          wish: string;
          areaId: string | null;
          open: { count: number | null; belowThreshold: boolean };
        }[];
      }>('/api/participation/unmet-needs');
      expect(summary.status).toBe(200);
      const group = summary.body.groups.find((g) => g.wish === 'work' && g.areaId === areaId);
      expect(group?.open).toEqual({ count: null, belowThreshold: true });
      expect(JSON.stringify(summary.body)).not.toContain('松岡');
      expect((await as('child').get('/api/participation/unmet-needs')).status).toBe(403);
      const answered = await as('community').post<{
        groups: {
          wish: string;
          areaId: string | null;
          open: { count: number | null };
          answered: { belowThreshold: boolean };
        }[];
      }>('/api/participation/unmet-needs/answer', {
        resourceId: resourceIds.試験サロン月水,
        wish: 'work',
        areaId,
      });
      const after = answered.body.groups.find((g) => g.wish === 'work' && g.areaId === areaId);
      expect(after?.open.count).toBe(0);
      expect(after?.answered.belowThreshold).toBe(true);
      // five more open: with the one answered hidden, the open ones are hidden too, or the yearly
      // count (six) less the open (five) would tell that one was answered
      for (let i = 0; i < 5; i++) {
        await as('participation').post(`/api/participation/${supportId}/unmet-needs`, {
          wish: 'work',
          areaId,
          conditions: `夕方の就労体験 ${i}`,
          recordedOn: today(),
        });
      }
      const more = await as('community').get<{
        groups: { wish: string; areaId: string | null; open: { belowThreshold: boolean } }[];
      }>('/api/participation/unmet-needs');
      expect(
        more.body.groups.find((g) => g.wish === 'work' && g.areaId === areaId)?.open.belowThreshold,
      ).toBe(true);
      const seen = await as('participation').get<Support>(`/api/participation/${supportId}`);
      expect(seen.body.unmetNeeds[0]?.answeredBy).toBe('試験サロン月水');
    });
    it('counts for the program manager, with small counts suppressed', async () => {
      const counts = await as('manager').get<{
        people: { count: number | null; belowThreshold: boolean };
        connected: { count: number | null; belowThreshold: boolean };
        funnel: Record<string, { belowThreshold: boolean }>;
        resources: { kind: string; active: number }[];
      }>('/api/participation/counts');
      expect(counts.status).toBe(200);
      // the demo city's five people and this one; two placements started (the demo's and ours)
      expect(counts.body.people).toEqual({ count: 6, belowThreshold: false });
      expect(counts.body.connected).toEqual({ count: null, belowThreshold: true });
      expect(counts.body.funnel.started?.belowThreshold).toBe(true);
      const salons = counts.body.resources.filter((r) => r.kind === 'salon');
      expect(salons.reduce((sum, r) => sum + r.active, 0)).toBeGreaterThanOrEqual(2);
      expect((await as('participation').get('/api/participation/counts')).status).toBe(403);
    });
    it('refuses further records once a placement or the support has ended', async () => {
      const current = await reload();
      const placement = current.placements[0];
      const openFollowUp = placement?.followUps.find((f) => !f.doneOn);
      const ended = await as('participation').post<Support>(
        `/api/participation/placements/${placement?.id}/stage`,
        { to: 'interrupted', on: today(), endReason: 'person_wish', version: placement?.version },
      );
      expect(ended.status).toBe(200);
      const moved = await as('participation').put<Err>(
        `/api/participation/placements/${placement?.id}/follow-ups/${openFollowUp?.id}`,
        { dueOn: addDays(today(), 10) },
      );
      expect(moved.body.error?.code).toBe('NOT_SETTLING');
      const closed = await as('participation').post<Support>(`/api/participation/${supportId}/close`, {
        closedOn: today(),
        version: ended.body.version,
      });
      expect(closed.status).toBe(200);
      expect(closed.body.canWrite).toBe(false);
      const edit = await as('participation').patch<Err>(`/api/participation/${supportId}`, {
        health: '変更',
        version: closed.body.version,
      });
      expect(edit.body.error?.code).toBe('SUPPORT_CLOSED');
      const need = await as('participation').post<Err>(`/api/participation/${supportId}/unmet-needs`, {
        wish: 'learn',
        conditions: '夜間の学習の場',
        recordedOn: today(),
      });
      expect(need.body.error?.code).toBe('SUPPORT_CLOSED');
    });
  });
});
