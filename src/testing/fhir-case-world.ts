import { expect } from 'vitest';
import {
  type CaseWorld,
  caseAwaitingDecision,
  decision,
  startCaseWorld,
  today,
  type Who,
} from './case-world';

// For the FHIR export tests: the case world's 8050 case approved and supporting, the son added
// to the household with two consent records (one withdrawn), and referrals about him from the
// 地域包括支援センター in every state a referral can end up in (and one draft, never sent).

export type FhirCaseWorld = Awaited<ReturnType<typeof startFhirCaseWorld>>;

export async function startFhirCaseWorld() {
  const world: CaseWorld = await startCaseWorld();
  const as = (who: Who) => world.as(who);
  const caseId = await caseAwaitingDecision(world);
  const approved = await world.step(caseId, 'coordinator', '/transitions', {
    to: 'supporting',
    decision: decision(),
  });
  expect(approved.body.status).toBe('supporting');
  const household = await as('houkatsu').post<{ members: { person: { id: string }; relation: string }[] }>(
    `/api/households/${world.householdId}/members`,
    {
      newPerson: {
        familyName: '松岡',
        givenName: '健一',
        familyNameKana: 'マツオカ',
        givenNameKana: 'ケンイチ',
        birthDate: '1972-05-05',
        gender: '男性',
      },
      relation: '長男',
    },
  );
  expect(household.status).toBe(200);
  const ids: Record<string, string> = {};
  const motherId = household.body.members.find((m) => m.relation === '本人')?.person.id ?? '';
  const sonId = household.body.members.find((m) => m.relation === '長男')?.person.id ?? '';
  const refer = async (toOrganisationId: string, mainComplaint: string, send = true) => {
    const created = await as('houkatsu').post<{ id: string }>('/api/referrals', {
      personId: sonId,
      householdId: world.householdId,
      toOrganisationId,
      mainComplaint,
      reason: '就労と社会参加の支援が必要',
      send,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const move = async (who: Who, referralId: string, to: string, note?: string) => {
    const moved = await as(who).post(`/api/referrals/${referralId}/transitions`, { to, note });
    expect(moved.status, `${to}: ${JSON.stringify(moved.body)}`).toBe(200);
  };
  // the son's consent: first to one agency (withdrawn), then to all
  const narrow = await as('coordinator').post<{ id: string }>('/api/consents', {
    personId: sonId,
    purpose: '就労支援のための情報共有',
    scope: 'organisations',
    organisationIds: [world.orgIds.jiritsu],
    obtainedOn: today(),
    method: 'oral',
  });
  expect(narrow.status).toBe(201);
  expect(
    (await as('coordinator').post(`/api/consents/${narrow.body.id}/withdraw`, { withdrawnOn: today() }))
      .status,
  ).toBe(200);
  const wide = await as('coordinator').post('/api/consents', {
    personId: sonId,
    purpose: '相談・支援のための関係機関との情報共有',
    scope: 'all_agencies',
    organisationIds: [],
    obtainedOn: today(),
    method: 'written',
  });
  expect(wide.status).toBe(201);
  const orgs = await as('houkatsu').get<{ organisations: { id: string; name: string }[] }>(
    '/api/organisations',
  );
  const orgId = (name: string) => orgs.body.organisations.find((o) => o.name === name)?.id ?? '';
  const child = orgId('つなぐ市こども家庭センター');
  const disability = orgId('つなぐ市障がい者基幹相談支援センター');
  ids.requested = await refer(world.orgIds.jiritsu, '息子の就労の相談');
  ids.declined = await refer(child, '家族の相談');
  await move('child', ids.declined, 'declined', '対象年齢ではないため');
  ids.completed = await refer(disability, '障害の有無の見立て');
  await move('disability', ids.completed, 'accepted');
  await move('disability', ids.completed, 'in_progress');
  await move('disability', ids.completed, 'completed', '面談し、手帳の申請を支援した');
  ids.unsuccessful = await refer(disability, '通所先の調整');
  await move('disability', ids.unsuccessful, 'accepted');
  await move('disability', ids.unsuccessful, 'unsuccessful', '本人が通所を望まなかった');
  ids.cancelled = await refer(world.orgIds.jiritsu, '重複して送ったつなぎ');
  await move('houkatsu', ids.cancelled, 'cancelled');
  ids.draft = await refer(world.orgIds.jiritsu, 'まだ送っていない', false);
  ids.multiAgency = world.referralId;
  return { ...world, caseId, motherId, sonId, referralIds: ids };
}
