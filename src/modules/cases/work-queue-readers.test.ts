import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import {
  type CaseWorld,
  caseAwaitingDecision,
  DAY,
  decision,
  startCaseWorld,
  type Who,
} from '../../testing/case-world';
import type { WorkItem } from './cases.schemas';

// An organisation's overdue plan actions reach only those of its staff who may read the case: an
// organisation that left the team reads it no more, and an outreach worker reads it only when named.

let world: CaseWorld;
let caseId = '';
const owner = (statement: SQL) => queryRows(world.server.handle.owner, statement);
const overdueOf = async (who: Who) =>
  (await world.as(who).get<{ items: WorkItem[] }>('/api/cases/work-queue')).body.items.filter(
    (i) => i.kind === 'action_overdue' && i.caseId === caseId,
  );

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await caseAwaitingDecision(world);
  const approved = await world.step(caseId, 'coordinator', '/transitions', {
    to: 'supporting',
    decision: decision(),
  });
  expect(approved.body.status).toBe('supporting');
  advanceClockForTests(61 * DAY); // the plan's action (60 days) is overdue
  await world.logInEveryone();
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
});

describe("an organisation's overdue actions in the work queue", () => {
  it('leave the queue of an organisation that left the team', async () => {
    expect(await overdueOf('jiritsu')).toEqual([
      expect.objectContaining({ detail: '家計改善支援と家賃の分納相談', mine: false }),
    ]);
    await owner(sql`update case_team_members set left_on = current_date where case_id = ${caseId}
                      and organisation_id = ${world.orgIds.jiritsu} and left_on is null`);
    expect(await overdueOf('jiritsu')).toEqual([]);
    await owner(sql`update case_team_members set left_on = null where case_id = ${caseId}
                      and organisation_id = ${world.orgIds.jiritsu} and left_on = current_date`);
    expect(await overdueOf('jiritsu')).toHaveLength(1);
  });

  it("reach an outreach worker of the action's organisation only when the worker is named on it", async () => {
    await owner(sql`insert into case_actions (tenant_id, case_id, plan_id, action_key, organisation_id, text, until)
                    select tenant_id, case_id, plan_id, 'outreach-visit', ${world.orgIds.shakyo}, '自宅を訪問する', until
                      from case_actions where case_id = ${caseId} and in_force`);
    expect(await overdueOf('outreach')).toEqual([]);
    expect(await overdueOf('coordinator')).toContainEqual(
      expect.objectContaining({ detail: '自宅を訪問する' }),
    );
    await owner(sql`update case_actions set user_id = ${await world.userIdOf('outreach')}
                     where case_id = ${caseId} and action_key = 'outreach-visit'`);
    expect(await overdueOf('outreach')).toContainEqual(
      expect.objectContaining({ detail: '自宅を訪問する', mine: true, personName: '松岡 トメ' }),
    );
    expect(await overdueOf('participation')).toEqual([]);
  });
});
