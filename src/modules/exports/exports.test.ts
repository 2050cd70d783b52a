import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { EXPORT_KEYS } from '../../shared/export-lists';
import { type CaseWorld, consultationBody, startCaseWorld, today, type Who } from '../../testing/case-world';
import { csvRecords, download, firstSheet } from '../../testing/export-download';
import { type SecondCity, startSecondCity } from '../../testing/second-city';
import { TestClient } from '../../testing/test-client';
import { WAREKI_NUMBER_FORMAT } from './export-formats';

// Exports through the real server and database: the bytes of each format (BOM, CRLF, 𠮷 and an
// IVS sequence, Shift_JIS and its limits, XLSX cells), and that an export sees exactly what its
// list sees and is audited with the ids it holds.

let world: CaseWorld;
let other: SecondCity;
const as = (who: Who) => world.as(who);
/** 𠮷 (outside the BMP) and 葛 with the variation selector U+E0100 (an IVS sequence). */
const YOSHINO = { familyName: '𠮷野', givenName: '葛\u{E0100}子' };
const yoshinoName = `${YOSHINO.familyName} ${YOSHINO.givenName}`;

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  const taken = await as('houkatsu').post(
    '/api/consultations',
    consultationBody({
      newPerson: { ...YOSHINO, familyNameKana: 'ヨシノ', givenNameKana: 'カツコ', birthDate: '1950-01-02' },
      mainComplaint: '=1+2 と書かれた家計のメモについて',
    }),
  );
  expect(taken.status, JSON.stringify(taken.body)).toBe(201);
});
afterAll(async () => {
  await world.server.close();
});

const exportOf = (who: Who, list: string, query = '') => download(as(who), `/api/exports/${list}${query}`);
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

type AuditRow = { action: string; detail: { list?: string; ids?: string[]; rows?: number; format?: string } };
async function auditDuring(run: () => Promise<unknown>): Promise<AuditRow[]> {
  const owner = world.server.handle.owner;
  const [mark] = await queryRows<{ id: number }>(
    owner,
    sql`select coalesce(max(id), 0)::int as id from audit_log`,
  );
  await run();
  return queryRows<AuditRow>(
    owner,
    sql`select action, detail from audit_log where id > ${mark?.id ?? 0} order by id`,
  );
}

describe('CSV', () => {
  it('is UTF-8 with a BOM and CRLF, and keeps 𠮷 and an IVS sequence as they are', async () => {
    const file = await exportOf('houkatsu', 'people', `?q=${encodeURIComponent('ヨシノ')}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8(file.bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const [header, ...rows] = csvRecords(text);
    expect(header).toEqual(['氏名', 'フリガナ', '生年月日', '世帯', '登録日']);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).toBe(yoshinoName);
    expect(Array.from(rows[0]?.[0] ?? '', (c) => c.codePointAt(0))).toContain(0xe0100);
    expect(rows[0]?.[2]).toBe('1950/01/02');
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="tsunagu-people-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("''")[1] ?? '')).toBe(`世帯・本人の検索結果_${today()}.csv`);
  });

  it('writes a cell that starts like a formula as text', async () => {
    const file = await exportOf('houkatsu', 'consultations');
    const rows = csvRecords(utf8(file.bytes));
    const complaint = rows.map((r) => r[5]).find((c) => c?.includes('家計のメモ'));
    expect(complaint).toBe("'=1+2 と書かれた家計のメモについて");
  });

  it('writes plain Japanese in Shift_JIS (CP932) that decodes back equal', async () => {
    const query = `?q=${encodeURIComponent('松岡')}`;
    const plain = await exportOf('coordinator', 'people', query);
    const sjis = await exportOf('coordinator', 'people', `${query}&encoding=shift_jis`);
    expect(sjis.status).toBe(200);
    expect(sjis.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(sjis.bytes[0]).not.toBe(0xef);
    expect(iconv.decode(Buffer.from(sjis.bytes), 'cp932')).toBe(utf8(plain.bytes.slice(3)));
    expect(iconv.decode(Buffer.from(sjis.bytes), 'cp932')).toContain('松岡 トメ');
  });

  it('writes 〜 (U+301C) as the JIS wave dash 0x8160, which Excel reads as ～', async () => {
    const resources = await exportOf('coordinator', 'resources', '?encoding=shift_jis');
    expect(resources.status).toBe(200);
    const text = iconv.decode(Buffer.from(resources.bytes), 'cp932');
    expect(text).toMatch(/\d{2}:\d{2}～\d{2}:\d{2}/);
  });

  it('refuses Shift_JIS for 𠮷 and an IVS, naming the row, the column and the character', async () => {
    const entries = await auditDuring(async () => {
      const refused = await exportOf(
        'houkatsu',
        'people',
        `?q=${encodeURIComponent('ヨシノ')}&encoding=shift_jis`,
      );
      expect(refused.status).toBe(400);
      expect(refused.error?.code).toBe('NOT_IN_SHIFT_JIS');
      expect(refused.error?.message).toContain('2か所あり、最初は2行目の「氏名」の「𠮷」（U+20BB7）です');
      expect(refused.error?.message).toContain('UTF-8');
      expect(refused.error?.details).toEqual([
        { path: '2行目・氏名', message: '2行目の「氏名」の「𠮷」（U+20BB7）' },
        {
          path: '2行目・氏名',
          message: '2行目の「氏名」の「葛\u{E0100}」（葛 に続く異体字セレクタ U+E0100）',
        },
      ]);
    });
    // nothing was exported, so no export is recorded, nor the search it would have held
    expect(entries.filter((e) => e.action === 'export.download')).toEqual([]);
    expect(entries.filter((e) => e.action === 'person.search')).toEqual([]);
  });
});

describe('XLSX', () => {
  it('has a bold frozen header with a filter, dates as date cells, numbers as numbers, 𠮷 intact', async () => {
    const file = await exportOf('houkatsu', 'people', `?q=${encodeURIComponent('ヨシノ')}&format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = await firstSheet(file.bytes);
    expect(sheet.name).toBe('世帯・本人の検索結果');
    expect(sheet.getRow(1).getCell(1).value).toBe('氏名');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('A2').value).toBe(yoshinoName);
    const born = sheet.getCell('C2');
    expect(born.value).toBeInstanceOf(Date);
    expect((born.value as Date).toISOString()).toBe('1950-01-02T00:00:00.000Z');
    expect(born.numFmt).toBe(WAREKI_NUMBER_FORMAT);

    const trainings = await firstSheet((await exportOf('community', 'trainings', '?format=xlsx')).bytes);
    const participants = trainings.getRow(2).getCell(7);
    expect(trainings.getRow(1).getCell(7).value).toBe('参加者（人）');
    expect(typeof participants.value).toBe('number');
  });

  it('stores a cell that starts like a formula as a string, never a formula', async () => {
    const sheet = await firstSheet((await exportOf('houkatsu', 'consultations', '?format=xlsx')).bytes);
    const cells = sheet.getColumn(6).values.filter((v) => typeof v === 'string' && v.includes('家計のメモ'));
    expect(cells).toEqual(['=1+2 と書かれた家計のメモについて']);
  });
});

describe('who may export what', () => {
  it('asks for a login, and answers 404 for a list that does not exist', async () => {
    const anonymous = await download(new TestClient(world.server.url), '/api/exports/people?q=a');
    expect(anonymous.status).toBe(401);
    expect((await exportOf('coordinator', 'no-such-list')).status).toBe(404);
    expect((await exportOf('coordinator', 'people', '?format=pdf')).status).toBe(400);
  });

  it('gives the consultant exactly the people the consultant’s search shows, and audits those ids', async () => {
    const query = `?q=${encodeURIComponent('松岡')}`;
    const shown = await as('child').get<{ people: { id: string }[] }>(`/api/people${query}`);
    expect(shown.body.people).toEqual([]);
    const childRows = csvRecords(utf8((await exportOf('child', 'people', query)).bytes));
    expect(childRows).toHaveLength(1);

    const list = await as('houkatsu').get<{ people: { id: string }[] }>(`/api/people${query}`);
    const entries = await auditDuring(async () => {
      const file = await exportOf('houkatsu', 'people', query);
      expect(
        csvRecords(utf8(file.bytes))
          .slice(1)
          .map((r) => r[0]),
      ).toEqual(['松岡 トメ']);
    });
    const exported = entries.find((e) => e.action === 'export.download');
    expect(exported?.detail).toMatchObject({ list: 'people', format: 'csv', rows: 1 });
    expect(exported?.detail.ids).toEqual(list.body.people.map((p) => p.id));
    // the list's own read audit is written by the same request, naming the same people
    const searched = entries.find((e) => e.action === 'person.search');
    expect(searched?.detail.ids).toEqual(exported?.detail.ids);
  });

  it('writes out the whole list where the screen shows only the newest hundred, and audits every id', async () => {
    for (let i = 0; i < 101; i++) {
      const taken = await as('houkatsu').post(
        '/api/consultations',
        consultationBody({ mainComplaint: `電話相談 ${i}` }),
      );
      expect(taken.status).toBe(201);
    }
    const shown = await as('houkatsu').get<{ consultations: { id: string }[] }>('/api/consultations');
    expect(shown.body.consultations).toHaveLength(100);
    const [all] = await queryRows<{ n: number }>(
      world.server.handle.owner,
      sql`select count(*)::int as n from consultations c
          where c.organisation_id in (select m.organisation_id from memberships m join users u on u.id = m.user_id
                                      where u.login_id = 'demo-consultant')`,
    );
    expect(all?.n).toBeGreaterThan(101);
    const entries = await auditDuring(async () => {
      const rows = csvRecords(utf8((await exportOf('houkatsu', 'consultations')).bytes)).slice(1);
      expect(rows).toHaveLength(all?.n ?? 0);
      expect(rows.filter((r) => r.includes('電話相談 0'))).toHaveLength(1);
    });
    const exported = entries.find((e) => e.action === 'export.download');
    expect(exported?.detail.ids).toHaveLength(all?.n ?? 0);
  });

  it('refuses personal lists to the program manager with the list’s own status', async () => {
    for (const [list, api] of [
      ['people', '/api/people?q=%E6%9D%BE%E5%B2%A1'],
      ['consultations', '/api/consultations'],
      ['cases', '/api/cases'],
      ['participation-supports', '/api/participation'],
      ['outreach-records', '/api/outreach/records'],
    ] as const) {
      const own = await as('manager').get(api);
      const exported = await exportOf('manager', list, api.includes('?') ? `?${api.split('?')[1]}` : '');
      expect(exported.status, list).toBe(own.status);
      expect(exported.status, list).toBeGreaterThanOrEqual(403);
    }
    expect((await exportOf('manager', 'program-results', '?format=xlsx')).status).toBe(200);
    expect((await exportOf('coordinator', 'program-results')).status).toBe(403);
  });

  it('never shows another municipality’s records, and refuses its ids in filters as the list does', async () => {
    const entries = await auditDuring(() => exportOf('coordinator', 'cases', '?status=all'));
    const ids = entries.find((e) => e.action === 'export.download')?.detail.ids ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(other.ids.case);
    const people = await exportOf('coordinator', 'people', `?q=${encodeURIComponent('他市')}`);
    expect(csvRecords(utf8(people.bytes))).toHaveLength(1);
    const foreign = await exportOf('coordinator', 'participation-supports', `?personId=${other.ids.person}`);
    expect(foreign.status).toBe(404);
    expect((await exportOf('coordinator', 'cases', `?householdId=${other.ids.household}`)).status).toBe(404);
  });
});

describe('reports', () => {
  it('exports suppressed counts as the screen words them, never the number', async () => {
    const results = await as('manager').get<{
      indicators: { label: string; toDate: number | null; missing: string | null }[];
    }>('/api/program/results');
    const file = await exportOf('manager', 'program-results');
    const rows = csvRecords(utf8(file.bytes));
    const [header] = rows;
    expect(header?.slice(0, 8)).toEqual([
      '年度',
      '機能',
      '指標',
      '単位',
      '数え方',
      '実績',
      '目標',
      '達成率（%）',
    ]);
    expect(header?.slice(8)).toEqual([
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
      '1月',
      '2月',
      '3月',
    ]);
    for (const indicator of results.body.indicators) {
      const row = rows.find((r) => r[2] === indicator.label);
      const expected =
        indicator.toDate !== null
          ? String(indicator.toDate)
          : indicator.missing === 'suppressed'
            ? '5件未満'
            : undefined;
      if (expected !== undefined) expect(row?.[5], indicator.label).toBe(expected);
    }
  });

  it('exports every list and report for someone who may see it, in both formats', async () => {
    const doc = await as('coordinator').get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    const lists = Object.keys(doc.body.paths)
      .filter((p) => p.startsWith('/api/exports/'))
      .map((p) => p.replace('/api/exports/', ''));
    expect(lists.sort()).toEqual([...EXPORT_KEYS].sort());
    const managers = ['program-results', 'programs', 'program-plan', 'participation-counts'];
    const who = (list: string): Who =>
      managers.includes(list) ? 'manager' : list === 'audit-log' ? 'admin' : 'coordinator';
    for (const list of lists) {
      const query = list === 'people' ? `?q=${encodeURIComponent('松岡')}` : '';
      for (const format of ['csv', 'xlsx']) {
        const file = await exportOf(who(list), list, `${query}${query ? '&' : '?'}format=${format}`);
        expect(file.status, `${list} ${format} ${JSON.stringify(file.error)}`).toBe(200);
      }
    }
  });
});
