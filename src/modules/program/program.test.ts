import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { now } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { fiscalYearOf } from '../../shared/dates';
import { startProgramWorld } from '../../testing/program-world';
import type { SecondCity } from '../../testing/second-city';
import type { TestClient } from '../../testing/test-client';
import { monthlyCounts } from './indicator-counts';

// 事業管理 through real HTTP. A fresh municipality (the second city) whose few records are
// moved into a past fiscal year, so that every expected figure is counted here by hand.

type Indicator = {
  key: string;
  toDate: number | null;
  missing: string | null;
  months: { month: number; value: number | null; inMonth: number | null }[];
  achievement: number | null;
  targetId: string | null;
};
type Results = { indicators: Indicator[]; warnings: { pillar: string }[]; monthsElapsed: number };
type Err = { error?: { code: string } };

let server: RunningServer;
let city: SecondCity;
let manager: TestClient;
let demoManager: TestClient;
const P = fiscalYearOf(now()) - 3;

const owner = (query: ReturnType<typeof sql>) => server.handle.owner.execute(query);
const results = async (client = manager) => {
  const r = await client.get<Results & Err>(`/api/program/results?fiscalYear=${P}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const indicator = (r: Results, key: string) => {
  const found = r.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};

beforeAll(async () => {
  ({ server, city, manager, demoManager } = await startProgramWorld('132191'));
  for (let i = 0; i < 6; i++) {
    const made = await city.as('consultant').post('/api/consultations', {
      receivedAt: `${now().toISOString().slice(0, 10)}T09:00:00+09:00`,
      channel: 'phone',
      broughtBy: 'self',
      newPerson: { familyName: '試験', givenName: `${i}郎`, birthDate: '1980-01-01' },
      newHouseholdName: `試験${i}世帯`,
      mainComplaint: '生活の相談',
      issues: ['poverty'],
      outcome: 'handled_here',
      shareConsent: 'not_asked',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  // by hand: April 3, June 3, and one on 31 March at 23:30 in Japan (still the same fiscal year)
  await owner(sql`with c as (select id, row_number() over (order by created_at, id) as n from consultations
                   where tenant_id = (select tenant_id from consultations where id = ${city.ids.consultation}))
    update consultations set received_at = case
      when c.n <= 3 then ${`${P}-04-10T10:00:00+09:00`}::timestamptz
      when c.n <= 6 then ${`${P}-06-15T10:00:00+09:00`}::timestamptz
      else ${`${P + 1}-03-31T23:30:00+09:00`}::timestamptz end
    from c where c.id = consultations.id`);
  await owner(sql`update referrals set sent_at = ${`${P}-04-10T11:00:00+09:00`}::timestamptz, status = 'completed'
                   where id = ${city.ids.referral}`);
  await owner(sql`update cases set opened_on = ${`${P}-04-12`}::date where id = ${city.ids.case}`);
  await owner(
    sql`update meeting_sessions set held_on = ${`${P}-05-20`}::date where id = ${city.ids.meetingSession}`,
  );
});
afterAll(async () => {
  await server.close();
});

describe('indicators counted from the records', () => {
  it('counts the consultations of the year by the day in Japan, and shows only what identifies no one', async () => {
    const r = await results();
    expect(r.monthsElapsed).toBe(12);
    const consultations = indicator(r, 'consultations.new');
    expect(consultations.toDate).toBe(7);
    // totals to date 3,3,6,…,6,7: only March's 7 can be shown (every earlier step is 1–4)
    expect(consultations.months.map((m) => m.value)).toEqual([...Array(11).fill(null), 7]);
    const cases = indicator(r, 'cases.opened');
    expect(cases.toDate).toBeNull();
    expect(cases.missing).toBe('suppressed');
    expect(indicator(r, 'referrals.sent').missing).toBe('suppressed');
    expect(indicator(r, 'referrals.conclusion_rate').toDate).toBeNull();
  });

  it('shows counts that are not about people as they are, month by month', async () => {
    const r = await results();
    const meetings = indicator(r, 'meetings.held');
    expect(meetings.toDate).toBe(1);
    expect(meetings.months[1]).toEqual({ month: 2, value: 1, inMonth: 1 });
    expect(indicator(r, `meetings.held:${city.ids.meetingBody}`).toDate).toBe(1);
    expect(indicator(r, 'participation.people').toDate).toBe(0);
  });

  it('warns of the functions with nothing recorded in the year', async () => {
    const r = await results();
    expect(r.warnings.map((w) => w.pillar)).toEqual(['participation', 'community', 'outreach']);
  });

  it('computes the rate per 100,000 from the population of the year', async () => {
    expect(indicator(await results(), 'consultations.per100k').missing).toBe('needs_population');
    const saved = await manager.put(`/api/program/years/${P}`, { population: 100_000 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // 7 consultations / 12 months / 100,000 people × 100,000
    expect(indicator(await results(), 'consultations.per100k').toDate).toBe(0.6);
  });
});

describe('indicators of community work, counted by hand', () => {
  const day = `${P}-09-10`;
  const ok = (r: { status: number; body: unknown }) =>
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  beforeAll(async () => {
    const coordinator = city.as('coordinator');
    const training = (title: string, scope: string, participantsTotal: number) =>
      coordinator.post('/api/community/trainings', {
        title,
        heldOn: now().toISOString().slice(0, 10),
        scope,
        audiences: ['staff'],
        organiser: '地域福祉課',
        participantsTotal,
      });
    // 庁内 2 (10 + 15 people), 庁外 1 (7 people)
    ok(await training('庁内研修1', 'internal', 10));
    ok(await training('庁内研修2', 'internal', 15));
    ok(await training('庁外研修', 'external', 7));
    const issue = await coordinator.post<{ id: string; version: number }>('/api/community/issues', {
      title: '居場所が足りない',
      description: '若い人の居場所がない',
      source: 'observation',
      raisedOn: now().toISOString().slice(0, 10),
    });
    ok(issue);
    ok(
      await coordinator.post(`/api/community/issues/${issue.body.id}/moves`, {
        version: issue.body.version,
        to: 'under_discussion',
        on: now().toISOString().slice(0, 10),
        body: '地域福祉推進協議会',
      }),
    );
    ok(
      await coordinator.post('/api/community/projects', {
        title: '居場所づくり',
        aim: '居場所をつくる',
        startsOn: now().toISOString().slice(0, 10),
        issueIds: [issue.body.id],
      }),
    );
    ok(await coordinator.post(`/api/outreach/records/${city.ids.outreachRecord}/stage`, { to: 'met' }));
    const tenant = sql`(select tenant_id from consultations where id = ${city.ids.consultation})`;
    // one 地域への働きかけ, written as the owner (the second city's area is not a 地区 the form takes)
    await owner(sql`insert into community_activities (tenant_id, area_id, kind, held_on, title, user_id, participants)
      values (${tenant}, ${city.ids.area}, 'local_meeting', ${day}::date, '自治会の定例会に参加', ${city.ids.user}, 20)`);
    for (const [table, column] of [
      ['trainings', 'held_on'],
      ['regional_issues', 'raised_on'],
      ['community_activities', 'held_on'],
      ['concern_reports', 'received_on'],
      ['outreach_stage_changes', 'changed_on'],
    ] as const)
      await owner(
        sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${day}::date where tenant_id = ${tenant}`,
      );
    await owner(
      sql`update community_projects set created_at = ${`${day}T12:00:00+09:00`}::timestamptz where tenant_id = ${tenant}`,
    );
  });

  it('counts trainings, their participants, issues, projects and community work as they are', async () => {
    const r = await results();
    const expected: Record<string, number> = {
      'trainings.internal': 2,
      'trainings.external': 1,
      'trainings.participants': 32,
      'issues.raised': 1,
      'issues.projects': 1,
      'community.activities': 1,
      'resources.created': 0,
      'participation.companies': 0,
    };
    for (const [key, n] of Object.entries(expected)) expect(indicator(r, key).toDate, key).toBe(n);
    // September is month 6 of the fiscal year
    expect(indicator(r, 'trainings.participants').months[5]).toEqual({ month: 6, value: 32, inMonth: 32 });
  });

  it('keeps the outreach counts of people below five hidden, and the pillars no longer silent', async () => {
    const r = await results();
    for (const key of ['outreach.reports', 'outreach.reached'])
      expect(indicator(r, key).missing, key).toBe('suppressed');
    expect(indicator(r, 'outreach.connected').toDate).toBe(0);
    expect(r.warnings.map((w) => w.pillar)).toEqual(['participation']);
  });
});

let tenantOf = '';
describe('the first support record of each case and year, kept by triggers', () => {
  beforeAll(async () => {
    const [row] = await queryRows<{ tenant_id: string }>(
      server.handle.owner,
      sql`select tenant_id from cases where id = ${city.ids.case}`,
    );
    tenantOf = row?.tenant_id ?? '';
  });
  type Fact = { fiscal_year: number; first_record_on: string };
  const facts = () =>
    queryRows<Fact>(
      server.handle.owner,
      sql`select fiscal_year, to_char(first_record_on, 'YYYY-MM-DD') as first_record_on from case_support_years
           where case_id = ${city.ids.case} order by fiscal_year`,
    );
  const record = (day: string) =>
    owner(sql`insert into support_records (tenant_id, case_id, recorded_on, type, organisation_id, content)
      select tenant_id, id, ${day}::date, 'phone', ${city.ids.shakyo}, '電話で様子を聞いた' from cases where id = ${city.ids.case}`);

  it('follows inserts, moves across years and deletes', async () => {
    await record(`${P}-05-10`);
    await record(`${P}-04-20`);
    await record(`${P + 1}-03-31`);
    await record(`${P + 1}-04-01`);
    expect(await facts()).toEqual([
      { fiscal_year: P, first_record_on: `${P}-04-20` },
      { fiscal_year: P + 1, first_record_on: `${P + 1}-04-01` },
    ]);
    await owner(sql`update support_records set recorded_on = ${`${P + 2}-06-01`}::date
                     where case_id = ${city.ids.case} and recorded_on = ${`${P}-04-20`}::date`);
    await owner(
      sql`delete from support_records where case_id = ${city.ids.case} and recorded_on = ${`${P + 1}-04-01`}::date`,
    );
    expect(await facts()).toEqual([
      { fiscal_year: P, first_record_on: `${P}-05-10` },
      { fiscal_year: P + 2, first_record_on: `${P + 2}-06-01` },
    ]);
    expect(indicator(await results(), 'cases.supported').missing).toBe('suppressed');
  });

  it('counts a person reached by outreach once, however often the record comes back to 会えた', async () => {
    await owner(sql`insert into outreach_stage_changes (tenant_id, record_id, from_stage, to_stage, changed_on)
      values (${tenantOf}, ${city.ids.outreachRecord}, 'met', 'attempting', ${`${P}-10-01`}::date),
             (${tenantOf}, ${city.ids.outreachRecord}, 'attempting', 'met', ${`${P}-10-15`}::date)`);
    const months = (await monthlyCounts(server.handle.owner, tenantOf, P, [])).get('outreach.reached');
    expect(months?.reduce((a: number, b) => a + (b ?? 0), 0)).toBe(1);
    expect(months?.[5]).toBe(1); // September, when it was first reached
  });

  it('counts a case as 連携・協働 in the month its second organisation joined', async () => {
    const member = (organisationId: string, day: string, left: string | null) =>
      owner(sql`insert into case_team_members (tenant_id, case_id, organisation_id, role, joined_on, left_on)
        select tenant_id, id, ${organisationId}, 'member', ${day}::date, ${left}::date from cases where id = ${city.ids.case}`);
    await member(city.ids.shakyo, `${P}-06-05`, null);
    await member(city.ids.shakyo, `${P}-07-01`, null); // the same organisation again is still one
    await member(city.ids.organisation, `${P - 1}-05-01`, `${P - 1}-12-01`); // left before the year
    expect(
      (await monthlyCounts(server.handle.owner, tenantOf, P, [])).get('cases.collaborative'),
    ).toBeUndefined();
    await member(city.ids.organisation, `${P}-08-20`, `${P}-08-31`);
    await owner(sql`update case_team_members set left_on = ${`${P}-08-19`}::date
                     where case_id = ${city.ids.case} and organisation_id = ${city.ids.shakyo}`);
    expect(
      (await monthlyCounts(server.handle.owner, tenantOf, P, [])).get('cases.collaborative'),
      'one after the other is not together',
    ).toBeUndefined();
    await owner(sql`update case_team_members set left_on = null
                     where case_id = ${city.ids.case} and joined_on >= ${`${P}-04-01`}::date`);
    const months = (await monthlyCounts(server.handle.owner, tenantOf, P, [])).get('cases.collaborative');
    expect(months?.[4]).toBe(1); // August
    expect(months?.reduce((a: number, b) => a + (b ?? 0), 0)).toBe(1);
  });
});

describe('targets', () => {
  it('sets a target, shows the achievement, and refuses a stale change', async () => {
    const set = await manager.post<{ id: string; version: number } & Err>('/api/program/targets', {
      fiscalYear: P,
      indicatorKey: 'consultations.new',
      target: 14,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(indicator(await results(), 'consultations.new').achievement).toBe(50);
    const again = await manager.post<Err>('/api/program/targets', {
      fiscalYear: P,
      indicatorKey: 'consultations.new',
      target: 20,
    });
    expect(again.status).toBe(409);
    const path = `/api/program/targets/${set.body.id}`;
    expect((await manager.patch(path, { target: 7, version: set.body.version })).status).toBe(200);
    const stale = await manager.patch<Err>(path, { note: '古い画面から', version: set.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('STALE_RECORD');
    expect(indicator(await results(), 'consultations.new').achievement).toBe(100);
  });

  it('refuses an unknown indicator and another municipality’s meeting body', async () => {
    for (const key of ['consultations.everything', 'meetings.held:00000000-0000-4000-8000-000000000000']) {
      const r = await manager.post<Err>('/api/program/targets', {
        fiscalYear: P,
        indicatorKey: key,
        target: 1,
      });
      expect(r.status, key).toBe(400);
      expect(r.body.error?.code).toBe('UNKNOWN_INDICATOR');
    }
  });

  it('keeps typed indicators month by month', async () => {
    const made = await manager.post<{ id: string; version: number }>('/api/program/indicators', {
      name: 'ひきこもりの親の会 参加者',
      unit: '人',
      definition: '親の会の参加者の延べ人数（事務局の集計）',
      functionCode: '4',
    });
    expect(made.status).toBe(200);
    const path = `/api/program/indicators/${made.body.id}/values`;
    const saved = await manager.put<{ version: number }>(path, {
      fiscalYear: P,
      version: made.body.version,
      values: [
        { month: 1, value: 2 },
        { month: 2, value: 3 },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // a second screen opened before that save is refused, not silently overwriting it
    const stale = await manager.put<Err>(path, {
      fiscalYear: P,
      version: made.body.version,
      values: [{ month: 1, value: 20 }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('STALE_RECORD');
    expect(saved.body.version).toBe(made.body.version + 1);
    const typed = indicator(await results(), `custom:${made.body.id}`);
    expect(typed.toDate).toBe(5);
    expect(typed.months[1]).toMatchObject({ inMonth: 3, value: 5, notEntered: false });
    // June was not entered: it says so rather than 0
    expect(typed.months[2]).toMatchObject({ inMonth: null, value: 5, notEntered: true });
  });
});

describe('who may see and keep the figures', () => {
  it('the program manager only: staff who see cases and the administrator are refused', async () => {
    for (const who of ['consultant', 'coordinator', 'admin'] as const) {
      expect((await city.as(who).get(`/api/program/results?fiscalYear=${P}`)).status, who).toBe(403);
      expect((await city.as(who).get(`/api/program/dashboard?fiscalYear=${P}`)).status, who).toBe(403);
    }
  });

  it('another municipality’s manager sees its own figures and cannot reach these records', async () => {
    const theirs = await results(demoManager);
    expect(theirs.indicators.some((i) => i.key === `meetings.held:${city.ids.meetingBody}`)).toBe(false);
    const target = indicator(await results(), 'consultations.new').targetId ?? '';
    expect(
      (await demoManager.patch(`/api/program/targets/${target}`, { target: 1, version: 2 })).status,
    ).toBe(404);
    expect((await demoManager.delete(`/api/program/targets/${target}`)).status).toBe(404);
    expect(indicator(await results(), 'consultations.new').achievement).toBe(100);
  });
});
