import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import {
  type CaseWorld,
  caseAwaitingDecision,
  DAY,
  daysFromToday,
  decision,
  startCaseWorld,
  today,
  type Who,
} from '../../testing/case-world';
import type { WorkItem } from './cases.schemas';

// A case's reminders reach only those who may read the case, and always someone who may: an
// organisation that left the team reads its overdue actions no more, an outreach worker reads them
// only when named, and the contact dates of continued connection go to an organisation of the team.

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
                      from case_actions where case_id = ${caseId} and outstanding`);
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

describe('continued connection after closing', () => {
  it('is kept by an organisation of the team, and a worker of it, whose queue then shows the contact date', async () => {
    const evaluated = await world.step(caseId, 'coordinator', '/evaluations', {
      evaluatedOn: today(),
      goals: [{ goalKey: 'g1', result: 'achieved' }],
      overall: '家計は安定した。',
      nextStep: 'propose_closure',
    });
    expect(evaluated.body.status).toBe('evaluating');
    const orgs = await world
      .as('coordinator')
      .get<{ organisations: { id: string; name: string }[] }>('/api/organisations');
    const childCentre = orgs.body.organisations.find((o) => o.name === 'つなぐ市こども家庭センター')?.id;
    const closing = (connection: Record<string, unknown>) =>
      world.step(caseId, 'coordinator', '/transitions', {
        to: 'closed',
        closureReason: 'resolved',
        decision: decision(),
        connection: { intervalDays: 30, how: '月1回の電話', firstContactOn: daysFromToday(1), ...connection },
      });
    // nobody there reads the case, so the contact dates would reach no one
    const offTeam = await closing({ organisationId: childCentre });
    expect(offTeam.status).toBe(400);
    expect(offTeam.code).toBe('CONNECTION_NOT_ON_TEAM');
    expect(offTeam.message).toContain('つなぐ市こども家庭センター');
    const notTheirs = await closing({
      organisationId: world.orgIds.jiritsu,
      userId: await world.userIdOf('outreach'),
    });
    expect(notTheirs.code).toBe('NOT_A_WORKER');
    expect((await world.as('coordinator').get<{ status: string }>(`/api/cases/${caseId}`)).body.status).toBe(
      'evaluating',
    );

    const kept = await closing({
      organisationId: world.orgIds.jiritsu,
      userId: await world.userIdOf('jiritsu'),
    });
    expect(kept.body.status).toBe('connected');
    advanceClockForTests(2 * DAY);
    await world.logInEveryone();
    const queue = await world.as('jiritsu').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ kind: 'connection_due', caseId, detail: '月1回の電話', mine: true }),
    );
    const child = await world.as('child').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(child.body.items.map((i) => i.caseId)).not.toContain(caseId);
  });
});
