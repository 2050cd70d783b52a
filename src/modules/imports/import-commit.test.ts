import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import type { RunningServer } from '../../server/start';
import { startSecondCity } from '../../testing/second-city';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import {
  auditedIds,
  check,
  commit,
  counts,
  csvOf,
  day,
  HEADER,
  MAPPING,
  personNamed,
  plan,
  streamed,
  upload,
} from './imports.fixtures';

// 台帳の取り込み, the import itself: 𠮷 and IVS kept, households by 世帯番号, refused (nothing
// written) until every row that goes in is valid and every match decided, a match decided as
// the same person added to that record; other organisations' and municipalities' people never shown.

let server: RunningServer;
let consultant: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  consultant = await loggedIn(server.url, 'demo-consultant');
});
afterAll(() => server.close());

describe('importing', () => {
  it('keeps 𠮷 and IVS characters, groups a household by its number, and refuses until every row is valid', async () => {
    const rows = [
      ['氏', '名', 'セイ', 'メイ', '生年月日', '世帯番号', '続柄'],
      ['𠮷田', '葛\u{E0100}子', 'ヨシダ', 'カツコ', '昭和15年6月7日', 'K-9', '本人'],
      ['𠮷田', '辻\u{E0101}', 'ヨシダ', 'ツジ', 'S45.8.9', 'K-9', '長男'],
      ['誤り', '', 'アヤマリ', '', '2100-01-01', '', ''],
    ];
    const sent = await upload(consultant, csvOf(rows));
    const columns = sent.body.proposal.columns;
    expect(columns).toEqual({
      familyName: '氏',
      givenName: '名',
      familyNameKana: 'セイ',
      givenNameKana: 'メイ',
      birthDate: '生年月日',
      householdKey: '世帯番号',
      relation: '続柄',
    });
    const report = await check(consultant, sent.body.uploadId, 'households', columns);
    expect(report.invalidRows).toEqual([4]);
    const before = await counts(server);
    const refused = await commit(consultant, sent.body.uploadId, {});
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({ error: { code: 'IMPORT_INVALID_ROWS' } });
    expect(await counts(server)).toEqual(before);

    const planned = await plan(consultant, sent.body.uploadId, { skipRows: [4] });
    expect(planned.body).toEqual({
      rows: 2,
      skipped: 1,
      people: 2,
      linked: 0,
      households: 1,
      consultations: 0,
      consents: 0,
    });
    const done = await commit(consultant, sent.body.uploadId, { skipRows: [4] });
    expect(done.last).toEqual({ type: 'done', result: planned.body });
    const stored = await personNamed(server, '𠮷田');
    expect(stored.map((p) => p.given_name).sort()).toEqual(['葛\u{E0100}子', '辻\u{E0101}']);
    expect(stored.map((p) => p.birth_date).sort()).toEqual(['1940-06-07', '1970-08-09']);
    const after = await counts(server);
    expect(after.persons - before.persons).toBe(2);
    expect(after.households - before.households).toBe(1);
    expect(after.household_members - before.household_members).toBe(2);
    // found by the importing organisation's search (access tokens refreshed), and audited by id
    const found = await consultant.get<{ people: { id: string }[] }>(
      `/api/people?q=${encodeURIComponent('吉田')}`,
    );
    expect(found.body.people.map((p) => p.id).sort()).toEqual(stored.map((p) => p.id).sort());
    const audited = await auditedIds(server, 'person');
    for (const p of stored) expect(audited).toContain(p.id);
    // the file is gone once imported
    expect((await plan(consultant, sent.body.uploadId, { skipRows: [4] })).status).toBe(404);
  });

  it('adds to an existing record when the user decides the match is the same person', async () => {
    const intake = await consultant.post<{ personId: string; householdId: string }>('/api/consultations', {
      receivedAt: `${day(-20)}T10:00:00+09:00`,
      channel: 'phone',
      broughtBy: 'self',
      newPerson: {
        familyName: '名寄',
        givenName: '一子',
        familyNameKana: 'ナヨセ',
        givenNameKana: 'カズコ',
        birthDate: '1948-02-03',
      },
      newHouseholdName: '名寄さん世帯',
      mainComplaint: '一人暮らしが不安',
      outcome: 'handled_here',
      shareConsent: 'not_asked',
    });
    expect(intake.status).toBe(201);
    const rows = [
      HEADER,
      // a 世帯番号 of people all registered already makes no household: theirs exists
      ['名寄 一子', 'なよせ かずこ', 'S23.2.3', '', 'N1', '本人', day(-1), '来所', '再び来所した', '', ''],
      ['名寄 一子', 'ナヨセ カズコ', '1948/2/3', '', 'N1', '本人', day(0), '電話', '電話でも相談', '', ''],
    ];
    const sent = await upload(consultant, csvOf(rows));
    const report = await check(consultant, sent.body.uploadId, 'consultations', MAPPING);
    expect(
      report.matches.map((m) => [
        m.row,
        m.sameAsRows.map((s) => [s.row, s.reasons]),
        m.candidates.map((c) => [c.personId, c.canLink]),
      ]),
    ).toEqual([
      [2, [], [[intake.body.personId, true]]],
      [3, [[2, ['kana_and_birth_date', 'name_and_birth_date']]], [[intake.body.personId, true]]],
    ]);
    const before = await counts(server);
    const undecided = await commit(consultant, sent.body.uploadId, { decisions: [] });
    expect(undecided.error).toMatchObject({ error: { code: 'IMPORT_UNDECIDED' } });
    const foreign = await commit(consultant, sent.body.uploadId, {
      decisions: [
        { row: 2, choice: 'existing', personId: '00000000-0000-4000-8000-000000000001' },
        { row: 3, choice: 'sameAsRow', sameAsRow: 2 },
      ],
    });
    expect(foreign.error).toMatchObject({ error: { code: 'IMPORT_DECISION_INVALID' } });
    expect(await counts(server)).toEqual(before);

    const decisions = [
      { row: 2, choice: 'existing', personId: intake.body.personId },
      { row: 3, choice: 'sameAsRow', sameAsRow: 2 },
    ];
    const done = await commit(consultant, sent.body.uploadId, { decisions });
    expect(done.last).toMatchObject({
      type: 'done',
      result: { people: 0, linked: 1, households: 0, consultations: 2 },
    });
    const after = await counts(server);
    expect([after.persons, after.households]).toEqual([before.persons, before.households]);
    const household = await consultant.get<{ consultations: { mainComplaint: string }[] }>(
      `/api/households/${intake.body.householdId}`,
    );
    expect(household.body.consultations.map((c) => c.mainComplaint).sort()).toEqual(
      ['一人暮らしが不安', '再び来所した', '電話でも相談'].sort(),
    );
  });
});

describe('access tokens after imports', () => {
  it('are what the rules compute for every person, new and added to (written straight for the new)', async () => {
    const tokens = () =>
      queryRows<{ person_id: string; tokens: string[] }>(
        server.handle.owner,
        sql`select person_id::text, tokens from person_access_tokens order by person_id`,
      );
    const written = await tokens();
    expect(written.length).toBeGreaterThan(0);
    await server.handle.owner.execute(sql`select app_refresh_access_tokens(array(select id from persons))`);
    expect(await tokens()).toEqual(written);
  });
});

describe('a row decided to be the same person as an earlier row', () => {
  it('adds its consultation to that person and makes no second household, whatever its 世帯番号', async () => {
    const rows = [
      HEADER,
      ['北山 太郎', 'キタヤマ タロウ', 'S25.4.1', '', 'K-101', '本人', day(-4), '来所', '家計の相談', '', ''],
      ['北山 太郎', 'キタヤマ タロウ', 'S25.4.1', '', 'K-105', '本人', day(-1), '電話', '再び電話', '', ''],
    ];
    const sent = await upload(consultant, csvOf(rows));
    const report = await check(consultant, sent.body.uploadId, 'consultations', MAPPING);
    expect(report.matches.map((m) => [m.row, m.sameAsRows.map((s) => s.row)])).toEqual([[3, [2]]]);
    const planned = await plan(consultant, sent.body.uploadId, {
      decisions: [{ row: 3, choice: 'sameAsRow', sameAsRow: 2 }],
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body).toMatchObject({ people: 1, households: 1, consultations: 2 });
  });
});

describe('one value for every row', () => {
  it('gives every consultation the 相談経路 chosen for a file without that column, and makes none for rows without one', async () => {
    const rows = [
      ['対象者氏名', '生年月日', '相談日', '相談内容'],
      ['一律 来所', 'S30.3.3', day(-2), '窓口に来た'],
      ['一律 相談なし', 'S31.4.4', '', ''],
    ];
    const sent = await upload(consultant, csvOf(rows));
    const columns = {
      fullName: '対象者氏名',
      birthDate: '生年月日',
      receivedOn: '相談日',
      mainComplaint: '相談内容',
    };
    const wrong = await streamed(consultant, `/api/imports/files/${sent.body.uploadId}/check`, {
      kind: 'consultations',
      columns,
      fixed: { channel: '伝書鳩' },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.error)).toContain('「相談経路」の値「伝書鳩」は使えません');
    const report = await check(consultant, sent.body.uploadId, 'consultations', columns, { channel: '来所' });
    expect(report.invalidRows).toEqual([]);
    expect(report.consultations).toBe(1);
    const done = await commit(consultant, sent.body.uploadId, {});
    expect(done.last?.type, JSON.stringify(done.last)).toBe('done');
    const written = await queryRows<{ family_name: string; channel: string }>(
      server.handle.owner,
      sql`select p.family_name, c.channel from consultations c join persons p on p.id = c.person_id
           where p.family_name like '一律%'`,
    );
    expect(written).toEqual([{ family_name: '一律', channel: 'visit_office' }]);
  });
});

/** A file of one consultation (来所, 相談) of a person on a day, uploaded and checked. */
async function checkedRow(name: string, kana: string, birthDate: string, receivedOn: string) {
  const row = [name, kana, birthDate, '', '', '', receivedOn, '来所', '相談', '', ''];
  const sent = await upload(consultant, csvOf([HEADER, row]));
  return { sent, report: await check(consultant, sent.body.uploadId, 'consultations', MAPPING) };
}

describe('records that change between the check and the import', () => {
  it('stops with IMPORT_CHANGED, writing nothing, when someone registered the same person meanwhile', async () => {
    const { sent, report } = await checkedRow('途中 登録', 'トチュウ トウロク', '1977-07-07', day(-1));
    expect(report.matches).toEqual([]);
    const meanwhile = await consultant.post('/api/people', {
      familyName: '途中',
      givenName: '登録',
      familyNameKana: 'トチュウ',
      givenNameKana: 'トウロク',
      birthDate: '1977-07-07',
    });
    expect(meanwhile.status).toBe(201);
    const before = await counts(server);
    const answer = await commit(consultant, sent.body.uploadId, {});
    expect(answer.status).toBe(200);
    expect(answer.last).toMatchObject({ type: 'error', code: 'IMPORT_CHANGED' });
    expect(await counts(server)).toEqual(before);
    // checked again, the row now asks whether it is that person
    const again = await check(consultant, sent.body.uploadId, 'consultations', MAPPING);
    expect(again.matches.map((m) => m.candidates.length)).toEqual([1]);
  });

  it('holds each 相談日 to the window of late entry in force when it goes in, not when it was checked', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const setWindow = async (days: number) => {
      const { version } = (await admin.get<{ version: number }>('/api/settings')).body;
      expect((await admin.patch('/api/settings', { backdateLimitDays: days, version })).status).toBe(200);
    };
    const { sent, report } = await checkedRow('窓口 狭まる', 'マドグチ セバマル', '1966-06-06', day(-100));
    expect(report.invalidRows).toEqual([]);
    await setWindow(30);
    try {
      const before = await counts(server);
      const planned = await plan(consultant, sent.body.uploadId, {});
      expect(planned.status).toBe(400);
      expect(planned.body.error).toMatchObject({ code: 'TOO_FAR_BACK' });
      const refused = await commit(consultant, sent.body.uploadId, {});
      expect(refused.status).toBe(400);
      expect(refused.error).toMatchObject({ error: { code: 'TOO_FAR_BACK' } });
      expect(JSON.stringify(refused.error)).toContain('2行目の相談日は');
      expect(await counts(server)).toEqual(before);
    } finally {
      await setWindow(365);
    }
    const done = await commit(consultant, sent.body.uploadId, {});
    expect(done.last?.type, JSON.stringify(done.last)).toBe('done');
  });
});

describe('matching never reveals what the user may not see', () => {
  it('another municipality is never matched; another organisation’s record is a bare notice', async () => {
    await startSecondCity(server);
    const jiritsu = await loggedIn(server.url, 'demo-jiritsu');
    const theirs = await jiritsu.post('/api/people', {
      familyName: '秘匿',
      givenName: '花',
      familyNameKana: 'ヒトク',
      givenNameKana: 'ハナ',
      birthDate: '1966-06-06',
    });
    expect(theirs.status).toBe(201);
    const rows = [
      HEADER,
      ['他市 ハナ', 'タシ ハナ', '1945-05-05', '090-0000-1111', '', '', '', '', '', '', ''],
      ['ひとく はな', 'ヒトク ハナ', '1966-06-06', '', '', '', '', '', '', '', ''],
    ];
    const sent = await upload(consultant, csvOf(rows));
    const report = await check(consultant, sent.body.uploadId, 'people', {
      fullName: '対象者氏名',
      fullKana: 'ふりがな',
      birthDate: '生年月日',
      phone: '電話番号',
    });
    expect(report.matches).toEqual([
      {
        row: 3,
        name: 'ひとく はな',
        kana: 'ヒトク ハナ',
        birthDate: '1966-06-06',
        candidates: [],
        sameAsRows: [],
        elsewhere: true,
      },
    ]);
    expect(JSON.stringify(report)).not.toContain('秘匿');
    // the audit names whom the notice was about (the user learnt that such a person exists)
    const [audited] = await queryRows<{ noticed: string[] }>(
      server.handle.owner,
      sql`select detail->'noticedIds' as noticed from audit_log where action = 'import.check' order by at desc limit 1`,
    );
    expect(audited?.noticed).toEqual([(theirs.body as { id: string }).id]);
    // the bare notice still needs a decision: never a new record by default
    const undecided = await commit(consultant, sent.body.uploadId, { decisions: [] });
    expect(undecided.error).toMatchObject({ error: { code: 'IMPORT_UNDECIDED', details: { rows: [3] } } });
  });
});
