import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, startCaseWorld, today, type Who } from '../../testing/case-world';
import type { Case } from './cases.schemas';

let world: CaseWorld;
let caseId = '';
const as = (who: Who) => world.as(who);

beforeAll(async () => {
  world = await startCaseWorld();
});
afterAll(() => world.server.close());

describe('opening a 多機関協働 case', () => {
  it('is for coordinators only', async () => {
    const refused = await as('houkatsu').post('/api/cases', {
      referralId: world.referralId,
      summary: '8050',
    });
    expect(refused.status).toBe(403);
  });

  it('opens from the referral, answers the referral and keeps the referring agency on the team', async () => {
    const opened = await as('coordinator').post<{ id: string }>('/api/cases', {
      referralId: world.referralId,
      summary: '8050世帯：母の介護、息子のひきこもり、家賃滞納',
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    const page = await as('coordinator').get<Case>(`/api/cases/${caseId}`);
    expect(page.body.status).toBe('received');
    expect(page.body.householdId).toBe(world.householdId);
    expect(page.body.referral?.fromOrganisationName).toContain('地域包括');
    // the intake's issues, the one marked ◎ first, as the plan's starting point
    expect(page.body.intakeIssues).toEqual(['8050問題', 'ひきこもり', '生活困窮']);
    expect(page.body.completedActionKeys).toEqual([]);
    expect(page.body.team.map((m) => m.organisationId).sort()).toEqual(
      [world.orgIds.hokubu, world.orgIds.shakyo].sort(),
    );
    const referrer = page.body.team.find((m) => m.role === 'つないだ機関');
    expect(referrer?.organisationName).toContain('地域包括');
    const referral = await as('houkatsu').get<{ status: string }>(`/api/referrals/${world.referralId}`);
    expect(referral.body.status).toBe('in_progress');
  });

  it('refuses a second case from the same referral', async () => {
    const again = await as('coordinator').post<{ error: { code: string } }>('/api/cases', {
      referralId: world.referralId,
      summary: '重複',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_EXISTS');
  });

  it('is seen by the team and coordinators only; the program manager gets counts, never content', async () => {
    expect((await as('houkatsu').get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await as('child').get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await as('jiritsu').get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await as('manager').get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await as('admin').get(`/api/cases/${caseId}`)).status).toBe(403);
    const list = await as('child').get<{ cases: { id: string }[] }>('/api/cases');
    expect(list.body.cases.map((c) => c.id)).not.toContain(caseId);
    type Safe = { count: number | null; belowThreshold: boolean };
    const counts = await as('manager').get<{ byStatus: Record<string, Safe>; openedThisYear: Safe }>(
      '/api/cases/counts',
    );
    expect(counts.status).toBe(200);
    const received = counts.body.byStatus.received;
    // a count of 1–4 is never shown as its number
    expect(received?.belowThreshold || (received?.count ?? 0) >= 5).toBe(true);
    for (const c of Object.values(counts.body.byStatus))
      expect([0, null].includes(c.count) || (c.count ?? 0) >= 5).toBe(true);
    expect(JSON.stringify(counts.body)).not.toContain('松岡');
    expect((await as('houkatsu').get('/api/cases/counts')).status).toBe(403);
  });
});

describe('finding a case in the list', () => {
  it('narrows by household name, name or reading, however the kana is typed', async () => {
    for (const q of ['松岡さん', 'まつおか', 'ﾏﾂｵｶ', 'トメ']) {
      const found = await as('coordinator').get<{ cases: { id: string }[] }>(
        `/api/cases?status=all&q=${encodeURIComponent(q)}`,
      );
      expect(found.body.cases.map((c) => c.id)).toContain(caseId);
    }
    const none = await as('coordinator').get<{ cases: unknown[] }>(
      `/api/cases?status=all&q=${encodeURIComponent('山田')}`,
    );
    expect(none.body.cases).toHaveLength(0);
    const wildcard = await as('coordinator').get<{ cases: unknown[] }>(`/api/cases?status=all&q=%25`);
    expect(wildcard.body.cases).toHaveLength(0);
  });
});

describe('screening back to the referring agency', () => {
  it('closes the case with the screening as its reason', async () => {
    // a household of its own: the world's household already has an open case
    const household = await as('coordinator').post<{ id: string }>('/api/households', {
      name: '助言さん世帯',
      members: [{ newPerson: { familyName: '助言', givenName: '一' }, relation: '本人' }],
    });
    const opened = await as('coordinator').post<{ id: string }>('/api/cases', {
      householdId: household.body.id,
      summary: '助言のみで足りる相談',
    });
    expect(opened.status).toBe(201);
    const screened = await as('coordinator').post<Case>(`/api/cases/${opened.body.id}/screening`, {
      outcome: 'advise_referrer',
      reason: '地域包括での対応で足りるため、助言して戻す。',
      decidedOn: today(),
    });
    expect(screened.body.status).toBe('closed');
    expect(screened.body.closureReason).toBe('screened_out');
  });
});

describe('one household, one open case', () => {
  it('refuses a second case while one is open, naming the open one', async () => {
    const second = await as('coordinator').post<{ error?: { code: string; details?: { caseId: string } } }>(
      '/api/cases',
      { householdId: world.householdId, summary: '二つ目' },
    );
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('CASE_ALREADY_OPEN');
    expect(second.body.error?.details?.caseId).toBeTruthy();
  });
});
