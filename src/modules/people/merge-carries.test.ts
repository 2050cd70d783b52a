import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseWorld,
  caseAwaitingDecision,
  startCaseWorld,
  tableCaseAt,
  today,
} from '../../testing/case-world';

// 名寄せ carries everything that belongs to the person: a consent recorded on the second record
// of someone counts, once merged, for the record the case names (and stops counting on undo).

let world: CaseWorld;
let caseId = '';
let motherId = '';

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await caseAwaitingDecision(world);
  const household = await world
    .as('houkatsu')
    .get<{ members: { person: { id: string } }[] }>(`/api/households/${world.householdId}`);
  motherId = household.body.members[0]?.person.id ?? '';
  const consents = await world
    .as('houkatsu')
    .get<{ consents: { id: string; withdrawnOn: string | null }[] }>(`/api/people/${motherId}/consents`);
  for (const consent of consents.body.consents.filter((c) => !c.withdrawnOn)) {
    await world.as('houkatsu').post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: today() });
  }
});
afterAll(async () => {
  await world.server.close();
});

const tableAtConsentBoundBody = () => tableCaseAt(world, '重層的支援会議', caseId);

describe('a merge carries the consent of the merged record', () => {
  it('counts a consent on the second record for the case once merged, and no longer after undo', async () => {
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');

    // The same mother registered again (as the outreach consent used to do), with her consent on it
    const second = await world.as('houkatsu').post<{ id: string }>('/api/people', {
      familyName: '松岡',
      givenName: 'トメ',
      familyNameKana: 'マツオカ',
      givenNameKana: 'トメ',
      birthDate: '1942-02-02',
    });
    const consent = await world.as('houkatsu').post('/api/consents', {
      personId: second.body.id,
      purpose: '相談・支援のための関係機関との情報共有',
      scope: 'all_agencies',
      obtainedOn: today(),
      method: 'written',
    });
    expect(consent.status).toBe(201);
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');

    const merged = await world
      .as('houkatsu')
      .post<{ id: string }>(`/api/people/${motherId}/merge`, { mergedPersonId: second.body.id });
    expect(merged.status).toBe(200);
    const tabled = await tableAtConsentBoundBody();
    expect(tabled.status).toBe(200);

    expect((await world.as('houkatsu').post(`/api/people/merges/${merged.body.id}/undo`)).status).toBe(200);
    expect((await tableAtConsentBoundBody()).body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');
  });
});
