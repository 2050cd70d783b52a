import { expect } from 'vitest';
import type { CaseWorld, Who } from '../testing/case-world';
import type { Json, PatchCase } from '../testing/patch-case';

// The 事業管理 records of the PATCH test: a program, a target, the plan and one of its items.

type ProgramIds = { program: string; target: string; plan: string; planItem: string };
const YEAR = 2031;

export async function setUpProgramRecords(as: CaseWorld['as']): Promise<ProgramIds> {
  const program = await as('manager').post<Json>('/api/program/programs', {
    fiscalYear: YEAR,
    functionCode: '2',
    name: '試験の参加支援事業',
    methods: ['commissioned'],
  });
  expect(program.status, JSON.stringify(program.body)).toBe(200);
  const target = await as('manager').post<Json>('/api/program/targets', {
    fiscalYear: YEAR,
    indicatorKey: 'cases.reviewed',
    target: 6,
  });
  expect(target.status, JSON.stringify(target.body)).toBe(200);
  const current = await as('manager').get<{ plan: Json | null }>('/api/program/plan');
  if (!current.body.plan)
    await as('manager').post('/api/program/plan', { title: '試験計画', firstYear: 2026, lastYear: 2030 });
  const item = await as('manager').post<{ plan: Json; items: Json[] }>('/api/program/plan/items', {
    headingNo: 9,
    heading: '試験の見出し',
    label: 'ア',
    title: '試験の取組',
  });
  expect(item.status, JSON.stringify(item.body)).toBe(200);
  const made = item.body.items.find((i) => i.title === '試験の取組');
  return {
    program: program.body.id as string,
    target: target.body.id as string,
    plan: item.body.plan.id as string,
    planItem: (made?.id as string) ?? '',
  };
}

export const programPatchCases = (
  ids: ProgramIds,
  get: (who: Who, path: string) => Promise<Json>,
): Record<string, PatchCase> => {
  const program = async () => {
    const list = (await get('manager', `/api/program/programs?fiscalYear=${YEAR}`)) as { programs: Json[] };
    return list.programs.find((p) => p.id === ids.program) ?? {};
  };
  const target = async () => {
    const results = (await get('manager', `/api/program/results?fiscalYear=${YEAR}`)) as {
      indicators: Json[];
    };
    const found = results.indicators.find((i) => i.targetId === ids.target);
    const t = (found?.target ?? {}) as Json;
    return { target: t.value, note: t.note, version: t.version };
  };
  const plan = async () => ((await get('manager', '/api/program/plan')) as { plan: Json }).plan;
  const planItem = async () => {
    const view = (await get('manager', '/api/program/plan')) as { items: Json[] };
    return view.items.find((i) => i.id === ids.planItem) ?? {};
  };
  return {
    'patch /api/program/programs/{id}': {
      who: 'manager',
      path: () => `/api/program/programs/${ids.program}`,
      read: program,
      values: {
        functionCode: '4',
        name: '試験のアウトリーチ事業',
        field: 'cross',
        description: '見守りからの情報でつながる',
        methods: ['direct', 'subsidy'],
        operator: '社会福祉協議会',
        agencies: '総合相談窓口',
        agencyCount: 2,
        department: '地域福祉課',
        staffing: 'CSW 1人',
        position: 3,
      },
    },
    'patch /api/program/targets/{id}': {
      who: 'manager',
      path: () => `/api/program/targets/${ids.target}`,
      read: target,
      values: { target: 8, note: '実施計画の成果目標' },
    },
    'patch /api/program/plan/{id}': {
      who: 'manager',
      path: () => `/api/program/plan/${ids.plan}`,
      read: plan,
      values: { title: '重層的支援体制整備事業実施計画（改定）', firstYear: 2025, lastYear: 2029 },
    },
    'patch /api/program/plan/items/{id}': {
      who: 'manager',
      path: () => `/api/program/plan/items/${ids.planItem}`,
      read: planItem,
      values: {
        headingNo: 8,
        heading: '試験の見出し（改）',
        label: 'イ',
        title: '試験の取組（改）',
        position: 5,
        indicatorKeys: ['cases.reviewed'],
      },
    },
  };
};

export const PROGRAM_VERSIONED = [
  'patch /api/program/programs/{id}',
  'patch /api/program/targets/{id}',
  'patch /api/program/plan/{id}',
  'patch /api/program/plan/items/{id}',
];
