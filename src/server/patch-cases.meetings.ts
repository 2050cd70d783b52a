import { today, type Who } from '../testing/case-world';
import { inList, type Json, type PatchCase } from '../testing/patch-case';

// The meetings' PATCH routes of the PATCH test: a member of a body, a session, its attendee
// and an agenda item, all made in the test's set-up.

type Ids = { body: string; member: string; session: string; attendee: string; item: string };

export const meetingPatchCases = (
  ids: Ids,
  get: (who: Who, path: string) => Promise<Json>,
  jiritsu: () => string,
): Record<string, PatchCase> => ({
  'patch /api/meetings/bodies/{id}/members/{childId}': {
    who: 'coordinator',
    path: () => `/api/meetings/bodies/${ids.body}/members/${ids.member}`,
    read: async () =>
      inList(inList((await get('coordinator', '/api/meetings/bodies')).items, ids.body).members, ids.member),
    values: {
      name: '試験 構成員',
      affiliation: '試験保護司会',
      title: '会長',
      confidentialityNotifiedOn: '2026-04-01',
      leftOn: today(),
    },
  },
  'patch /api/meetings/sessions/{id}': {
    who: 'coordinator',
    path: () => `/api/meetings/sessions/${ids.session}`,
    read: () => get('coordinator', `/api/meetings/sessions/${ids.session}`),
    values: {
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      place: '保健福祉センター 2階',
      online: true,
      minutes: '家計の見通しについて協議した。',
    },
  },
  'patch /api/meetings/sessions/{id}/attendees/{childId}': {
    who: 'coordinator',
    path: () => `/api/meetings/sessions/${ids.session}/attendees/${ids.attendee}`,
    read: async () =>
      inList((await get('coordinator', `/api/meetings/sessions/${ids.session}`)).attendees, ids.attendee),
    values: { confidentialityNotifiedOn: '2026-05-01' },
  },
  'patch /api/meetings/sessions/{id}/items/{itemId}': {
    who: 'coordinator',
    path: () => `/api/meetings/sessions/${ids.session}/items/${ids.item}`,
    read: async () =>
      inList((await get('coordinator', `/api/meetings/sessions/${ids.session}`)).items, ids.item),
    values: {
      notes: '家賃の分納について話し合った。',
      proposedOrganisationIds: () => [jiritsu()],
    },
    alsoChanges: { proposedOrganisationIds: ['proposedOrganisations'] },
  },
});
