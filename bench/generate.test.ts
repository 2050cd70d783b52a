import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client';
import { DEMO_COMMUNITY_CASES } from '../src/modules/demo/demo.community';
import type { RunningServer } from '../src/server/start';
import { loggedIn } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { generateCity } from './generate';
import { generateCases } from './generate-cases';

let server: RunningServer;
type Counts = { households: number; people: number; consultations: number; referrals: number };
const countAll = async () =>
  (
    await queryRows<Counts>(
      server.handle.owner,
      sql`select (select count(*)::int from households) as households, (select count(*)::int from persons) as people,
          (select count(*)::int from consultations) as consultations, (select count(*)::int from referrals) as referrals`,
    )
  )[0] ?? { households: 0, people: 0, consultations: 0, referrals: 0 };
/** The demo city's own records (its people in 参加支援), counted before the synthetic city. */
let demo: Counts;
beforeAll(async () => {
  server = await startTestServer();
  demo = await countAll();
  await generateCity(server.handle.owner, { households: 200 });
  await generateCases(server.handle.owner, { cases: 50, records: 1000 });
});
afterAll(() => server.close());

describe('the synthetic city', () => {
  it('has households of one to three people with consultations and referrals', async () => {
    const all = await countAll();
    expect(all.households - demo.households).toBe(200);
    expect(all.people - demo.people).toBeGreaterThanOrEqual(200);
    expect(all.people - demo.people).toBeLessThanOrEqual(600);
    expect(all.consultations - demo.consultations).toBe(200);
    expect(all.referrals - demo.referrals).toBeGreaterThan(0);
  });

  it('is searchable through the API like any record, within access rules', async () => {
    const worker = await loggedIn(server.url, 'demo-jiritsu');
    const found = await worker.get<{ people: { familyNameKana: string; givenNameKana: string }[] }>(
      `/api/people?q=${encodeURIComponent('タ')}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.people.length).toBeGreaterThan(0);
    for (const p of found.body.people) expect(`${p.familyNameKana}${p.givenNameKana}`).toContain('タ');
    const admin = await loggedIn(server.url, 'demo-admin');
    expect((await admin.get('/api/people?q=%E3%82%B5')).status).toBe(403);
  });

  it('has 多機関協働 cases with teams, plans in force and support records, readable through the API', async () => {
    const [counts] = await queryRows<{ cases: number; records: number; in_force: number; actions: number }>(
      server.handle.owner,
      sql`select (select count(*)::int from cases) as cases, (select count(*)::int from support_records) as records,
          (select count(*)::int from cases where plan_in_force_id is not null) as in_force,
          (select count(*)::int from case_actions) as actions`,
    );
    expect(counts?.cases).toBe(50 + DEMO_COMMUNITY_CASES);
    expect(counts?.records).toBeGreaterThan(500);
    expect(counts?.in_force).toBeGreaterThan(0);
    expect(counts?.actions).toBeGreaterThanOrEqual((counts?.in_force ?? 0) * 2);
    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    const list = await coordinator.get<{ cases: { id: string }[] }>('/api/cases?status=all');
    expect(list.body.cases).toHaveLength(50 + DEMO_COMMUNITY_CASES);
    const page = await coordinator.get<{ recordTotal: number }>(`/api/cases/${list.body.cases[0]?.id}`);
    expect(page.status).toBe(200);
    const queue = await coordinator.get<{ items: { kind: string }[] }>('/api/cases/work-queue');
    expect(queue.body.items.length).toBeGreaterThan(0);
  });

  it('grows to ten years: consultations coming back over the years, cases of long ago ended', async () => {
    const before = await countAll();
    await generateCity(server.handle.owner, { households: 20, consultations: 100, years: 10 });
    const after = await countAll();
    expect(after.households - before.households).toBe(20);
    expect(after.consultations - before.consultations).toBe(100);
    const made = await generateCases(server.handle.owner, { cases: 300, records: 3000, years: 10 });
    expect(made.cases).toBe(300);
    const [ten] = await queryRows<{
      spread_years: number;
      old_open: number;
      ended_before_opened: number;
      records_after_close: number;
      households_twice: number;
    }>(
      server.handle.owner,
      sql`with recent as (select * from cases order by created_at desc limit 300)
          select (select extract(year from age(max(received_at), min(received_at)))::int
                    from consultations where received_at > now() - interval '11 years') as spread_years,
                 (select count(*)::int from recent
                   where opened_on < current_date - 730 and status not in ('closed', 'connected')) as old_open,
                 (select count(*)::int from recent where closed_on < opened_on) as ended_before_opened,
                 (select count(*)::int from recent c join support_records r on r.case_id = c.id
                   where r.recorded_on > c.closed_on) as records_after_close,
                 (select count(*)::int from (select household_id from recent group by 1 having count(*) > 1) h)
                   as households_twice`,
    );
    expect(ten?.spread_years).toBeGreaterThanOrEqual(8);
    expect(ten?.old_open).toBe(0);
    expect(ten?.ended_before_opened).toBe(0);
    expect(ten?.records_after_close).toBe(0);
    // more cases than households: households come back
    expect(ten?.households_twice).toBeGreaterThan(0);
  });
});
