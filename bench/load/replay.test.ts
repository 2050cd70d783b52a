import { describe, expect, it } from 'vitest';
import { APPLICATION_LOGIN } from '../../src/testing/test-database';
import { statementsOf } from './replay';

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
