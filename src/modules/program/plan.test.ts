import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { fiscalYearOf } from '../../shared/dates';
import { startProgramWorld } from '../../testing/program-world';
import type { TestClient } from '../../testing/test-client';

// 実施体制 and 年度計画 through real HTTP, as the program manager of a second municipality;
// the demo city's manager tries the same records.

type Err = { error?: { code: string } };
let server: RunningServer;
let manager: TestClient;
let demoManager: TestClient;
const P = fiscalYearOf(now()) - 3;

beforeAll(async () => {
  ({ server, manager, demoManager } = await startProgramWorld('132192'));
});
afterAll(async () => {
  await server.close();
});

describe('the programs as run and the five-year plan', () => {
  it('copies a year’s programs forward once', async () => {
    const made = await manager.post('/api/program/programs', {
      fiscalYear: P,
      functionCode: '2',
      name: '参加支援事業',
      field: 'cross',
      methods: ['commissioned'],
      operator: '社会福祉協議会',
      department: '地域福祉課',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const copied = await manager.post<{ programs: { name: string; fiscalYear: number }[] }>(
      '/api/program/programs/copy-forward',
      { fromYear: P, toYear: P + 1 },
    );
    expect(copied.status).toBe(200);
    expect(copied.body.programs.map((p) => [p.name, p.fiscalYear])).toEqual([['参加支援事業', P + 1]]);
    const twice = await manager.post<Err>('/api/program/programs/copy-forward', {
      fromYear: P,
      toYear: P + 1,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('YEAR_NOT_EMPTY');
  });

  type Plan = {
    plan: { id: string } | null;
    items: { id: string; years: { fiscalYear: number; version: number }[] }[];
  };
  it('writes a year of an item, refuses a year outside the plan and a stale cell', async () => {
    expect(
      (
        await manager.post<Plan>('/api/program/plan/items', {
          headingNo: 1,
          heading: 'x',
          label: 'ア',
          title: 'y',
        })
      ).status,
    ).toBe(400);
    const plan = await manager.post<Plan>('/api/program/plan', {
      title: '実施計画',
      firstYear: P,
      lastYear: P + 4,
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const item = await manager.post<Plan>('/api/program/plan/items', {
      headingNo: 3,
      heading: '参加支援の場づくりの取組',
      label: 'ア',
      title: '居場所の現状分析プロジェクト',
      indicatorKeys: ['participation.placed'],
    });
    const id = item.body.items[0]?.id ?? '';
    const cell = await manager.put<Plan>(`/api/program/plan/items/${id}/years/${P}`, {
      planned: '居場所の現状分析',
      progress: '12か所を訪問して整理した',
      evaluation: 'achieved',
    });
    expect(cell.status, JSON.stringify(cell.body)).toBe(200);
    const version = cell.body.items[0]?.years[0]?.version ?? 0;
    expect(
      (await manager.put(`/api/program/plan/items/${id}/years/${P}`, { progress: '更新', version })).status,
    ).toBe(200);
    expect(
      (await manager.put<Err>(`/api/program/plan/items/${id}/years/${P}`, { progress: '古い', version }))
        .status,
    ).toBe(409);
    const outside = await manager.put<Err>(`/api/program/plan/items/${id}/years/${P + 5}`, { planned: 'x' });
    expect(outside.body.error?.code).toBe('YEAR_OUTSIDE_PLAN');
    const foreign = await demoManager.put(`/api/program/plan/items/${id}/years/${P}`, {
      progress: '他市から',
    });
    expect(foreign.status).toBe(404);
  });
});
