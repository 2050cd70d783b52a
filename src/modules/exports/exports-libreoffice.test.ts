import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, consultationBody, startCaseWorld, type Who } from '../../testing/case-world';
import { csvRecords, download, firstSheet } from '../../testing/export-download';

// The files as another program reads them: LibreOffice (headless) converts each export into
// another format, and what it read is compared with what was written. UTF-8 CSV with its BOM,
// Shift_JIS CSV with the filter options Calc's import dialog would use, and XLSX with its 和暦
// date format. CI installs LibreOffice (.ci/run); elsewhere the file is skipped without it.

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
if (!SOFFICE) {
  if (process.env.CI) throw new Error('LibreOffice (soffice) is required in CI: .ci/run installs it');
  console.warn('exports-libreoffice: soffice not found, skipped (apt-get install libreoffice-calc-nogui)');
}

/** Calc's CSV filter: comma, double quote, the character set, from line 1. */
const CSV_FILTER = 'Text - txt - csv (StarCalc)';
const UTF8 = 76;
const SHIFT_JIS = 64;

let world: CaseWorld;
let work = '';
const as = (who: Who) => world.as(who);

beforeAll(async () => {
  if (!SOFFICE) return;
  work = join(tmpdir(), `tsunagu-lo-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  world = await startCaseWorld();
  const taken = await as('houkatsu').post(
    '/api/consultations',
    consultationBody({
      newPerson: {
        familyName: '𠮷野',
        givenName: '葛\u{E0100}子',
        familyNameKana: 'ヨシノ',
        birthDate: '1950-01-02',
      },
      mainComplaint: '=1+2 と書かれた家計のメモについて',
    }),
  );
  expect(taken.status).toBe(201);
});
afterAll(async () => {
  if (!SOFFICE) return;
  await world.server.close();
  await rm(work, { recursive: true, force: true });
});

const run = promisify(execFile);

/** Converts a file with LibreOffice, each run with its own profile (so runs never share one). */
async function convert(bytes: Uint8Array, name: string, to: string, infilter?: string): Promise<string> {
  const input = join(work, name);
  const out = join(work, `out-${randomUUID()}`);
  await writeFile(input, bytes);
  const profile = `file://${join(work, `profile-${randomUUID()}`)}`;
  await run(
    SOFFICE ?? 'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      out,
      input,
    ],
    { timeout: 120_000 },
  );
  return join(out, `${name.replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`);
}

/** A cell as plain text (Calc writes mixed scripts as rich text runs). */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

async function sheetRows(path: string): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet }> {
  const sheet = await firstSheet(new Uint8Array(await readFile(path)));
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: row.cellCount }, (_, i) => text(row.getCell(i + 1).value)));
  });
  return { rows, sheet };
}

const exportOf = (who: Who, path: string) => download(as(who), `/api/exports/${path}`);

describe.skipIf(!SOFFICE)('LibreOffice reads the exports without mojibake', () => {
  it('reads the UTF-8 CSV (BOM) with 𠮷 and an IVS, and a formula-like cell as text', async () => {
    const file = await exportOf('houkatsu', 'consultations');
    const written = csvRecords(new TextDecoder().decode(file.bytes));
    const { rows, sheet } = await sheetRows(
      await convert(file.bytes, 'consultations.csv', 'xlsx', `${CSV_FILTER}:44,34,${UTF8},1`),
    );
    expect(rows[0]).toEqual(written[0]);
    const people = [2, 3, 5, 8]; // 本人, 経路, 主訴, 受付機関: text as written
    for (const [i, row] of written.entries())
      for (const c of people) expect(rows[i]?.[c], `${i + 1}行目 ${c + 1}列目`).toBe(row[c]);
    expect(rows.map((r) => r[2])).toContain('𠮷野 葛\u{E0100}子');
    const complaint = sheet.getColumn(6).values.find((v) => text(v ?? null).includes('家計のメモ'));
    expect(text(complaint ?? null)).toBe("'=1+2 と書かれた家計のメモについて");
    expect(complaint).not.toHaveProperty('formula');
  });

  it('reads the Shift_JIS CSV with the Shift_JIS filter as the UTF-8 one', async () => {
    const query = `people?q=${encodeURIComponent('松岡')}`;
    const plain = csvRecords(new TextDecoder().decode((await exportOf('coordinator', query)).bytes));
    const sjis = await exportOf('coordinator', `${query}&encoding=shift_jis`);
    expect(sjis.status).toBe(200);
    const { rows } = await sheetRows(
      await convert(sjis.bytes, 'people.csv', 'xlsx', `${CSV_FILTER}:44,34,${SHIFT_JIS},1`),
    );
    expect(rows[0]).toEqual(plain[0]);
    expect(rows[1]?.slice(0, 2)).toEqual(plain[1]?.slice(0, 2));
    expect(rows[1]?.[0]).toBe('松岡 トメ');
  });

  it('reads the XLSX: 𠮷 and the IVS intact, the birth date shown in 和暦 by its format', async () => {
    const file = await exportOf('houkatsu', `people?q=${encodeURIComponent('ヨシノ')}&format=xlsx`);
    const csv = await convert(file.bytes, 'people.xlsx', `csv:${CSV_FILTER}:44,34,${UTF8},1`);
    const rows = csvRecords(await readFile(csv, 'utf8'));
    expect(rows[0]).toEqual(['氏名', 'フリガナ', '生年月日', '世帯', '登録日']);
    expect(rows[1]?.[0]).toBe('𠮷野 葛\u{E0100}子');
    expect(rows[1]?.[2]).toBe('昭和25年1月2日');
    expect(rows[1]?.[4]).toMatch(/^令和\d+年\d+月\d+日$/);
  });
});
