import { expect } from 'vitest';
import { type CaseWorld, today, type Who } from '../testing/case-world';
import type { Json, PatchCase } from '../testing/patch-case';

// The 地域づくり records of the PATCH test: made once, then each PATCH route's case.

type Ids = {
  area: string;
  network: string;
  training: string;
  issue: string;
  project: string;
  operator: string;
};

export async function setUpCommunityRecords(as: CaseWorld['as'], areaId: string) {
  const ids = { network: '', training: '', issue: '', project: '' };
  const area = { id: areaId };
  const network = await as('community').post<Json>('/api/community/networks', { name: '試験ネットワーク' });
  expect(network.status, JSON.stringify(network.body)).toBe(200);
  ids.network = network.body.id as string;
  const training = await as('community').post<Json>('/api/community/trainings', {
    title: '試験研修',
    heldOn: '2025-10-01',
    scope: 'internal',
    audiences: ['staff'],
    organiser: '地域福祉課',
    participantsTotal: 30,
  });
  expect(training.status, JSON.stringify(training.body)).toBe(200);
  ids.training = training.body.id as string;
  const raise = (title: string) =>
    as('coordinator').post<Json>('/api/community/issues', {
      title,
      description: '試験の地域課題',
      source: 'observation',
      raisedOn: today(),
    });
  ids.issue = (await raise('試験の地域課題')).body.id as string;
  const discussed = await raise('プロジェクトになる課題');
  await as('coordinator').post(`/api/community/issues/${discussed.body.id}/moves`, {
    version: discussed.body.version,
    to: 'under_discussion',
    on: today(),
    body: '多機関協働推進委員会',
  });
  const project = await as('community').post<Json>('/api/community/projects', {
    title: '試験プロジェクト',
    aim: '試験',
    startsOn: today(),
    issueIds: [discussed.body.id],
  });
  expect(project.status, JSON.stringify(project.body)).toBe(200);
  ids.project = project.body.id as string;
  const profile = await as('community').patch<Json>(`/api/community/areas/${area.id}/profiles/2030`, {
    version: null,
  });
  expect(profile.status, JSON.stringify(profile.body)).toBe(200);
  return ids;
}

export const communityPatchCases = (
  ids: Ids,
  get: (who: Who, path: string) => Promise<Json>,
): Record<string, PatchCase> => ({
  'patch /api/community/networks/{id}': {
    who: 'community',
    path: () => `/api/community/networks/${ids.network}`,
    read: () => get('community', `/api/community/networks/${ids.network}`),
    values: { name: '試験ネットワーク（北部）', description: '北部の団体のつながり' },
  },
  'patch /api/community/trainings/{id}': {
    who: 'community',
    path: () => `/api/community/trainings/${ids.training}`,
    read: () => get('community', `/api/community/trainings/${ids.training}`),
    values: {
      title: '試験研修（第2回）',
      heldOn: today(),
      scope: 'external',
      audiences: ['residents', 'professionals'],
      organiser: '社会福祉協議会',
      topics: ['community'],
      participantsByOrganisation: [{ organisation: '地域福祉課', count: 5 }],
      participantsTotal: 40,
      materials: '研修資料（共有フォルダ）',
      notes: '次回は夜間に開く',
    },
  },
  'patch /api/community/issues/{id}': {
    who: 'community',
    path: () => `/api/community/issues/${ids.issue}`,
    read: () => get('community', `/api/community/issues/${ids.issue}`),
    values: {
      title: '試験の地域課題（改）',
      description: '内容を改めた',
      areaIds: () => [ids.area],
      issueCodes: ['isolation'],
    },
    alsoChanges: { areaIds: ['areas', 'evidence'], issueCodes: ['issues', 'evidence'] },
  },
  'patch /api/community/projects/{id}': {
    who: 'community',
    path: () => `/api/community/projects/${ids.project}`,
    read: () => get('community', `/api/community/projects/${ids.project}`),
    values: {
      title: '試験プロジェクト（改）',
      aim: 'ねらいを改めた',
      leadOperatorId: () => ids.operator,
      status: 'active',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
      outcomes: '居場所が1か所できた',
    },
    alsoChanges: { leadOperatorId: ['lead'] },
  },
  'patch /api/community/areas/{id}/profiles/{fiscalYear}': {
    who: 'community',
    path: () => `/api/community/areas/${ids.area}/profiles/2030`,
    read: async () =>
      (await get('community', `/api/community/areas/${ids.area}?fiscalYear=2030`)).profile as Json,
    values: {
      population: 8000,
      households: 3600,
      aged65: 2400,
      aged75: 1300,
      singleElderlyHouseholds: 420,
      children: 900,
      associationRate: 61.5,
      extraFigures: [{ label: '外国籍住民数', value: 120, unit: '人' }],
      strengths: '見守りが盛ん',
      issues: '団地の高齢化',
      vision: 'だれもが立ち寄れる地区',
    },
  },
});
