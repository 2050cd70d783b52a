import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { badRequest } from '../../server/errors';
import { type CsvEncoding, decodeCsv } from '../resources/csv-file';
import { dateOfCell } from './import-dates';

// A spreadsheet as a table of text: CSV (UTF-8 with or without BOM, or Shift_JIS) or the first
// sheet of an XLSX workbook. The first row that is not empty holds the headers; every later row
// keeps its number in the spreadsheet, so that the report can name it.

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;

export type FileFormat = 'csv' | 'xlsx';
export type SheetRow = { row: number; cells: string[] };
export type SheetTable = {
  format: FileFormat;
  encoding: CsvEncoding | null;
  headers: string[];
  rows: SheetRow[];
};

const unreadable = (what: string) =>
  badRequest(
    'FILE_UNREADABLE',
    `${what}として読み取れませんでした。CSV か Excel（.xlsx）のファイルを選んでください。`,
  );

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

type CellValue = ExcelJS.CellValue;

function textOfCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateOfCell(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return textOfCell((value.result ?? null) as CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

// Read as a stream, the first sheet only: loading a whole workbook of 50,000 rows took 1.3 GB.
async function readXlsxOnce(ExcelJS: typeof import('exceljs'), bytes: Uint8Array): Promise<string[][]> {
  const records: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      // exceljs numbers cells from 1: index 0 is always empty
      records[row.number - 1] = values.slice(1).map((value) => textOfCell(value ?? null));
    }
    break;
  }
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return records;
}

/**
 * exceljs's streaming reader now and then loses the workbook part of a sound file (a race in its
 * reading of the archive, exceljs issue 3064: about one read in 300 here, of files exceljs wrote,
 * as our own exports are); a read that fails is tried again before the file is called unreadable.
 */
const XLSX_ATTEMPTS = 3;

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: 28 MB of the server's memory
  for (let attempt = 1; ; attempt++) {
    try {
      return await readXlsxOnce(ExcelJS, bytes);
    } catch {
      if (attempt === XLSX_ATTEMPTS) throw unreadable('Excel のファイル');
    }
  }
}

function readCsv(text: string): string[][] {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw badRequest(
      'FILE_UNREADABLE',
      `CSVとして読み取れませんでした${line ? `（${line}行目のあたり）` : ''}。引用符（"）の閉じ忘れがないか確かめてください。`,
    );
  }
}

const isEmpty = (record: string[]) => record.every((cell) => cell.trim() === '');

/** Headers as the screen shows them: blank ones named by their column, repeated ones numbered. */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, i) => {
    let name = value.trim() || `（${i + 1}列目）`;
    if (seen.has(name)) name = `${name}（${i + 1}列目）`;
    seen.add(name);
    return name;
  });
}

export async function readSheet(bytes: Uint8Array): Promise<SheetTable> {
  if (bytes.length === 0) throw badRequest('FILE_EMPTY', 'ファイルが空です。');
  const format: FileFormat = isZip(bytes) ? 'xlsx' : 'csv';
  let encoding: CsvEncoding | null = null;
  let records: string[][];
  if (format === 'xlsx') records = await readXlsx(bytes);
  else {
    const decoded = decodeCsv(bytes);
    encoding = decoded.encoding;
    records = readCsv(decoded.text);
  }
  const headerIndex = records.findIndex((record) => !isEmpty(record));
  const header = records[headerIndex];
  if (headerIndex < 0 || !header)
    throw badRequest('FILE_EMPTY', '見出しの行が見つかりません。1行目に見出しを書いてください。');
  const headers = uniqueHeaders(header);
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (!isEmpty(record)) rows.push({ row: i + 1, cells: headers.map((_, c) => (record[c] ?? '').trim()) });
  }
  if (rows.length === 0)
    throw badRequest('FILE_EMPTY', '取り込む行がありません。見出しの次の行から書いてください。');
  if (rows.length > MAX_IMPORT_ROWS)
    throw badRequest(
      'FILE_TOO_MANY_ROWS',
      `一度に取り込めるのは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです（${rows.length.toLocaleString('ja-JP')}行あります）。ファイルを分けてください。`,
    );
  return { format, encoding, headers, rows };
}
