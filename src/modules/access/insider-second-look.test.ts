import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../server/clock';
import { type CaseWorld, openWorldCase, startCaseWorld, today, type Who } from '../../testing/case-world';
import type { Session } from '../meetings/meetings.schemas';

// What a second insider review found after the first fixes: contact details opened by putting
// someone into one's own household, a meeting member later made administrator still reading
// packets, agenda items and notes changed after 資料配付 reaching attendees, merges undone by
// an organisation that only glimpses the record.

let world: CaseWorld;
let caseId = '';
let personId = '';
const as = (who: Who) => world.as(who);

beforeAll(async () => {
  world = await startCaseWorld();
  caseId = await openWorldCase(world);
  // 障がい者基幹相談支援センター refers someone to こども家庭センター without consent
  const taken = await as('disability').post<{ personId: string }>('/api/consultations', {
    receivedAt: `${today()}T09:00:00+09:00`,
    channel: 'phone',
    broughtBy: 'self',
    newPerson: {
      familyName: '秘匿',
      givenName: 'ハナ',
      familyNameKana: 'ヒトク',
      givenNameKana: 'ハナ',
      address: 'シェルター（非公開）',
      phones: ['090-0000-1234'],
      notes: '加害者に居場所を知られないこと',
    },
    mainComplaint: '相談',
    outcome: 'refer_agency',
    shareConsent: 'not_given',
    referral: {
      toOrganisationId: await orgId('つなぐ市こども家庭センター'),
      reason: '子育て',
      actionsTaken: '聞き取り',
    },
  });
  expect(taken.status).toBe(201);
  personId = taken.body.personId;
});
afterAll(async () => {
  await world.server.close();
});

async function orgId(name: string) {
  const orgs = await as('coordinator').get<{ organisations: { id: string; name: string }[] }>(
    '/api/organisations',
  );
  return orgs.body.organisations.find((o) => o.name === name)?.id ?? '';
}

describe('contact details', () => {
  it('stay hidden when a recipient tries to put the person into a household of its own', async () => {
    // refused outright since the fourth review (the copy would outlive the referral)
    const made = await as('child').post<{ error?: { code: string } }>('/api/households', {
      name: 'でっちあげ世帯',
      members: [{ personId, relation: '本人' }],
    });
    expect(made.status).toBe(403);
    expect(made.body.error?.code).toBe('NOT_RECORD_HOLDER');
    const person = await as('child').get<{ address: string | null; notes: string | null }>(
      `/api/people/${personId}`,
    );
    expect(person.body).toMatchObject({ address: null, notes: null });
    const byPhone = await as('child').get<{ people: unknown[] }>('/api/people?phone=09000001234');
    expect(byPhone.body.people).toEqual([]);
  });

  it('are not opened by a consent recorded from an anonymous consultation', async () => {
    const pretext = await as('child').post<{ error?: { details?: { path: string }[] } }>(
      '/api/consultations',
      {
        receivedAt: `${today()}T10:00:00+09:00`,
        channel: 'phone',
        broughtBy: 'anonymous',
        personId,
        mainComplaint: '口実',
        outcome: 'info_only',
        shareConsent: 'given',
        consentMethod: 'oral',
      },
    );
    expect(pretext.status).toBe(400);
    expect(pretext.body.error?.details?.[0]?.path).toBe('shareConsent');
  });
});

describe('merges', () => {
  it('are undone only by an organisation that registered a record or fully sees both', async () => {
    const twin = await as('disability').post<{ id: string }>('/api/people', {
      familyName: '秘匿',
      givenName: 'はな',
    });
    const merged = await as('disability').post<{ id: string }>(`/api/people/${personId}/merge`, {
      mergedPersonId: twin.body.id,
    });
    expect(merged.status).toBe(200);
    // こども家庭センター sees the person through its referral, without their contact details
    expect((await as('child').post(`/api/people/merges/${merged.body.id}/undo`)).status).toBe(404);
    expect((await as('disability').post(`/api/people/merges/${merged.body.id}/undo`)).status).toBe(200);
  });
});

describe('meetings', () => {
  let sessionId = '';
  const lawyerView = () => as('lawyer').get<Session>(`/api/meetings/sessions/${sessionId}`);

  beforeAll(async () => {
    const bodies = await as('coordinator').get<{ items: { id: string; name: string }[] }>(
      '/api/meetings/bodies',
    );
    const created = await as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
      bodyId: bodies.body.items.find((b) => b.name === '支援会議（法第106条の6）')?.id,
      startsAt: new Date(now().getTime() - 60_000).toISOString(),
    });
    sessionId = created.body.id;
    const staff = await as('coordinator').get<{ staff: { id: string; name: string }[] }>(
      '/api/meetings/bodies/staff',
    );
    const lawyerId = staff.body.staff.find((s) => s.name === '石井 弁護士')?.id;
    const guest = await as('coordinator').post<Session>(`/api/meetings/sessions/${sessionId}/attendees`, {
      userId: lawyerId,
    });
    const attendee = guest.body.attendees.find((a) => a.userId === lawyerId);
    await as('coordinator').patch(`/api/meetings/sessions/${sessionId}/attendees/${attendee?.id}`, {
      confidentialityNotifiedOn: today(),
    });
    await as('coordinator').post(`/api/meetings/sessions/${sessionId}/items`, {
      kind: 'case',
      caseId,
      notes: '配付した記録',
    });
    expect((await as('coordinator').post(`/api/meetings/sessions/${sessionId}/prepare`)).status).toBe(200);
  });

  it('show attendees the agenda as handed out: no later items, no later notes', async () => {
    const session = await as('coordinator').get<Session>(`/api/meetings/sessions/${sessionId}`);
    const itemId = session.body.items[0]?.id;
    const rewritten = await as('coordinator').patch(`/api/meetings/sessions/${sessionId}/items/${itemId}`, {
      notes: '配付後に書き換え',
      version: session.body.items[0]?.version,
    });
    expect(rewritten.status).toBe(200);
    await as('coordinator').post(`/api/meetings/sessions/${sessionId}/items`, {
      kind: 'topic',
      topicKind: 'regional_issue',
      title: '配付後に加えた議題',
    });
    const seen = await lawyerView();
    expect(seen.body.items.map((i) => i.notes)).toEqual(['配付した記録']);
    const packet = await as('lawyer').get<{ notes: string | null }>(
      `/api/meetings/sessions/${sessionId}/packets/${caseId}`,
    );
    expect(packet.body.notes).toBe('配付した記録');
    // handed out again, the attendees see what stands now
    await as('coordinator').post(`/api/meetings/sessions/${sessionId}/prepare`);
    expect((await lawyerView()).body.items).toHaveLength(2);
  });

  it('close to a member who now wears an administrator role', async () => {
    const lawyer = await as('lawyer').get<{ user: { id: string } }>('/api/auth/session');
    const organisation = await orgId('つなぐ市 福祉部 地域福祉課');
    const granted = await as('admin').post<{ memberships: { id: string; role: string }[] }>(
      `/api/admin/users/${lawyer.body.user.id}/memberships`,
      { organisationId: organisation, role: 'administrator' },
    );
    expect(granted.status).toBe(201);
    const membership = granted.body.memberships.find((m) => m.role === 'administrator');
    expect(
      (await as('lawyer').put('/api/auth/session/membership', { membershipId: membership?.id })).status,
    ).toBe(200);
    expect((await lawyerView()).status).toBe(404);
    expect((await as('lawyer').get(`/api/meetings/sessions/${sessionId}/packets/${caseId}`)).status).toBe(
      404,
    );
  });
});
