import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';

type Area = { id: string; parentId: string | null; level: string; name: string };

import type { Organisation } from './organisations.schemas';

let server: RunningServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url, 'demo-admin');
});
afterAll(() => server.close());

describe('demo municipality', () => {
  it('has 市 > 4 日常生活圏域 > 地区 and the organisations of the seeds', async () => {
    const areas = (await admin.get<{ areas: Area[] }>('/api/areas')).body.areas;
    const city = areas.filter((a) => a.level === 'city');
    expect(city).toHaveLength(1);
    const zones = areas.filter((a) => a.level === 'zone');
    expect(zones).toHaveLength(4);
    expect(zones.every((z) => z.parentId === city[0]?.id)).toBe(true);
    expect(areas.filter((a) => a.level === 'district').length).toBeGreaterThanOrEqual(8);

    const orgs = (
      await admin.get<{ organisations: (Organisation & { kind: string })[] }>('/api/organisations')
    ).body.organisations;
    expect(orgs.filter((o) => o.kind === 'community_general_support_center')).toHaveLength(4);
    for (const kind of [
      'disability_consultation_center',
      'child_family_center',
      'self_reliance_support',
      'social_welfare_council',
      'municipal_department',
      'law_office',
    ]) {
      expect(orgs.some((o) => o.kind === kind)).toBe(true);
    }
    expect(orgs.filter((o) => o.kind === 'npo')).toHaveLength(2);
    const shakyo = orgs.find((o) => o.kind === 'social_welfare_council');
    expect(shakyo?.functions).toEqual(expect.arrayContaining(['outreach', 'multi_agency', 'support_plan']));
  });
});

describe('organisations', () => {
  it('lets the administrator register, edit and stop an organisation', async () => {
    const created = await admin.post<Organisation>('/api/organisations', {
      name: '居住支援法人 すまいネット',
      kind: 'npo',
      functions: ['participation'],
      fields: ['housing'],
      phone: '0120-123-456',
    });
    expect(created.status).toBe(201);
    const edited = await admin.patch<Organisation>(`/api/organisations/${created.body.id}`, {
      fields: ['housing', 'poverty'],
      version: created.body.version,
    });
    expect(edited.body.fields).toEqual(['housing', 'poverty']);
    const stopped = await admin.patch<Organisation>(`/api/organisations/${created.body.id}`, {
      isActive: false,
      version: edited.body.version,
    });
    expect(stopped.body.isActive).toBe(false);
  });

  it('lets front-line staff read the directory but not change it', async () => {
    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    expect((await coordinator.get('/api/organisations')).status).toBe(200);
    expect((await coordinator.post('/api/organisations', { name: '勝手な機関', kind: 'npo' })).status).toBe(
      403,
    );
    expect((await coordinator.post('/api/areas', { name: '勝手な地区', parentId: null })).status).toBe(403);
  });

  it('answers wrong input with 400 and Japanese messages naming the problem', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', kind: 'npo' }, '機関名を入力してください。'],
      [{ name: '機関', kind: 'hospital' }, 'kind'],
      [{ name: '機関', kind: 'npo', functions: ['第7号'] }, 'functions'],
      [{ name: '機関', kind: 'npo', phone: 'call me' }, '電話番号は数字とハイフンで入力してください。'],
      [{ name: 42, kind: 'npo' }, 'name'],
      [{ name: '機関', kind: 'npo', secret: true }, 'secret'],
    ];
    for (const [body, expected] of cases) {
      const response = await admin.post('/api/organisations', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect(JSON.stringify(response.body)).toContain(expected);
    }
  });
});

describe('areas', () => {
  it('builds the three levels and refuses a fourth or a second city', async () => {
    const areas = (await admin.get<{ areas: Area[] }>('/api/areas')).body.areas;
    const zone = areas.find((a) => a.level === 'zone');
    const district = await admin.post<Area>('/api/areas', { name: '新町地区', parentId: zone?.id });
    expect(district.status).toBe(201);
    expect(district.body.level).toBe('district');
    const tooDeep = await admin.post('/api/areas', { name: '新町一丁目', parentId: district.body.id });
    expect(tooDeep.status).toBe(409);
    expect(tooDeep.body).toMatchObject({ error: { code: 'AREA_TOO_DEEP' } });
    const secondCity = await admin.post('/api/areas', { name: '第二の市', parentId: null });
    expect(secondCity.status).toBe(409);
    const renamed = await admin.patch<Area>(`/api/areas/${district.body.id}`, { name: '新町・本町地区' });
    expect(renamed.body.name).toBe('新町・本町地区');
  });
});
