import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import {
  type CaseWorld,
  DAY,
  daysFromToday,
  openWorldCase,
  startCaseWorld,
  tableCaseAt,
  today,
} from '../../testing/case-world';
import type { WorkItem } from '../cases/cases.schemas';
import type { Body } from '../meetings/meetings.schemas';

// What an insider found in the partners' work (issue 19), held shut: a partner's 宿題 and a case's
// reminders reach only the lead's staff who may read the case; a member who left reads no more
// packets; the days logged with a partner stay in order; and the registry stays unambiguous.

let world: CaseWorld;
let caseId = '';
let sessionId = '';
let partnerId = '';
const as = (who: Parameters<CaseWorld['as']>[0]) => world.as(who);
type Items = { items: { id: string; description: string }[] };

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await openWorldCase(world);
  const orgs = await as('coordinator').get<{ organisations: { id: string; name: string }[] }>(
    '/api/organisations',
  );
  partnerId = orgs.body.organisations.find((o) => o.name === 'つなぐ保護観察所')?.id ?? '';
  const tabled = await tableCaseAt(world, '支援会議（法第106条の6）', caseId);
  expect(tabled.status).toBe(200);
  const session = tabled.body as unknown as { id: string; items: { id: string }[] };
  sessionId = session.id;
  const added = await as('coordinator').post(`/api/meetings/sessions/${sessionId}/action-items`, {
    itemId: session.items[0]?.id,
    description: '保護観察官が息子と面接する',
    ownerOrganisationId: partnerId,
    dueOn: daysFromToday(7),
  });
  expect(added.status).toBeLessThan(300);
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
});

describe('need to know within the lead organisation', () => {
  it('shows a partner 宿題 to the coordinator, never to staff of the lead who may not read the case', async () => {
    const mine = await as('coordinator').get<Items>('/api/meetings/action-items');
    const item = mine.body.items.find((i) => i.description === '保護観察官が息子と面接する');
    expect(item).toBeDefined();
    for (const who of ['outreach', 'participation'] as const) {
      // same organisation as the lead (社会福祉協議会), but not named on the case
      expect((await as(who).get(`/api/cases/${caseId}`)).status).toBe(404);
      const theirs = await as(who).get<Items>('/api/meetings/action-items');
      expect(theirs.body.items.map((i) => i.id)).not.toContain(item?.id);
      expect((await as(who).post(`/api/meetings/action-items/${item?.id}/done`, {})).status).toBe(404);
    }
  });

  it('keeps the case reminders of the work queue from staff who may not read the case', async () => {
    advanceClockForTests(40 * DAY);
    await world.logInEveryone();
    const lead = await as('coordinator').get<{ items: WorkItem[] }>('/api/cases/work-queue');
    expect(lead.body.items.some((i) => i.caseId === caseId)).toBe(true);
    for (const who of ['outreach', 'participation'] as const) {
      const theirs = await as(who).get<{ items: WorkItem[] }>('/api/cases/work-queue');
      expect(theirs.body.items.map((i) => i.caseId)).not.toContain(caseId);
    }
    resetClockForTests();
    await world.logInEveryone();
  });

  it('names no worker for a partner, and only a worker of the owner for an agency', async () => {
    const admin = await as('admin').get<{ user: { id: string }; memberships: { organisationId: string }[] }>(
      '/api/auth/session',
    );
    for (const [owner, user] of [
      [partnerId, admin.body.user.id],
      [world.orgIds.jiritsu, admin.body.user.id],
      // the administrator's own organisation: a member, but never one who sees what a 宿題 is about
      [admin.body.memberships[0]?.organisationId ?? '', admin.body.user.id],
      [world.orgIds.jiritsu, '00000000-0000-4000-8000-00000000beef'],
    ]) {
      const refused = await as('coordinator').post<{ error: { code: string } }>(
        `/api/meetings/sessions/${sessionId}/action-items`,
        {
          description: '担当者つきの宿題',
          ownerOrganisationId: owner,
          ownerUserId: user,
          dueOn: daysFromToday(7),
        },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('NOT_A_WORKER');
    }
  });

  it('refuses to take off the agenda an item someone undertook a 宿題 on (409, not a crash)', async () => {
    const session = await as('coordinator').get<{ items: { id: string }[] }>(
      `/api/meetings/sessions/${sessionId}`,
    );
    const removed = await as('coordinator').delete<{ error: { code: string } }>(
      `/api/meetings/sessions/${sessionId}/items/${session.body.items[0]?.id}`,
    );
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe('ITEM_HAS_ACTION_ITEMS');
  });
});

describe('what a 支援会議 undertook', () => {
  it('goes into the packets of its own sessions only, not those of another body', async () => {
    const tabled = await tableCaseAt(world, '重層的支援会議', caseId);
    expect(tabled.status).toBe(200);
    const other = tabled.body as unknown as { id: string };
    expect((await as('coordinator').post(`/api/meetings/sessions/${other.id}/prepare`, {})).status).toBe(200);
    const packet = await as('coordinator').get<{ openActions: { text: string }[] }>(
      `/api/meetings/sessions/${other.id}/packets/${caseId}`,
    );
    expect(packet.status).toBe(200);
    expect(packet.body.openActions.map((a) => a.text)).not.toContain('保護観察官が息子と面接する');
  });
});

describe('a member who leaves', () => {
  it('reads no more agenda or packet, and is off the sessions to come', async () => {
    expect((await as('coordinator').post(`/api/meetings/sessions/${sessionId}/prepare`, {})).status).toBe(
      200,
    );
    const packet = `/api/meetings/sessions/${sessionId}/packets/${caseId}`;
    expect((await as('outreach').get(packet)).status).toBe(200);
    const bodies = await as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies');
    const body = bodies.body.items.find((b) => b.name === '支援会議（法第106条の6）');
    const outreachUser = await world.userIdOf('outreach');
    const member = body?.members.find((m) => m.userId === outreachUser);
    const path = `/api/meetings/bodies/${body?.id}/members/${member?.id}`;
    const future = await as('coordinator').patch<{ error: { code: string } }>(path, {
      leftOn: daysFromToday(3),
      version: member?.version,
    });
    expect(future.body.error.code).toBe('FUTURE_DATE');
    const beforeJoining = await as('coordinator').patch<{ error: { code: string } }>(path, {
      leftOn: '2000-01-01',
      version: member?.version,
    });
    expect(beforeJoining.body.error.code).toBe('LEFT_BEFORE_JOINING');
    expect((await as('coordinator').patch(path, { leftOn: today(), version: member?.version })).status).toBe(
      200,
    );
    expect((await as('outreach').get(packet)).status).toBe(404);
    expect((await as('outreach').get(`/api/meetings/sessions/${sessionId}`)).status).toBe(404);
    const session = await as('coordinator').get<{ attendees: { userId: string | null }[] }>(
      `/api/meetings/sessions/${sessionId}`,
    );
    expect(session.body.attendees.map((a) => a.userId)).not.toContain(outreachUser);
  });
});

describe('the days logged with a partner', () => {
  it('stay in order, and are refused on a draft', async () => {
    const draft = await as('houkatsu').post<{ error: { code: string } }>('/api/referrals', {
      householdId: world.householdId,
      toOrganisationId: partnerId,
      mainComplaint: '相談',
      reason: 'つなぐ',
      send: false,
      occurredOn: today(),
    });
    expect(draft.body.error.code).toBe('NOT_A_LOGGED_STEP');
    const sent = await as('houkatsu').post<{ id: string }>('/api/referrals', {
      householdId: world.householdId,
      toOrganisationId: partnerId,
      mainComplaint: '相談',
      reason: 'つなぐ',
      occurredOn: today(),
    });
    const early = await as('houkatsu').post<{ error: { code: string } }>(
      `/api/referrals/${sent.body.id}/transitions`,
      { to: 'declined', note: '定員', occurredOn: daysFromToday(-2) },
    );
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('OCCURRED_BEFORE_PREVIOUS');
    const ancient = await as('houkatsu').post(`/api/referrals/${sent.body.id}/transitions`, {
      to: 'declined',
      note: '定員',
      occurredOn: '1900-01-01',
    });
    expect(ancient.status).toBe(400);
  });
});

describe('the registry of partners', () => {
  it('takes kinds from outside only, one name once, and a phone typed in full width as digits', async () => {
    const asAgency = await as('coordinator').post<{ error: { code: string } }>('/api/organisations', {
      name: '第二地域包括支援センター',
      kind: 'community_general_support_center',
      external: true,
    });
    expect(asAgency.body.error.code).toBe('KIND_NOT_FOR_PARTNER');
    for (const name of ['つなぐ保護観察所', 'つなぐ 保護観察所', 'ﾊﾛｰﾜｰｸつなぐ']) {
      const twice = await as('coordinator').post<{ error: { code: string } }>('/api/organisations', {
        name,
        kind: 'probation_office',
        external: true,
      });
      expect(twice.status, name).toBe(409);
      expect(twice.body.error.code).toBe('ORGANISATION_NAME_TAKEN');
    }
    const renamed = await as('admin').patch<{ error: { code: string } }>(
      `/api/organisations/${world.orgIds.hokubu}`,
      { name: 'ハローワーク つなぐ', version: 1 },
    );
    expect(renamed.body.error.code).toBe('ORGANISATION_NAME_TAKEN');
    const wide = await as('coordinator').post<{ phone: string }>('/api/organisations', {
      name: 'つなぐ地域生活定着支援センター',
      kind: 'other',
      external: true,
      phone: '０６－６９４１－００００',
    });
    expect(wide.body.phone).toBe('06-6941-0000');
  });
});
