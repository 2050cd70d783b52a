import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';

type Person = { id: string; familyName: string; givenName: string | null; mergedIntoId: string | null };

let server: RunningServer;
let worker: TestClient;
let other: TestClient;

const register = async (client: TestClient, body: Record<string, unknown>) => {
  const response = await client.post<Person>('/api/people', body);
  expect(response.status).toBe(201);
  return response.body;
};

beforeAll(async () => {
  server = await startTestServer();
  worker = await loggedIn(server.url, 'demo-disability');
  other = await loggedIn(server.url, 'demo-child');
  await register(worker, {
    familyName: '齋藤',
    givenName: '花子',
    familyNameKana: 'サイトウ',
    givenNameKana: 'ハナコ',
    birthDate: '1950-01-02',
  });
  await register(worker, {
    familyName: '髙橋',
    givenName: '一',
    familyNameKana: 'タカハシ',
    givenNameKana: 'ハジメ',
    birthYear: 1962,
  });
  await register(worker, {
    familyName: '渡邉',
    givenName: '恵',
    familyNameKana: 'ワタナベ',
    givenNameKana: 'メグミ',
    ageBand: '40-64',
  });
  await register(worker, {
    familyName: '山田',
    givenName: '太郎',
    familyNameKana: 'ﾔﾏﾀﾞ',
    givenNameKana: 'ﾀﾛｳ',
    phones: ['０９０－３３３３－４４４４'],
    address: 'つなぐ市港町5-6',
  });
});
afterAll(() => server.close());

const search = async (query: string) =>
  (await worker.get<{ people: Person[] }>(`/api/people?${query}`)).body.people.map(
    (p) => `${p.familyName}${p.givenName ?? ''}`,
  );

describe('searching people', () => {
  it('finds 齋藤 by 斉藤 and 斎藤, 髙橋 by 高橋, 渡邉 by 渡辺 and 渡邊', async () => {
    for (const q of ['斉藤', '斎藤', '齋藤'])
      expect(await search(`q=${encodeURIComponent(q)}`)).toEqual(['齋藤花子']);
    expect(await search(`q=${encodeURIComponent('高橋')}`)).toEqual(['髙橋一']);
    for (const q of ['渡辺', '渡邊']) expect(await search(`q=${encodeURIComponent(q)}`)).toEqual(['渡邉恵']);
  });

  it('finds by kana in any script and width, partial, with or without spaces', async () => {
    for (const q of ['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'ヤマダ　タロウ', 'まだた']) {
      expect(await search(`q=${encodeURIComponent(q)}`), q).toEqual(['山田太郎']);
    }
  });

  it('finds by birth date, phone and address fragment', async () => {
    expect(await search('birthDate=1950-01-02')).toEqual(['齋藤花子']);
    expect(await search('phone=09033334444')).toEqual(['山田太郎']);
    expect(await search(`address=${encodeURIComponent('港町')}`)).toEqual(['山田太郎']);
    expect((await worker.get('/api/people')).status).toBe(400);
    // a name of symbols only is no condition: alone it asks for one, beside another it is ignored
    const symbols = await worker.get<{ error?: { code: string } }>(
      `/api/people?q=${encodeURIComponent('・・')}`,
    );
    expect([symbols.status, symbols.body.error?.code]).toEqual([400, 'SEARCH_TOO_BROAD']);
    expect(await search(`q=${encodeURIComponent('・・')}&birthDate=1950-01-02`)).toEqual(['齋藤花子']);
  });

  it("finds nothing of another organisation's people, with the same searches as theirs", async () => {
    // each search is built once for its shape and role: the values, the actor's among them, go
    // with each run, so the statement the first organisation's searches built answers the other
    // with the other's access
    const queries = [
      `q=${encodeURIComponent('斉藤')}`,
      `q=${encodeURIComponent('やまだ')}&birthDate=1950-01-02`,
      'birthDate=1950-01-02',
      'phone=09033334444',
      `address=${encodeURIComponent('港町')}`,
      `q=${encodeURIComponent('山田')}&phone=09033334444&address=${encodeURIComponent('港町')}`,
    ];
    for (const query of queries) {
      const found = await other.get<{ people: Person[] }>(`/api/people?${query}`);
      expect([found.status, found.body.people], query).toEqual([200, []]);
    }
    expect(await search(queries[5] as string)).toEqual(['山田太郎']);
    expect(await search(queries[0] as string)).toEqual(['齋藤花子']);
  });
});

describe('名寄せ', () => {
  it('warns of likely duplicates before saving, and counts matches elsewhere without details', async () => {
    const mine = await worker.post<{
      candidates: { person: Person; reasons: string[] }[];
      elsewhere: number;
    }>('/api/people/duplicates', {
      familyName: '斎藤',
      givenName: '花子',
      familyNameKana: 'ｻｲﾄｳ',
      givenNameKana: 'ﾊﾅｺ',
      birthDate: '1950-01-02',
    });
    expect(mine.body.candidates).toHaveLength(1);
    expect(mine.body.candidates[0]?.reasons).toEqual(['kana_and_birth_date', 'name_and_birth_date']);
    const byPhone = await worker.post<{ candidates: { reasons: string[] }[] }>('/api/people/duplicates', {
      familyName: '別人',
      phones: ['090-3333-4444'],
    });
    expect(byPhone.body.candidates[0]?.reasons).toEqual(['phone']);
    const theirs = await other.post<{ candidates: unknown[]; elsewhere: number }>('/api/people/duplicates', {
      familyName: '齊藤',
      givenName: '花子',
      birthDate: '1950-01-02',
    });
    expect(theirs.body).toEqual({ candidates: [], elsewhere: 1 });
  });

  it('merges two records of one person keeping both, and can undo it', async () => {
    const a = await register(worker, { familyName: '佐々木', givenName: '修', birthDate: '1980-08-08' });
    const b = await register(worker, { familyName: '佐佐木', givenName: '修', birthDate: '1980-08-08' });
    const merge = await worker.post<{ id: string }>(`/api/people/${a.id}/merge`, { mergedPersonId: b.id });
    expect(merge.status).toBe(200);
    expect(await search('birthDate=1980-08-08')).toEqual(['佐々木修']);
    const mergedRecord = await worker.get<Person>(`/api/people/${b.id}`);
    expect(mergedRecord.body.mergedIntoId).toBe(a.id);
    const again = await worker.post(`/api/people/${a.id}/merge`, { mergedPersonId: b.id });
    expect(again.status).toBe(409);
    const undo = await worker.post(`/api/people/merges/${merge.body.id}/undo`);
    expect(undo.status).toBe(200);
    expect((await search('birthDate=1980-08-08')).sort()).toEqual(['佐々木修', '佐佐木修']);
    const admin = await loggedIn(server.url, 'demo-admin');
    const log = await admin.get<{ rows: { action: string }[] }>(`/api/audit?targetId=${a.id}`);
    expect(log.body.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['person.merge', 'person.unmerge']),
    );
  });
});

describe('one-character searches', () => {
  it('find names that start with the character, so that 林 is not buried under every 小林', async () => {
    await register(worker, {
      familyName: '林',
      givenName: '真',
      familyNameKana: 'ハヤシ',
      givenNameKana: 'マコト',
    });
    await register(worker, {
      familyName: '小林',
      givenName: '進',
      familyNameKana: 'コバヤシ',
      givenNameKana: 'ススム',
    });
    expect(await search(`q=${encodeURIComponent('林')}`)).toEqual(['林真']);
    expect((await search(`q=${encodeURIComponent('小林')}`)).sort()).toEqual(['小林進']);
  });
});
