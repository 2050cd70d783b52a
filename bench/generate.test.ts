import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client';
import type { RunningServer } from '../src/server/start';
import { loggedIn } from '../src/testing/test-client';
import { startTestServer } from '../src/testing/test-server';
import { generateCity } from './generate';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
  await generateCity(server.handle.db, { households: 200 });
});
afterAll(() => server.close());

describe('the synthetic city', () => {
  it('has households of one to three people with consultations and referrals', async () => {
    const [counts] = await queryRows<{
      households: number;
      people: number;
      consultations: number;
      referrals: number;
    }>(
      server.handle.db,
      sql`select (select count(*)::int from households) as households, (select count(*)::int from persons) as people,
          (select count(*)::int from consultations) as consultations, (select count(*)::int from referrals) as referrals`,
    );
    expect(counts?.households).toBe(200);
    expect(counts?.people).toBeGreaterThanOrEqual(200);
    expect(counts?.people).toBeLessThanOrEqual(600);
    expect(counts?.consultations).toBe(200);
    expect(counts?.referrals).toBeGreaterThan(0);
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
});
