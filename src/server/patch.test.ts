import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, caseAwaitingDecision, startCaseWorld, today, type Who } from '../testing/case-world';
import { type OpenApiDocument, walkOperations } from '../testing/openapi-walk';
import { inList, type Json, type PatchCase } from '../testing/patch-case';
import { communityPatchCases, setUpCommunityRecords } from './patch-cases.community';
import { meetingPatchCases } from './patch-cases.meetings';
import { PROGRAM_VERSIONED, programPatchCases, setUpProgramRecords } from './patch-cases.program';

// PATCH changes only what is sent. Every PATCH route of the OpenAPI document has a case here
// (a new route without one fails the first test); for each field of its body, one request
// sends only that field, and every other field of the record must read back unchanged.

let world: CaseWorld;
const programIds = { program: '', target: '', plan: '', planItem: '' };
const ids = {
  person: '',
  area: '',
  organisation: '',
  user: '',
  body: '',
  member: '',
  session: '',
  item: '',
  attendee: '',
  record: '',
  outreachStaff: '',
  operator: '',
  otherOperator: '',
  resource: '',
  support: '',
  network: '',
  training: '',
  issue: '',
  project: '',
};

const get = async (who: Who, path: string) => {
  const response = await world.as(who).get<Json>(path);
  expect(response.status, path).toBe(200);
  return response.body;
};

beforeAll(async () => {
  world = await startCaseWorld();
  const as = world.as;
  const caseId = await caseAwaitingDecision(world);
  const household = await get('houkatsu', `/api/households/${world.householdId}`);
  ids.person = (((household.members as Json[])[0] as Json).person as Json).id as string;

  const areas = (await get('admin', '/api/areas')).areas as Json[];
  const city = areas.find((a) => a.parentId === null) as Json;
  const area = await as('admin').post<Json>('/api/areas', {
    name: '試験地区',
    parentId: city.id,
    sortOrder: 5,
  });
  ids.area = area.body.id as string;
  const org = await as('admin').post<Json>('/api/organisations', {
    name: '試験相談所',
    kind: 'other',
    phone: '06-0000-0000',
    fields: ['elderly'],
  });
  ids.organisation = org.body.id as string;
  const user = await as('admin').post<Json>('/api/admin/users', {
    loginId: 'patch-test-user',
    displayName: '試験 花子',
    displayNameKana: 'シケン ハナコ',
    password: 'a-long-password-123',
  });
  ids.user = user.body.id as string;

  const bodies = (await get('coordinator', '/api/meetings/bodies')).items as Json[];
  const body = bodies.find((b) => b.name === '重層的支援会議') as Json;
  ids.body = body.id as string;
  const outsideMember = await as('coordinator').post<Json>(`/api/meetings/bodies/${ids.body}/members`, {
    name: '外部 太郎',
    affiliation: '保護司会',
  });
  ids.member = outsideMember.body.id as string;
  const session = await as('coordinator').post<Json>('/api/meetings/sessions', {
    bodyId: ids.body,
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    place: '市役所 3階 会議室',
  });
  ids.session = session.body.id as string;
  const withItem = await as('coordinator').post<Json>(`/api/meetings/sessions/${ids.session}/items`, {
    kind: 'case',
    caseId,
    notes: '家計の状況を共有する',
  });
  ids.item = ((withItem.body.items as Json[])[0] as Json).id as string;
  ids.attendee = ((withItem.body.attendees as Json[])[0] as Json).id as string;

  const report = await as('houkatsu').post('/api/outreach/reports', {
    receivedOn: today(),
    reporterKind: 'neighbour',
    location: '桜台3丁目',
    observed: '夜になっても明かりがつかず、郵便物がたまっている。',
    risk: 'normal',
  });
  expect(report.status, JSON.stringify(report.body)).toBe(201);
  const records = (await get('outreach', '/api/outreach/records')).records as Json[];
  ids.record = (records[0] as Json).id as string;
  const staff = (await get('outreach', '/api/outreach/staff')).staff as Json[];
  ids.outreachStaff = (staff[0] as Json).id as string;

  const operators = (await get('community', '/api/resources/operators')).operators as Json[];
  ids.operator = (operators[0] as Json).id as string;
  ids.otherOperator = (operators[1] as Json).id as string;
  const resource = await as('community').post<Json>('/api/resources', {
    operatorId: ids.operator,
    name: '試験の居場所',
    kinds: ['ibasho'],
  });
  expect(resource.status, JSON.stringify(resource.body)).toBe(200);
  ids.resource = resource.body.id as string;
  const members = (await get('coordinator', `/api/households/${world.householdId}`)).members as Json[];
  const support = await as('coordinator').post<Json>('/api/participation', {
    personId: ((members[0] as Json).person as Json).id,
    caseId,
    openedOn: today(),
  });
  expect(support.status, JSON.stringify(support.body)).toBe(200);
  ids.support = support.body.id as string;
  Object.assign(ids, await setUpCommunityRecords(as, ids.area));
  Object.assign(programIds, await setUpProgramRecords(as));
});
afterAll(async () => {
  await world.server.close();
});

const cases: Record<string, PatchCase> = {
  'patch /api/people/{id}': {
    who: 'houkatsu',
    path: () => `/api/people/${ids.person}`,
    read: () => get('houkatsu', `/api/people/${ids.person}`),
    values: {
      familyName: '松岡田',
      givenName: 'トメ子',
      familyNameKana: 'マツオカダ',
      givenNameKana: 'トメコ',
      birthDate: '1942-03-03',
      birthYear: 1942,
      ageBand: '75+',
      gender: '女性',
      address: 'つなぐ市桜台3-1-2',
      phones: ['090-1111-2222'],
      preferredLanguage: '日本語',
      notes: '耳が遠いので、ゆっくり話す。',
      isDeceased: true,
      deceasedOn: today(),
    },
  },
  'patch /api/organisations/{id}': {
    who: 'admin',
    path: () => `/api/organisations/${ids.organisation}`,
    read: async () => inList((await get('admin', '/api/organisations')).organisations, ids.organisation),
    values: {
      name: '試験総合相談所',
      kind: 'community_general_support_center',
      functions: ['consult_elderly'],
      fields: ['elderly', 'disability'],
      areaId: () => ids.area,
      phone: '06-1111-1111',
      contactPerson: '試験 担当',
      isActive: false,
    },
  },
  'patch /api/areas/{id}': {
    who: 'admin',
    path: () => `/api/areas/${ids.area}`,
    read: async () => inList((await get('admin', '/api/areas')).areas, ids.area),
    values: { name: '試験北地区', sortOrder: 7 },
  },
  'patch /api/admin/users/{id}': {
    who: 'admin',
    path: () => `/api/admin/users/${ids.user}`,
    read: async () => inList((await get('admin', '/api/admin/users')).users, ids.user),
    values: { displayName: '試験 春子', displayNameKana: 'シケン ハルコ', isActive: false },
  },
  'patch /api/settings': {
    who: 'admin',
    path: () => '/api/settings',
    read: () => get('admin', '/api/settings'),
    values: {
      referralOverdueDays: 11,
      caseInactivityDays: 45,
      packetWindowDays: 21,
      outreachStaleDays: 50,
      backdateLimitDays: 3000,
      resourceVerifyDays: 400,
      publicDirectory: true,
    },
  },
  ...meetingPatchCases(ids, get, () => world.orgIds.jiritsu),
  'patch /api/outreach/records/{id}': {
    who: 'outreach',
    path: () => `/api/outreach/records/${ids.record}`,
    read: () => get('outreach', `/api/outreach/records/${ids.record}`),
    values: {
      label: '桜台3丁目の明かりのつかない家',
      location: '桜台3丁目5番',
      areaId: () => ids.area,
      risk: 'high',
      assigneeIds: () => [ids.outreachStaff],
    },
    alsoChanges: { areaId: ['areaName'], assigneeIds: ['assignees'] },
  },
  'patch /api/resources/{id}': {
    who: 'community',
    path: () => `/api/resources/${ids.resource}`,
    read: () => get('community', `/api/resources/${ids.resource}`),
    values: {
      operatorId: () => ids.otherOperator,
      name: '試験の居場所（火曜）',
      kinds: ['ibasho', 'salon'],
      description: 'お茶を飲みながら過ごせる場',
      areaId: () => ids.area,
      address: 'つなぐ市北山1-2-3',
      schedule: [{ weekday: 2, opens: '13:00', closes: '16:00' }],
      irregular: true,
      scheduleNote: '第2・第4週のみ',
      forEveryone: false,
      ageMin: 20,
      ageMax: 60,
      targetAttributes: ['youth'],
      activities: ['talk'],
      free: false,
      costNote: '100円',
      accessibility: '段差なし',
      contactName: '受付担当',
      contactPhone: '06-1111-2222',
      contactEmail: 'ibasho@example.jp',
      receivingSupport: '初回は職員が付き添う',
      capacity: 10,
      placesFree: 2,
      status: 'paused',
    },
    alsoChanges: { operatorId: ['operatorName'], areaId: ['areaName'] },
  },
  'patch /api/participation/{id}': {
    who: 'coordinator',
    path: () => `/api/participation/${ids.support}`,
    read: () => get('coordinator', `/api/participation/${ids.support}`),
    values: {
      wishes: ['place', 'friends'],
      inTheirWords: '話せる場所がほしい',
      weekdays: [1, 3],
      timesOfDay: ['afternoon'],
      areaId: () => ids.area,
      reach: 'same_area',
      companion: '母',
      health: '腰痛あり',
      anxieties: '人が多いところ',
      strengths: '料理',
      interests: '園芸',
      onlyFree: true,
    },
    alsoChanges: { areaId: ['areaName'] },
  },
  ...communityPatchCases(ids, get),
  ...programPatchCases(programIds, get),
};

/** Keys that change with any write. */
const VOLATILE = ['updatedAt', 'version', 'updatedBy'];

/** Records two people may edit at once: a change names the version it was made to. */
const VERSIONED = [
  'patch /api/people/{id}',
  'patch /api/organisations/{id}',
  'patch /api/meetings/bodies/{id}/members/{childId}',
  'patch /api/settings',
  'patch /api/meetings/sessions/{id}',
  'patch /api/meetings/sessions/{id}/items/{itemId}',
  'patch /api/outreach/records/{id}',
  'patch /api/resources/{id}',
  'patch /api/participation/{id}',
  'patch /api/community/networks/{id}',
  'patch /api/community/trainings/{id}',
  'patch /api/community/issues/{id}',
  'patch /api/community/projects/{id}',
  'patch /api/community/areas/{id}/profiles/{fiscalYear}',
  ...PROGRAM_VERSIONED,
];

const without = (record: Json, keys: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

describe('PATCH changes only what is sent', () => {
  it('every PATCH route of the API is covered here, with a value for every field of its body', async () => {
    const doc = (await world.as('admin').get<OpenApiDocument>('/api/openapi.json')).body;
    const patches = walkOperations(doc).filter((op) => op.method === 'PATCH');
    expect(patches.map((op) => `patch ${op.path}`).sort()).toEqual(Object.keys(cases).sort());
    for (const op of patches) {
      const fields = op.bodyFields.filter((field) => field !== 'version');
      expect(Object.keys(cases[`patch ${op.path}`]?.values ?? {}).sort(), op.path).toEqual(fields.sort());
    }
  });

  for (const [route, patchCase] of Object.entries(cases)) {
    it(`${route}: each field alone, and nothing else moves`, async () => {
      let before = await patchCase.read();
      for (const [field, raw] of Object.entries(patchCase.values)) {
        const value = typeof raw === 'function' ? raw() : raw;
        const version = VERSIONED.includes(route) ? { version: before.version } : {};
        const response = await world
          .as(patchCase.who)
          .patch<{ error?: { message: string } }>(patchCase.path(), { [field]: value, ...version });
        expect(response.status, `${field}: ${response.body.error?.message}`).toBe(200);
        const after = await patchCase.read();
        const moved = [field, ...(patchCase.alsoChanges?.[field] ?? []), ...VOLATILE];
        expect(without(after, moved), `sending only ${field}`).toEqual(without(before, moved));
        expect(after[field] ?? after[patchCase.alsoChanges?.[field]?.[0] ?? field], field).not.toEqual(
          before[field] ?? before[patchCase.alsoChanges?.[field]?.[0] ?? field],
        );
        before = after;
      }
    });
  }
});

describe('no silent last write wins', () => {
  it('the records people edit together carry a version, and a change must name it', async () => {
    const doc = (await world.as('admin').get<OpenApiDocument>('/api/openapi.json')).body;
    const withVersion = walkOperations(doc)
      .filter((op) => op.method === 'PATCH' && op.bodyFields.includes('version'))
      .map((op) => `patch ${op.path}`);
    expect(withVersion.sort()).toEqual([...VERSIONED].sort());
    const unversioned = await world
      .as('houkatsu')
      .patch<{ error?: { code: string } }>(`/api/people/${ids.person}`, {
        notes: '版なしの変更',
      });
    expect(unversioned.status).toBe(400);
  });

  for (const route of VERSIONED) {
    it(`${route}: a change to a version someone has since saved over is refused, naming them`, async () => {
      const patchCase = cases[route] as PatchCase;
      const [field, raw] = Object.entries(patchCase.values)[0] as [string, unknown];
      const value = typeof raw === 'function' ? raw() : raw;
      const read = await patchCase.read();
      // a colleague saves first
      const first = await world
        .as(patchCase.who)
        .patch(patchCase.path(), { [field]: value, version: read.version });
      expect(first.status).toBe(200);
      const saved = await patchCase.read();
      expect(saved.version).toBe((read.version as number) + 1);
      // then the second change, made to the version read before, is refused and changes nothing
      const stale = await world
        .as(patchCase.who)
        .patch<{ error?: { code: string; message: string; details: { changedBy: string } } }>(
          patchCase.path(),
          {
            [field]: value,
            version: read.version,
          },
        );
      expect(stale.status).toBe(409);
      expect(stale.body.error?.code).toBe('STALE_RECORD');
      expect(stale.body.error?.message).toMatch(/画面を開いた後に.+さんが変更しました（令和\d+年/);
      expect(stale.body.error?.details.changedBy).toBeTruthy();
      expect(await patchCase.read()).toEqual(saved);
    });
  }
});
