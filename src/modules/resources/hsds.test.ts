import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { RESOURCE_KIND_LABELS, RESOURCE_KINDS } from '../../shared/participation-vocabulary';
import { loggedIn, TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import {
  auditCount,
  comparable,
  districtsOf,
  makeResource,
  rowCount,
  STANDARD_FOLDER,
  standardValidator,
  startOtherCity,
} from './directory.fixtures';
import type { ImportIssue, ImportResult } from './directory-import.schemas';
import type { HsdsPackage } from './hsds.types';
import { HSDS_SCHEMA_FOLDER } from './hsds-validate';
import type { Resource } from './resources.schemas';

// The directory as Open Referral HSDS 3.0: every exported object is valid against the
// standard's schemas; a package taken into a second municipality gives the same directory;
// a package with problems is refused with a Japanese report and writes nothing.

let server: RunningServer;
let keeper: TestClient;
type Err = { error: { code: string; message: string; details: ImportIssue[] } };

beforeAll(async () => {
  server = await startTestServer();
  keeper = await loggedIn(server.url, 'demo-participation');
  const districts = await districtsOf(keeper);
  const north = districts.find((d) => d.name === '北山地区');
  const port = districts.find((d) => d.name === '港地区');
  await makeResource(keeper, '桜台町会', {
    name: 'ふれあいサロン北山',
    kinds: ['salon', 'kayoi_no_ba'],
    description: '体操とおしゃべりの会',
    areaId: north?.id,
    address: '〒100-0001 つなぐ市北山1-2-3 北山集会所',
    schedule: [
      { weekday: 1, opens: '13:00', closes: '16:00' },
      { weekday: 3, opens: '10:00', closes: '12:00' },
    ],
    scheduleNote: '祝日は休み',
    forEveryone: false,
    ageMin: 65,
    targetAttributes: ['elderly'],
    activities: ['talk', 'exercise'],
    accessibility: '段差なし',
    contactName: '北山 花子',
    contactPhone: '03-1234-5678',
    contactEmail: 'salon@example.jp',
    receivingSupport: '初めての方には世話役が付き添います',
    capacity: 20,
    placesFree: 5,
  });
  await makeResource(keeper, 'NPO法人 はたらくネット', {
    name: '港の就労体験',
    kinds: ['work_experience'],
    areaId: port?.id,
    irregular: true,
    scheduleNote: '月2回程度',
    forEveryone: false,
    ageMin: 18,
    ageMax: 39,
    targetAttributes: ['youth', 'hikikomori'],
    activities: ['work', 'role'],
    free: false,
    costNote: '材料費300円',
    status: 'paused',
    capacity: 3,
    placesFree: 0,
  });
  await makeResource(keeper, 'NPO法人 はたらくネット', { name: '場所を決めない集まり', kinds: ['other'] });
});
afterAll(() => server.close());

const exportPackage = async (client: TestClient) => {
  const response = await client.get<HsdsPackage>('/api/resources/export/hsds');
  expect(response.status).toBe(200);
  return response;
};

describe('HSDS export', () => {
  it('needs a login; importing needs the directory keeper', async () => {
    expect((await new TestClient(server.url).get('/api/resources/export/hsds')).status).toBe(401);
    const consultant = await loggedIn(server.url, 'demo-consultant');
    expect((await consultant.get('/api/resources/export/hsds')).status).toBe(200);
    const refused = await consultant.post('/api/resources/import/hsds?dryRun=true', { services: [] });
    expect(refused.status).toBe(403);
  });

  it('uses the standard’s schemas as handed over, unchanged', () => {
    if (!existsSync(STANDARD_FOLDER)) return;
    for (const file of readdirSync(HSDS_SCHEMA_FOLDER).filter((f) => f.endsWith('.json'))) {
      const ours = JSON.parse(readFileSync(new URL(file, HSDS_SCHEMA_FOLDER), 'utf8'));
      expect(ours, file).toEqual(JSON.parse(readFileSync(new URL(file, STANDARD_FOLDER), 'utf8')));
    }
  });

  it('exports every object valid against HSDS 3.0, with the kinds as a Japanese taxonomy, audited', async () => {
    const before = await auditCount(server, 'resource.export');
    const response = await exportPackage(keeper);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="tsunagu-hsds-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const doc = response.body;
    const validate = standardValidator();
    const problems = [
      ...doc.organizations.flatMap((o) => validate('organization.json', o)),
      ...doc.services.flatMap((s) => validate('service.json', s)),
      ...doc.taxonomies.flatMap((t) => validate('taxonomy.json', t)),
      ...doc.taxonomy_terms.flatMap((t) => validate('taxonomy_term.json', t)),
      ...doc.services.flatMap((s) =>
        (s.service_at_locations ?? []).flatMap((sal) => [
          ...validate('service_at_location.json', sal),
          ...(sal.location ? validate('location.json', sal.location) : []),
        ]),
      ),
    ];
    expect(problems).toEqual([]);
    expect(doc.services.length).toBeGreaterThanOrEqual(3);
    const kindTerms = doc.taxonomy_terms.filter((t) => t.taxonomy === 'tsunagu-resource-kind');
    expect(kindTerms.map((t) => t.code)).toEqual([...RESOURCE_KINDS]);
    expect(kindTerms.map((t) => t.name)).toEqual(RESOURCE_KINDS.map((k) => RESOURCE_KIND_LABELS[k]));

    const salon = doc.services.find((s) => s.name === 'ふれあいサロン北山');
    expect(
      salon?.schedules?.filter((s) => s.freq === 'WEEKLY').map((s) => [s.byday, s.opens_at, s.closes_at]),
    ).toEqual([
      ['MO', '13:00:00', '16:00:00'],
      ['WE', '10:00:00', '12:00:00'],
    ]);
    expect(salon?.service_areas?.[0]?.name).toBe('北山地区');
    expect(salon?.service_at_locations?.[0]?.location?.addresses?.[0]).toMatchObject({
      postal_code: '100-0001',
      country: 'JP',
    });
    expect(salon?.cost_options?.[0]).toMatchObject({ option: '無料', amount: 0 });
    expect(salon?.contacts?.[0]).toMatchObject({ name: '北山 花子', email: 'salon@example.jp' });
    const work = doc.services.find((s) => s.name === '港の就労体験');
    expect(work?.status).toBe('temporarily closed');
    expect(work?.schedules?.map((s) => s.description)).toEqual(['不定期']);
    expect(work?.cost_options?.[0]).toMatchObject({ option: '有料', amount_description: '材料費300円' });
    expect(await auditCount(server, 'resource.export')).toBe(before + 1);
  });
});

describe('HSDS import', () => {
  it('takes an export into a second municipality: the same directory, again and again', async () => {
    const doc = (await exportPackage(keeper)).body;
    const areaNames = [...new Set(doc.services.flatMap((s) => (s.service_areas ?? []).map((a) => a.name)))];
    const other = await startOtherCity(server, '132187', areaNames);
    const dry = await other.keeper.post<ImportResult>('/api/resources/import/hsds?dryRun=true', doc);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      imported: false,
      created: doc.services.length,
      updated: 0,
    });
    expect((await other.keeper.get<{ resources: Resource[] }>('/api/resources')).body.resources).toEqual([]);

    const done = await other.keeper.post<ImportResult>('/api/resources/import/hsds?dryRun=false', doc);
    expect(done.body).toMatchObject({ imported: true, created: doc.services.length, updated: 0 });
    const ours = (await keeper.get<{ resources: Resource[] }>('/api/resources')).body.resources;
    const theirs = (await other.keeper.get<{ resources: Resource[] }>('/api/resources')).body.resources;
    const byName = (list: Resource[]) =>
      Object.fromEntries(
        list.map((r) => [r.name, comparable(r)]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
    expect(byName(theirs)).toEqual(byName(ours));
    // none of the first municipality's ids were taken over: the records are the second's own
    expect(theirs.some((r) => ours.some((o) => o.id === r.id))).toBe(false);

    const again = await other.keeper.post<ImportResult>('/api/resources/import/hsds?dryRun=false', doc);
    expect(again.body).toMatchObject({ created: 0, updated: doc.services.length, operatorsCreated: 0 });
    const back = await keeper.post<ImportResult>('/api/resources/import/hsds?dryRun=false', doc);
    expect(back.body).toMatchObject({ created: 0, updated: doc.services.length });
  });

  it('refuses a package with problems, naming each place in Japanese, and writes nothing', async () => {
    const doc = (await exportPackage(keeper)).body;
    const [first, second, third] = doc.services;
    const broken = {
      ...doc,
      services: [
        { ...first, name: undefined, id: 'not-a-uuid' },
        { ...second, schedules: [{ id: second?.id, freq: 'DAILY' }] },
        { ...third, service_areas: [{ id: third?.id, name: '存在しない地区' }] },
      ],
    };
    const [resourcesBefore, operatorsBefore] = [
      await rowCount(server, 'resources'),
      await rowCount(server, 'resource_operators'),
    ];
    const refused = await keeper.post<Err>('/api/resources/import/hsds?dryRun=false', broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    expect(refused.body.error.message).toMatch(/誤りがあります.*何も取り込んでいません/);
    const places = refused.body.error.details.map((d) => `${d.row} ${d.column} ${d.message}`);
    expect(places).toEqual(
      expect.arrayContaining([
        '1 services[0].name 必須の項目「name」がありません。',
        expect.stringMatching(/^1 services\[0\]\.id UUID/),
        '2 services[1].schedules[0].freq 次のいずれかにしてください: WEEKLY、MONTHLY',
      ]),
    );
    const unknownArea = await keeper.post<Err>('/api/resources/import/hsds?dryRun=true', {
      ...doc,
      services: [{ ...third, service_areas: [{ id: third?.id, name: '存在しない地区' }] }],
    });
    expect(unknownArea.body.error.details[0]?.message).toMatch(
      /地区「存在しない地区」はこの自治体にありません/,
    );
    const notHsds = await keeper.post<Err>('/api/resources/import/hsds?dryRun=true', { hello: 'world' });
    expect(notHsds.body.error.details[0]?.message).toMatch(/services/);
    expect(await rowCount(server, 'resources')).toBe(resourcesBefore);
    expect(await rowCount(server, 'resource_operators')).toBe(operatorsBefore);
  });
});
