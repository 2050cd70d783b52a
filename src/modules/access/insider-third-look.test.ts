import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, consultationBody, startCaseWorld, type Who } from '../../testing/case-world';

// What a third insider review found in the integrity work: taking a consultation for someone
// already registered opened their contact details to a referral recipient, undoing a chained
// merge left a record glued to the wrong survivor, notes one may not read could be overwritten,
// a PATCH naming no field failed with 500, and someone else's merge answered differently from
// none.

let world: CaseWorld;
let hidden = { personId: '', householdId: '' };
const as = (who: Who) => world.as(who);
type Refusal = { error?: { code: string; message: string } };

const consultation = consultationBody;

beforeAll(async () => {
  world = await startCaseWorld();
  // 障がい者基幹相談支援センター refers someone to the 自立相談支援機関 without consent
  const taken = await as('disability').post<{ personId: string; householdId: string }>(
    '/api/consultations',
    consultation({
      newPerson: {
        familyName: '限定',
        givenName: '次郎',
        familyNameKana: 'ゲンテイ',
        givenNameKana: 'ジロウ',
        address: 'つなぐ市北山1-1',
        phones: ['090-1111-2222'],
        notes: '家族に知られたくない',
      },
      newHouseholdName: '限定さん世帯',
      outcome: 'refer_agency',
      shareConsent: 'not_given',
      referral: { toOrganisationId: world.orgIds.jiritsu, reason: '就労', actionsTaken: '聞き取り' },
    }),
  );
  expect(taken.status).toBe(201);
  hidden = { personId: taken.body.personId, householdId: taken.body.householdId };
});
afterAll(async () => {
  await world.server.close();
});

describe('someone already registered', () => {
  it('gets a new consultation only from an organisation that holds their record, never from a referral recipient', async () => {
    for (const shareConsent of ['not_given', 'given']) {
      const refused = await as('jiritsu').post<Refusal>(
        '/api/consultations',
        consultation({ ...hidden, shareConsent, consentMethod: shareConsent === 'given' ? 'oral' : null }),
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('NOT_RECORD_HOLDER');
    }
    const person = await as('jiritsu').get<{ contactHidden: boolean; address: string | null }>(
      `/api/people/${hidden.personId}`,
    );
    expect(person.body).toMatchObject({ contactHidden: true, address: null });
    // the organisation that registered them takes a new one
    expect((await as('disability').post('/api/consultations', consultation(hidden))).status).toBe(201);
  });

  it('is taken into a household they belong to, not any household the user can see', async () => {
    const own = await as('disability').post<{ personId: string; householdId: string }>(
      '/api/consultations',
      consultation({ newPerson: { familyName: '別世帯' }, newHouseholdName: '別世帯さん世帯' }),
    );
    const mixed = await as('disability').post<Refusal>(
      '/api/consultations',
      consultation({ personId: own.body.personId, householdId: hidden.householdId }),
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error?.code).toBe('NOT_A_MEMBER');
  });

  it('cannot have notes overwritten by someone who may not read them', async () => {
    const { version } = (await as('jiritsu').get<{ version: number }>(`/api/people/${hidden.personId}`)).body;
    const overwrite = await as('jiritsu').patch<Refusal>(`/api/people/${hidden.personId}`, {
      notes: '上書き',
      version,
    });
    expect(overwrite.status).toBe(409);
    expect(overwrite.body.error?.code).toBe('CONSENT_REQUIRED');
    const own = await as('disability').get<{ notes: string }>(`/api/people/${hidden.personId}`);
    expect(own.body.notes).toBe('家族に知られたくない');
  });
});

describe('merges', () => {
  it('undone in the middle of a chain give each record back to the one it was merged into', async () => {
    const register = async (givenName: string) =>
      (await as('houkatsu').post<{ id: string }>('/api/people', { familyName: '連鎖', givenName })).body.id;
    const [x, k, l] = [await register('一'), await register('二'), await register('三')];
    const merge = async (kept: string, merged: string) =>
      (await as('houkatsu').post<{ id: string }>(`/api/people/${kept}/merge`, { mergedPersonId: merged }))
        .body.id;
    await merge(k, x);
    const second = await merge(l, k);
    expect((await as('houkatsu').get<{ mergedIntoId: string }>(`/api/people/${x}`)).body.mergedIntoId).toBe(
      l,
    );
    expect((await as('houkatsu').post(`/api/people/merges/${second}/undo`)).status).toBe(200);
    expect((await as('houkatsu').get<{ mergedIntoId: string }>(`/api/people/${x}`)).body.mergedIntoId).toBe(
      k,
    );
    expect(
      (await as('houkatsu').get<{ mergedIntoId: string | null }>(`/api/people/${k}`)).body.mergedIntoId,
    ).toBeNull();
  });

  it('of another organisation answer an undo exactly like a merge that does not exist', async () => {
    const register = async (givenName: string) =>
      (await as('houkatsu').post<{ id: string }>('/api/people', { familyName: '他所', givenName })).body.id;
    const [a, b] = [await register('甲'), await register('乙')];
    const merged = await as('houkatsu').post<{ id: string }>(`/api/people/${a}/merge`, { mergedPersonId: b });
    const theirs = await as('child').post<Refusal>(`/api/people/merges/${merged.body.id}/undo`);
    const none = await as('child').post<Refusal>(`/api/people/merges/${crypto.randomUUID()}/undo`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(none.body);
  });
});

describe('a change that names no field', () => {
  it('changes nothing and fails nothing', async () => {
    const before = await as('admin').get<{ version: number; referralOverdueDays: number }>('/api/settings');
    const empty = await as('admin').patch<{ version: number }>('/api/settings', {
      version: before.body.version,
    });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(before.body);
  });
});
