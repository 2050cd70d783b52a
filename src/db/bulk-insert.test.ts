import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../modules/people/people.tables';
import { importMappings } from '../modules/program/program.tables';
import { openTestDatabase } from '../testing/test-database';
import { insertMany } from './bulk-insert';
import { type DbHandle, queryRows } from './client';

// Many rows in one statement through array literals: every value must come back as it went in.

let handle: DbHandle;
let tenantId = '';
let organisationId = '';
beforeAll(async () => {
  handle = await openTestDatabase({ demo: true });
  const [row] = await queryRows<{ tenant: string; org: string }>(
    handle.owner,
    sql`select tenant_id::text as tenant, id::text as org from organisations limit 1`,
  );
  tenantId = row?.tenant ?? '';
  organisationId = row?.org ?? '';
});
afterAll(() => handle.close());

describe('insertMany', () => {
  it('keeps quotes, backslashes, braces, commas, the word NULL, empty text, nulls, arrays and 𠮷 with IVS', async () => {
    const tricky = [
      '"引用"',
      'back\\slash',
      '{braces}',
      'a,b',
      'NULL',
      'null',
      '',
      ' 空白 ',
      '\u3000全角の空白',
      'a\tb',
      '𠮷田 葛\u{E0100}',
    ];
    const rows = tricky.map((text, i) => ({
      id: randomUUID(),
      tenantId,
      familyName: `試験${i}`,
      givenName: text,
      notes: i % 2 ? null : text,
      phones: [text, 'x"y', ''],
      birthDate: i % 2 ? '1950-01-02' : null,
      isDeceased: i % 2 === 0,
      createdByOrganisationId: organisationId,
      nameKey: text,
      nameGrams: [],
    }));
    await insertMany(handle.owner, persons, rows);
    for (const row of rows) {
      const [stored] = await handle.owner.select().from(persons).where(eq(persons.id, row.id));
      expect(stored).toMatchObject({
        givenName: row.givenName,
        notes: row.notes,
        phones: row.phones,
        birthDate: row.birthDate,
        isDeceased: row.isDeceased,
        nameGrams: [],
      });
    }
  });

  it('writes jsonb columns', async () => {
    const id = randomUUID();
    const columns = { fullName: '氏名 "本人"', notes: '備考\\メモ' };
    await insertMany(handle.owner, importMappings, [
      { id, tenantId, kind: 'people', source: '試験', columns },
    ]);
    const [stored] = await handle.owner.select().from(importMappings).where(eq(importMappings.id, id));
    expect(stored?.columns).toEqual(columns);
  });
});
