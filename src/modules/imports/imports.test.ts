import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { startSecondCity } from '../../testing/second-city';
import { loggedIn, TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import { shiftJis } from '../resources/directory.fixtures';
import {
  check,
  counts,
  csvOf,
  day,
  HEADER,
  MAPPING,
  streamed,
  upload,
  XLSX_TYPE,
  xlsxOf,
} from './imports.fixtures';
import type { Mapping } from './imports.schemas';

// 台帳の取り込み against the real server and database: who may import, files it cannot read,
// the dry run's report by row, column and reason (nothing written), CSV in Shift_JIS and XLSX
// alike, and the column mapping saved per source. The import itself: import-commit.test.ts.

let server: RunningServer;
let consultant: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  consultant = await loggedIn(server.url, 'demo-consultant');
});
afterAll(() => server.close());

describe('who may import', () => {
  it('needs a login, and a role that registers consultations for its organisation', async () => {
    const file = csvOf([HEADER, ['試験 一', 'シケン ハジメ', '1980-01-01', '', '', '', '', '', '', '', '']]);
    expect((await upload(new TestClient(server.url), file)).status).toBe(401);
    for (const login of ['demo-admin', 'demo-manager', 'demo-community', 'demo-outreach'])
      expect((await upload(await loggedIn(server.url, login), file)).status, login).toBe(403);
    const mine = await upload(consultant, file);
    expect(mine.status).toBe(200);
    // another user's file is not there for them, like every record they may not see
    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    const theirs = await streamed(coordinator, `/api/imports/files/${mine.body.uploadId}/check`, {
      kind: 'people',
      columns: { fullName: '対象者氏名' },
    });
    expect(theirs.status).toBe(404);
  });
});

describe('files it cannot read', () => {
  it('answers 400 with a stable code for a broken workbook, an unclosed quote, an empty file', async () => {
    const broken = await upload(consultant, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), XLSX_TYPE);
    expect([broken.status, broken.body.error?.code]).toEqual([400, 'FILE_UNREADABLE']);
    const quote = await upload(consultant, '氏名,備考\r\n"閉じない,引用符\r\n');
    expect([quote.status, quote.body.error?.code]).toEqual([400, 'FILE_UNREADABLE']);
    const empty = await upload(consultant, '氏名,備考\r\n,\r\n');
    expect([empty.status, empty.body.error?.code]).toEqual([400, 'FILE_EMPTY']);
    const form = await upload(consultant, 'a=b', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
  });
});

describe('the dry run', () => {
  it('says before reading the rows what the mapping lacks: 続柄 with 世帯番号, 相談経路 as a column or one value', async () => {
    const sent = await upload(
      consultant,
      csvOf([
        ['氏名', '世帯番号', '相談日', '相談内容'],
        ['山田 一', 'H1', day(-1), '相談'],
      ]),
    );
    const answer = await streamed(consultant, `/api/imports/files/${sent.body.uploadId}/check`, {
      kind: 'consultations',
      columns: {
        fullName: '氏名',
        householdKey: '世帯番号',
        receivedOn: '相談日',
        mainComplaint: '相談内容',
      },
    });
    expect(answer.status).toBe(400);
    const message = JSON.stringify(answer.error);
    expect(message).toContain('世帯番号を使うときは、「続柄」にあたる列も選んでください');
    expect(message).toContain('「すべての行：…」から一つ選んでください');
  });

  it('reports each bad row by its row number, the file column and the reason, and writes nothing', async () => {
    const rows = [
      HEADER,
      [
        '正常 太郎',
        'セイジョウ タロウ',
        '1970/4/1',
        '03-1111-2222',
        '',
        '',
        day(-3),
        '来所',
        '家賃が払えない',
        '生活困窮',
        '',
      ],
      ['日付 誤り', 'ヒヅケ アヤマリ', '1990/13/1', '', '', '', day(-3), '電話', '相談', '', ''],
      ['', 'ナナシ', 'S50.1.1', '', '', '', day(-3), '電話', '相談', '', ''],
      ['経路 誤り', 'ケイロ アヤマリ', '令和2年1月1日', '', '', '', day(-3), 'FAX', '相談', '', ''],
      ['番号 記載', 'バンゴウ キサイ', 'H1.2.3', '', '', '', day(-3), '電話', '相談', '', '1234-5678-9012'],
      ['課題 誤り', 'カダイ アヤマリ', '1960-05-05', '', '', '', day(-3), '訪問', '相談', '宇宙人', ''],
      ['昔の 相談', 'ムカシノ ソウダン', '1960-05-06', '', '', '', day(-800), '訪問', '相談', '', ''],
      ['ない 日付', 'ナイ ヒヅケ', '1960-05-07', '', '', '', '2026/02/30', '訪問', '相談', '', ''],
      ['日付 なし', 'ヒヅケ ナシ', '1960-05-08', '', '', '', '', '訪問', '相談', '', ''],
      ['千年 前', 'センネン マエ', '1960-05-09', '', '', '', '0999-12-31', '訪問', '相談', '', ''],
    ];
    const before = await counts(server);
    const sent = await upload(consultant, csvOf(rows));
    expect(sent.status).toBe(200);
    expect(sent.body.proposal.kind).toBe('consultations');
    expect(sent.body.proposal.columns).toMatchObject(MAPPING);
    const answer = await streamed(consultant, `/api/imports/files/${sent.body.uploadId}/check`, {
      kind: 'consultations',
      columns: MAPPING,
    });
    expect(answer.lines.some((l) => l.type === 'progress')).toBe(true);
    const report = (answer.last as { report: import('./imports.schemas').CheckReport }).report;
    expect(report.rows).toBe(10);
    expect(report.validRows).toBe(1);
    expect(report.invalidRows).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const at = (row: number) => report.issues.filter((i) => i.row === row);
    expect(at(3)).toEqual([
      {
        row: 3,
        column: '生年月日',
        message: expect.stringContaining('「1990/13/1」を日付として読み取れません'),
      },
    ]);
    expect(at(4)).toEqual([{ row: 4, column: '対象者氏名', message: '氏を入力してください。' }]);
    expect(at(5)).toEqual([
      { row: 5, column: '相談経路', message: expect.stringContaining('相談経路「FAX」は使えません') },
    ]);
    expect(at(6)[0]).toMatchObject({ column: '備考', message: expect.stringContaining('マイナンバー') });
    expect(at(7)[0]).toMatchObject({
      column: '課題',
      message: '課題「宇宙人」はこの自治体の課題の一覧にありません。',
    });
    expect(at(8)[0]).toMatchObject({
      column: '相談日',
      message: expect.stringMatching(/^相談日は.*以降の日付にしてください/),
    });
    // a day that does not exist, or none, is told so (the check of the whole file went on)
    expect(at(9)).toEqual([
      {
        row: 9,
        column: '相談日',
        message: expect.stringContaining('「2026/02/30」を日付として読み取れません'),
      },
    ]);
    expect(at(10)).toEqual([{ row: 10, column: '相談日', message: '相談日を入力してください。' }]);
    expect(at(11)[0]).toMatchObject({
      column: '相談日',
      message: expect.stringMatching(/^相談日が古すぎます/),
    });
    expect(await counts(server)).toEqual(before);
  });

  it('reads a Shift_JIS CSV and the same rows in an XLSX workbook alike', async () => {
    const rows = [
      HEADER,
      [
        '髙橋 花子',
        'タカハシ ハナコ',
        '1955-03-04',
        '090-1234-0000',
        'A1',
        '本人',
        day(-10),
        '訪問',
        '介護の相談',
        '介護、認知症',
        '',
      ],
      ['髙橋 一郎', 'タカハシ イチロウ', '1985-07-08', '', 'A1', '長男', '', '', '', '', ''],
      ['斉藤 誤り', 'サイトウ', '1990-02-30', '', '', '', day(-10), '電話', '相談', '', ''],
    ];
    // one file at a time per user: sending the workbook replaces the CSV
    const fromCsv = await upload(consultant, shiftJis(csvOf(rows)));
    expect(fromCsv.body).toMatchObject({ format: 'csv', encoding: 'shift_jis', rowCount: 3 });
    const a = await check(consultant, fromCsv.body.uploadId, 'consultations', MAPPING);
    const fromXlsx = await upload(consultant, await xlsxOf(rows), XLSX_TYPE);
    expect(fromXlsx.body).toMatchObject({ format: 'xlsx', encoding: null, rowCount: 3, headers: HEADER });
    const b = await check(consultant, fromXlsx.body.uploadId, 'consultations', MAPPING);
    expect(b).toEqual(a);
    expect(a.validRows).toBe(2);
    expect(a.issues).toEqual([
      { row: 4, column: '生年月日', message: expect.stringContaining('1990-02-30') },
    ]);
  });
});

describe('column mappings', () => {
  it('saves a mapping under a source name, offers it for the next file, and refuses a stale save', async () => {
    const saved = await consultant.put<Mapping>('/api/imports/mappings', {
      kind: 'consultations',
      source: 'kintone 相談台帳',
      columns: MAPPING,
      version: null,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const again = await consultant.put('/api/imports/mappings', {
      kind: 'consultations',
      source: 'kintone 相談台帳',
      columns: MAPPING,
      version: null,
    });
    expect(again.status).toBe(409);
    const next = await upload(
      consultant,
      csvOf([HEADER, ['次の 人', 'ツギノ ヒト', '', '', '', '', day(-1), '来所', '相談', '', '']]),
    );
    expect(next.body.fittingMappings).toEqual([saved.body.id]);
    const list = await consultant.get<{ mappings: Mapping[] }>('/api/imports/mappings');
    expect(list.body.mappings.map((m) => m.source)).toEqual(['kintone 相談台帳']);
    // the source's ledger has no 相談経路: one value for every row is kept with the mapping
    const changed = { ...MAPPING, notes: undefined, channel: undefined };
    const update = await consultant.put<Mapping>('/api/imports/mappings', {
      kind: 'consultations',
      source: 'kintone 相談台帳',
      columns: changed,
      fixed: { channel: '電話' },
      version: saved.body.version,
    });
    expect(update.status, JSON.stringify(update.body)).toBe(200);
    expect(update.body.version).toBe(saved.body.version + 1);
    expect(update.body.fixed).toEqual({ channel: '電話' });
    const stale = await consultant.put<{ error: { code: string } }>('/api/imports/mappings', {
      kind: 'consultations',
      source: 'kintone 相談台帳',
      columns: MAPPING,
      version: saved.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_RECORD');
    // another municipality does not see it
    await startSecondCity(server);
    const other = await loggedIn(server.url, 'consultant-132187', 'other-city-password');
    expect((await other.get<{ mappings: Mapping[] }>('/api/imports/mappings')).body.mappings).toEqual([]);
  });
});
