import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLICATION_LOGIN } from '../../src/testing/test-database';
import { replayScripts, statementsOf } from './replay';

const entry = (body: string) => `@@${APPLICATION_LOGIN}@@ ${body}\n`;

describe('the statements captured for pgbench', () => {
  it("write no ':name' that pgbench would take for one of its variables, in the text or a parameter", () => {
    const log = [
      entry(`LOG:  execute c_1: select to_char(at, 'HH24:MI') from t where token = $1 and n = $2`),
      entry(`DETAIL:  parameters: $1 = 'org:a3a9', $2 = '1'`),
      entry(`LOG:  statement: select 'it''s' where 'a::b' <> ''`),
      `@@postgres@@ LOG:  statement: select 'someone else''s'\n`,
    ].join('');
    expect(statementsOf(log)).toEqual([
      `select to_char(at, E'HH24\\x3aMI') from t where token = E'org\\x3aa3a9' and n = '1'`,
      `select 'it''s' where E'a\\x3a\\x3ab' <> ''`,
    ]);
  });
});

describe('the replay of every request', () => {
  const script = (entry: string) => {
    const [file, weight] = entry.split('@') as [string, string];
    return { lines: readFileSync(file, 'utf8').trim().split('\n'), weight: Number(weight) };
  };
  const page = (token: string, caseId: string) => [
    `select app_session_user('${token}')`,
    `select * from cases where id = '${caseId}' and status <> 'closed'`,
    `select * from support_records where case_id = '${caseId}' limit '500'`,
  ];

  it("draws each request's own values, and keeps what every request shares as it is", () => {
    const [only, ...more] = replayScripts('test-pages', [
      page('s1', 'c1'),
      page('s2', 'c2'),
      page('s1', 'c3'),
    ]);
    expect(more).toEqual([]);
    const { lines, weight } = script(only as string);
    expect(weight).toBe(3);
    expect(lines).toEqual([
      '\\set b1 random(1, 3)',
      "select (array['s1','s2','s1'])[:b1] as v1, (array['c1','c2','c3'])[:b1] as v2 \\gset",
      'select app_session_user(:v1);',
      "select * from cases where id = :v2 and status <> 'closed';",
      "select * from support_records where case_id = :v2 limit '500';",
    ]);
  });

  it('gives requests of another shape a script of their own, weighted by how many they are', () => {
    const withReferral = [...page('s1', 'c4'), `select * from referrals where id = 'r1'`];
    const scripts = replayScripts('test-shapes', [page('s1', 'c1'), page('s2', 'c2'), withReferral]);
    expect(scripts.map((s) => script(s).weight)).toEqual([2, 1]);
    expect(script(scripts[1] as string).lines).toEqual([...withReferral.map((s) => `${s};`)]);
  });

  it('draws sessions and searches apart when every session ran every search', () => {
    // each request's audit entry has the moment it was served (its colons as pgbench reads them)
    let second = 10;
    const search = (token: string, q: string) => [
      `select app_session_user('${token}')`,
      `select * from persons where name_key like '${q}%' and kana_key like '${q}%'`,
      `insert into audit_log (at) values (E'2026-11-30 05\\x3a09\\x3a${second++}.137+00')`,
    ];
    const captures = ['s1', 's2', 's3'].flatMap((t) => ['a', 'b'].map((q) => search(t, q)));
    const { lines } = script(replayScripts('test-searches', captures)[0] as string);
    expect(lines).toEqual([
      '\\set b1 random(1, 3)',
      '\\set b2 random(1, 2)',
      "select (array['s1','s2','s3'])[:b1] as v1, (array['a%','b%'])[:b2] as v2 \\gset",
      'select app_session_user(:v1);',
      'select * from persons where name_key like :v2 and kana_key like :v2;',
      "insert into audit_log (at) values (E'2026-11-30 05\\x3a09\\x3a10.137+00');",
    ]);
  });
});
