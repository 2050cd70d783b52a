import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asApplication, queryRows } from '../../db/client';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { addDays } from '../../shared/dates';
import { startTestServer } from '../../testing/test-server';
import type { Actor } from '../access/access.policy';
import { today } from './case-common';
import { createRecord } from './case-records.service';
import type { WorkItem } from './cases.schemas';
import { caseWorkQueue } from './work-queue.service';

// The work queue shows the items due soonest and counts the rest: whatever the limit, the items
// shown are the soonest of all of them, in due order, and the count is of all of them.
let server: RunningServer;
let actor: Actor;
beforeAll(async () => {
  server = await startTestServer();
  const [row] = await queryRows<Actor>(
    server.handle.owner,
    sql`select u.id as "userId", u.tenant_id as "tenantId", m.id as "membershipId",
               m.organisation_id as "organisationId", m.role
          from users u join memberships m on m.user_id = u.id where u.login_id = 'demo-coordinator' limit 1`,
  );
  if (!row) throw new Error('no demo coordinator');
  actor = row;
  // a year on, the demo city's reviews, plan actions and quiet cases are all due
  advanceClockForTests(365 * 24 * 60 * 60 * 1000);
});
afterAll(async () => {
  resetClockForTests();
  await server.close();
});

const queue = (limit: number) =>
  asApplication(server.handle.db, { tenantId: actor.tenantId }, (tx) =>
    caseWorkQueue(tx, { actor, clientIp: null }, limit),
  );
const dueOrder = (items: WorkItem[]) => items.map((i) => i.due);

describe('the work queue under its limit', () => {
  it('shows the soonest items of every part and counts them all', async () => {
    const all = await queue(10_000);
    const kinds = new Set(all.items.map((i) => i.kind));
    expect(all.total).toBe(all.items.length);
    expect(kinds.size).toBeGreaterThan(1);
    expect(all.items.length).toBeGreaterThan(4);
    expect(dueOrder(all.items)).toEqual([...dueOrder(all.items)].sort());
    for (const limit of [1, 2, Math.floor(all.items.length / 2), all.items.length - 1]) {
      const some = await queue(limit);
      expect(some.total).toBe(all.total);
      expect(some.items).toHaveLength(limit);
      expect(dueOrder(some.items)).toEqual(dueOrder(all.items).slice(0, limit));
      for (const item of some.items) expect(all.items).toContainEqual(item);
    }
  });
});

describe('cases without records in the work queue', () => {
  it("come in after the municipality's number of days without a record", async () => {
    const quiet = async () => (await queue(10_000)).items.filter((i) => i.kind === 'no_record').length;
    const setDays = (days: number) =>
      queryRows(
        server.handle.owner,
        sql`update tenants set case_inactivity_days = ${days} where id = ${actor.tenantId}`,
      );
    expect(await quiet()).toBeGreaterThan(0);
    await setDays(400); // more than the year passed
    expect(await quiet()).toBe(0);
    await setDays(30);
    expect(await quiet()).toBeGreaterThan(0);
  });

  it('leave with a record, and a record written up later keeps the latest date', async () => {
    const quietCases = async () =>
      (await queue(10_000)).items.filter((i) => i.kind === 'no_record').map((i) => i.caseId);
    const [caseId] = await quietCases();
    if (!caseId) throw new Error('no quiet case');
    const record = (recordedOn: string) =>
      asApplication(server.handle.db, { tenantId: actor.tenantId }, (tx) =>
        createRecord(tx, { actor, clientIp: null }, caseId, {
          recordedOn,
          type: 'phone',
          minutes: null,
          content: '電話で近況を確認',
          goalKey: null,
          actionKey: null,
        }),
      );
    const lastRecordOn = async () =>
      (
        await queryRows<{ on: string }>(
          server.handle.owner,
          sql`select last_record_on::text as on from cases where id = ${caseId}`,
        )
      )[0]?.on;
    await record(today());
    expect(await quietCases()).not.toContain(caseId);
    await record(addDays(today(), -2));
    expect(await lastRecordOn()).toBe(today());
    expect(await quietCases()).not.toContain(caseId);
  });
});
