import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { type ApiResponse, loggedIn, TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import { DEMO_TENANT } from '../demo/demo.city';
import { districtsOf, makeResource, standardValidator, startOtherCity } from './directory.fixtures';
import type { HsdsService } from './hsds.types';
import type { PublicDirectory } from './public-directory.schemas';
import type { Resource } from './resources.schemas';

// The directory without login: published only when the municipality says so, only active
// resources, nothing about people and no capacity beyond 受け入れ可／要相談.

let server: RunningServer;
let admin: TestClient;
let keeper: TestClient;
const visitor = () => new TestClient(server.url);
const ids: Record<string, string> = {};
const base = `/api/public/${DEMO_TENANT.code}`;
type Err = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

async function setPublished(on: boolean) {
  const { version } = (await admin.get<{ version: number }>('/api/settings')).body;
  const saved = await admin.patch<{ publicDirectory: boolean }>('/api/settings', {
    publicDirectory: on,
    version,
  });
  expect(saved.status).toBe(200);
  expect(saved.body.publicDirectory).toBe(on);
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url, 'demo-admin');
  keeper = await loggedIn(server.url, 'demo-participation');
  const districts = await districtsOf(keeper);
  const sakura = districts.find((d) => d.name === '桜台地区');
  const common = { forEveryone: true, contactName: '担当 太郎', contactEmail: 'taro@example.jp' };
  const salon: Resource = await makeResource(keeper, '桜台町会', {
    ...common,
    name: '公開テストのサロン',
    kinds: ['salon'],
    areaId: sakura?.id,
    schedule: [{ weekday: 2, opens: '10:00', closes: '12:00' }],
    contactPhone: '03-5555-0001',
    capacity: 12,
    placesFree: 4,
  });
  const youth = await makeResource(keeper, '桜台町会', {
    ...common,
    name: '公開テストの若者の居場所',
    kinds: ['ibasho'],
    areaId: sakura?.id,
    forEveryone: false,
    ageMin: 15,
    ageMax: 39,
    targetAttributes: ['youth'],
    irregular: true,
    placesFree: 0,
    capacity: 7,
  });
  const paused = await makeResource(keeper, '桜台町会', {
    name: '公開テストの休止中の場',
    kinds: ['salon'],
    status: 'paused',
  });
  Object.assign(ids, { salon: salon.id, youth: youth.id, paused: paused.id, sakura: sakura?.id });
});
afterAll(() => server.close());

describe('publishing the directory (自治体の設定)', () => {
  it('is off by default: the API answers 404 in Japanese, for anyone', async () => {
    const settings = await admin.get<{ publicDirectory: boolean; resourceVerifyDays: number }>(
      '/api/settings',
    );
    expect(settings.body).toMatchObject({ publicDirectory: false, resourceVerifyDays: 365 });
    for (const path of [`${base}/resources`, `${base}/hsds/services`, `${base}/hsds/services/${ids.salon}`]) {
      const response = await visitor().get<Err>(path);
      expect(response.status, path).toBe(404);
      expect(response.body.error).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/公開されていません/),
      });
    }
    expect((await visitor().get('/api/public/000000/resources')).status).toBe(404);
    expect((await visitor().get('/api/public/not-a-code/resources')).status).toBe(404);
  });

  it('only the administrator changes it; the days to verify stay between 30 and 3650', async () => {
    const { version } = (await admin.get<{ version: number }>('/api/settings')).body;
    expect((await keeper.patch('/api/settings', { publicDirectory: true, version })).status).toBe(403);
    for (const days of [29, 3651, 1.5]) {
      const refused = await admin.patch<Err>('/api/settings', { resourceVerifyDays: days, version });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details?.[0]?.path).toBe('resourceVerifyDays');
    }
    const saved = await admin.patch<{ resourceVerifyDays: number }>('/api/settings', {
      resourceVerifyDays: 180,
      version,
    });
    expect(saved.body.resourceVerifyDays).toBe(180);
  });
});

describe('the published directory', () => {
  beforeAll(() => setPublished(true));

  const list = async (query = '') => {
    const response: ApiResponse<PublicDirectory> = await visitor().get<PublicDirectory>(
      `${base}/resources${query}`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('lists active resources without login, with no person, e-mail or numbers of places', async () => {
    const directory = await list();
    expect(directory.municipality).toEqual(DEMO_TENANT);
    const names = directory.resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['公開テストのサロン', '公開テストの若者の居場所']));
    expect(names).not.toContain('公開テストの休止中の場');
    const salon = directory.resources.find((r) => r.id === ids.salon);
    expect(salon).toMatchObject({ phone: '03-5555-0001', availability: '受け入れ可', areaName: '桜台地区' });
    expect(directory.resources.find((r) => r.id === ids.youth)?.availability).toBe('要相談');
    const text = JSON.stringify(directory);
    for (const hidden of [
      '担当 太郎',
      'taro@example.jp',
      'capacity',
      'placesFree',
      'contactName',
      'receivingSupport',
    ])
      expect(text).not.toContain(hidden);
  });

  it('filters by area (with the areas under it), kind, weekday, target and age', async () => {
    const named = async (query: string) =>
      (await list(query)).resources.map((r) => r.name).filter((n) => n.startsWith('公開テスト'));
    expect(await named(`?areaId=${ids.sakura}`)).toEqual(['公開テストのサロン', '公開テストの若者の居場所']);
    expect(await named('?kind=ibasho')).toEqual(['公開テストの若者の居場所']);
    // Tuesday: the salon, and the irregular place (it may be open any day)
    expect((await named('?weekday=2')).sort()).toEqual(
      ['公開テストのサロン', '公開テストの若者の居場所'].sort(),
    );
    expect(await named('?weekday=4')).toEqual(['公開テストの若者の居場所']);
    // for young people: theirs, and the one for everyone
    expect((await named('?target=youth')).sort()).toEqual(
      ['公開テストのサロン', '公開テストの若者の居場所'].sort(),
    );
    expect(await named('?target=elderly')).toEqual(['公開テストのサロン']);
    expect(await named('?age=70')).toEqual(['公開テストのサロン']);
    const areas = await keeper.get<{ areas: { id: string; level: string }[] }>('/api/areas');
    const zone = areas.body.areas.find((a) => a.level === 'zone' && a.id !== ids.sakura);
    expect((await visitor().get(`${base}/resources?areaId=${zone?.id}`)).status).toBe(200);
  });

  it('refuses another municipality’s area and bad filters', async () => {
    const other = await startOtherCity(server, '132187', ['他市の地区']);
    const theirs = await other.admin.get<{ areas: { id: string; name: string }[] }>('/api/areas');
    const theirArea = theirs.body.areas.find((a) => a.name === '他市の地区');
    expect((await visitor().get(`${base}/resources?areaId=${theirArea?.id}`)).status).toBe(404);
    expect((await visitor().get(`${base}/resources?kind=casino`)).status).toBe(400);
    // the second municipality has not published: its code answers 404 even to its own staff
    expect((await other.keeper.get('/api/public/132187/resources')).status).toBe(404);
    // a logged-in visitor of another municipality reads the demo city's public page and stays itself
    expect((await other.keeper.get(`${base}/resources`)).status).toBe(200);
    const own = await other.keeper.get<{ resources: Resource[] }>('/api/resources');
    expect(own.status).toBe(200);
    expect(own.body.resources.map((r) => r.id)).not.toContain(ids.salon);
  });

  it('serves the HSDS API: paged services and one service, valid and public', async () => {
    const validate = standardValidator();
    const page = await visitor().get<{
      total_items: number;
      total_pages: number;
      page_number: number;
      size: number;
      first_page: boolean;
      last_page: boolean;
      empty: boolean;
      contents: HsdsService[];
    }>(`${base}/hsds/services?per_page=1&page=2`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page_number: 2, size: 1, first_page: false, empty: false });
    expect(page.body.total_pages).toBe(page.body.total_items);
    expect(page.body.contents[0]?.schedules).toBeUndefined();
    const full = await visitor().get<{ contents: HsdsService[]; total_items: number }>(
      `${base}/hsds/services?full=true&per_page=200`,
    );
    expect(full.body.contents.map((s) => s.status).every((s) => s === 'active')).toBe(true);
    expect(full.body.contents.flatMap((s) => validate('service.json', s))).toEqual([]);
    expect(full.body.contents.map((s) => s.name)).not.toContain('公開テストの休止中の場');
    const one = await visitor().get<HsdsService>(`${base}/hsds/services/${ids.salon}`);
    expect(one.status).toBe(200);
    expect(validate('service.json', one.body)).toEqual([]);
    expect(one.body.organization?.name).toBe('桜台町会');
    const text = JSON.stringify(one.body);
    for (const hidden of ['担当 太郎', 'taro@example.jp', '"定員"', '"空き"'])
      expect(text).not.toContain(hidden);
    expect(text).toContain('受け入れ可');
    expect(one.body.contacts).toBeUndefined();
    expect((await visitor().get(`${base}/hsds/services/${ids.paused}`)).status).toBe(404);
    const kindTerm = one.body.attributes?.find((a) => a.taxonomy_term?.taxonomy === 'tsunagu-resource-kind');
    const byTerm = await visitor().get<{ contents: HsdsService[] }>(
      `${base}/hsds/services?taxonomy_term_id=${kindTerm?.taxonomy_term_id}&per_page=200`,
    );
    expect(byTerm.body.contents.every((s) => s.name !== '公開テストの若者の居場所')).toBe(true);
    expect(byTerm.body.contents.map((s) => s.name)).toContain('公開テストのサロン');
  });

  it('stops at once when the setting is turned off again', async () => {
    await setPublished(false);
    expect((await visitor().get(`${base}/resources`)).status).toBe(404);
  });
});
