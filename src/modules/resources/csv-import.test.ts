import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { loggedIn, TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import { CSV_COLUMNS } from './csv-rows';
import { auditCount, postFile, rowCount, shiftJis } from './directory.fixtures';
import type { ImportIssue, ImportResult } from './directory-import.schemas';
import type { Operator, Resource } from './resources.schemas';

// The directory from a spreadsheet: UTF-8 (with or without BOM) or Shift_JIS, checked row by
// row with a Japanese report, a dry run first, and nothing imported unless every row is valid.

let server: RunningServer;
let keeper: TestClient;
type Err = { error: { code: string; message: string; details: ImportIssue[] } };

const HEADER =
  '名称,種別,運営団体,運営団体の種別,地区,所在地,曜日と時間,対象年齢,対象,できること,費用,電話,定員,空き,状態';
const ROWS = [
  'ＣＳＶのサロン,サロン・つどいの場；通いの場,ＣＳＶ町会,自治会・町会,桜台地区,桜台1-2-3,月 13:00-16:00；水 ９:00～12:00,65-,高齢の方,話す；体を動かす,無料,03-1234-5678,20,5,活動中',
  'ＣＳＶの就労体験,就労体験・中間的就労の受け入れ先,ＣＳＶ町会,,,,不定期,18-39,若者、ひきこもり状態の方,働く,材料費300円,,3,0,休止中',
];
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const importCsv = <T>(bytes: Uint8Array | string, dryRun: boolean, client = keeper) =>
  postFile<T>(client, `/api/resources/import/csv?dryRun=${dryRun}`, bytes);
const named = async (name: string) =>
  (await keeper.get<{ resources: Resource[] }>('/api/resources')).body.resources.filter(
    (r) => r.name === name,
  );

beforeAll(async () => {
  server = await startTestServer();
  keeper = await loggedIn(server.url, 'demo-participation');
});
afterAll(() => server.close());

describe('CSV import', () => {
  it('needs a login and the directory keeper', async () => {
    expect((await importCsv(csv(...ROWS), true, new TestClient(server.url))).status).toBe(401);
    const consultant = await loggedIn(server.url, 'demo-consultant');
    expect((await importCsv(csv(...ROWS), true, consultant)).status).toBe(403);
    const form = await postFile<Err>(
      keeper,
      '/api/resources/import/csv',
      'a=b',
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(415);
  });

  it('offers a template in UTF-8 with a BOM, which imports as it is', async () => {
    const response = await fetch(`${server.url}/api/resources/import/csv-template`, {
      headers: { cookie: keeper.cookie ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const dry = await importCsv<ImportResult>(bytes, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ encoding: 'utf-8', total: 1, created: 1, imported: false });
  });

  it('reads Shift_JIS: a dry run writes nothing, then every row is imported in one go', async () => {
    const file = shiftJis(csv(...ROWS));
    const before = await rowCount(server, 'resources');
    const dry = await importCsv<ImportResult>(file, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toEqual({
      format: 'csv',
      dryRun: true,
      imported: false,
      total: 2,
      created: 2,
      updated: 0,
      operatorsCreated: 1,
      encoding: 'shift_jis',
    });
    expect(await rowCount(server, 'resources')).toBe(before);
    const audits = await auditCount(server, 'resource.import');

    const done = await importCsv<ImportResult>(file, false);
    expect(done.body).toMatchObject({ imported: true, created: 2, operatorsCreated: 1 });
    expect(await auditCount(server, 'resource.import')).toBe(audits + 1);
    const [salon] = await named('ＣＳＶのサロン');
    expect(salon).toMatchObject({
      kinds: ['salon', 'kayoi_no_ba'],
      areaName: '桜台地区',
      schedule: [
        { weekday: 1, opens: '13:00', closes: '16:00' },
        { weekday: 3, opens: '09:00', closes: '12:00' },
      ],
      irregular: false,
      ageMin: 65,
      ageMax: null,
      forEveryone: false,
      targetAttributes: ['elderly'],
      activities: ['talk', 'exercise'],
      free: true,
      contactPhone: '03-1234-5678',
      capacity: 20,
      placesFree: 5,
      status: 'active',
      operatorName: 'ＣＳＶ町会',
    });
    const [work] = await named('ＣＳＶの就労体験');
    expect(work).toMatchObject({
      irregular: true,
      schedule: [],
      targetAttributes: ['youth', 'hikikomori'],
      free: false,
      costNote: '材料費300円',
      status: 'paused',
      areaId: null,
    });
    const operators = await keeper.get<{ operators: Operator[] }>('/api/resources/operators');
    expect(operators.body.operators.filter((o) => o.name === 'ＣＳＶ町会')).toMatchObject([
      { kind: 'neighbourhood_association', resourceCount: 2 },
    ]);
  });

  it('updates, rather than repeats, the resources a file names again (UTF-8 with a BOM)', async () => {
    const changed = ROWS[0]?.replace(',20,5,', ',20,0,') ?? '';
    const again = await importCsv<ImportResult>(`\uFEFF${csv(changed)}`, false);
    expect(again.body).toMatchObject({ encoding: 'utf-8', created: 0, updated: 1, operatorsCreated: 0 });
    const salons = await named('ＣＳＶのサロン');
    expect(salons).toHaveLength(1);
    expect(salons[0]?.placesFree).toBe(0);
  });

  it('reports every problem by row and column in Japanese and imports none of the rows', async () => {
    const bad = csv(
      'よいサロン,サロン・つどいの場,ＣＳＶ町会,,,,,,,,,,,,',
      ',カジノ,ＣＳＶ町会,宇宙人,,,,,,,,,,,',
      '時間の悪い会,居場所,ＣＳＶ町会,,どこか地区,,月曜 25:00-26:00,,,,,,,,',
      '年齢の悪い会,居場所,ＣＳＶ町会,,,,火 10時から,六十五歳,,,,,たくさん,,営業中',
      '前後の逆な会,居場所,ＣＳＶ町会,,,,水 14:00-10:00,40-20,,,,,,,',
      'よいサロン,サロン・つどいの場,ＣＳＶ町会,,,,,,,,,,,,',
      '連絡の悪い会,居場所,,,,,,,,,,abc,,,',
    );
    const before = await rowCount(server, 'resources');
    const refused = await importCsv<Err>(bad, false);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    const report = refused.body.error.details.map((d) => `${d.row}|${d.column}|${d.message}`);
    const expected: [number, string, RegExp][] = [
      [3, '名称', /名称を入力してください/],
      [3, '種別', /「カジノ」は種別にありません/],
      [3, '運営団体の種別', /「宇宙人」は団体の種別にありません/],
      [4, '曜日と時間', /時刻は 13:30 のように/],
      [5, '曜日と時間', /「火 10時から」を読み取れません/],
      [5, '対象年齢', /「六十五歳」を読み取れません/],
      [5, '定員', /人数として読み取れません/],
      [5, '状態', /「営業中」は状態にありません/],
      [6, '曜日と時間', /終わりの時刻は始まりより後/],
      [6, '対象年齢', /下限は上限以下/],
      [7, '名称', /2行目と同じ名称・運営団体です/],
      [8, '運営団体', /運営団体を入力してください/],
      [8, '電話', /電話番号は数字とハイフン/],
    ];
    for (const [row, column, message] of expected) {
      expect(
        report.some((line) => line.startsWith(`${row}|${column}|`) && message.test(line)),
        `${row} ${column} in ${report.join('\n')}`,
      ).toBe(true);
    }
    expect(await rowCount(server, 'resources')).toBe(before);
    // the unknown area is found once the rows themselves are right
    const area = await importCsv<Err>(csv('時間の会,居場所,ＣＳＶ町会,,どこか地区,,,,,,,,,,'), true);
    expect(area.body.error.details).toMatchObject([
      { row: 2, column: '地区', message: expect.stringMatching(/どこか地区/) },
    ]);
  });

  it('refuses unknown or missing headers, an empty file, too many rows and too large a file', async () => {
    const headers = await importCsv<Err>('名前,種別\r\nx,居場所', true);
    expect(headers.body.error.details.map((d) => `${d.row}|${d.column}`)).toEqual(
      expect.arrayContaining(['1|名前', '1|名称', '1|運営団体']),
    );
    const empty = await importCsv<Err>(HEADER, true);
    expect(empty.body.error.details[0]?.message).toMatch(/取り込む行がありません/);
    const many = await importCsv<Err>(
      csv(...Array.from({ length: 2001 }, (_, i) => `会${i},居場所,町会`)),
      true,
    );
    expect(many.body.error.details[0]?.message).toMatch(/2000行まで/);
    const huge = await importCsv<Err>(`${HEADER}\r\n${'あ'.repeat(800_000)}`, true);
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/上限 2MB/);
    const broken = await importCsv<Err>(`${HEADER}\r\n"閉じない引用符,居場所,町会`, true);
    expect(broken.body.error.details[0]?.message).toMatch(/CSVとして読み取れませんでした/);
  });
});
