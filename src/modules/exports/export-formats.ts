import { encodeShiftJis, requireShiftJis } from './export-shift-jis';
import type { ExportCell, ExportColumn, ExportColumnType, ExportTable } from './export-table';

// The files: CSV (RFC 4180, CRLF; UTF-8 with a BOM so that Excel reads it as UTF-8, or
// Shift_JIS) and XLSX (exceljs: a bold frozen header with a filter, numbers as numbers, days
// as date cells shown as yyyy/mm/dd or in 和暦 by the cell's format).

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

export const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** 和暦 by the cell's format: Excel and LibreOffice both show 令和7年4月1日 for [$-411]ggge. */
export const WAREKI_NUMBER_FORMAT = '[$-411]ggge"年"m"月"d"日"';
const NUMBER_FORMATS: Partial<Record<ExportColumnType, string>> = {
  date: 'yyyy/mm/dd',
  wareki: WAREKI_NUMBER_FORMAT,
  datetime: 'yyyy/mm/dd hh:mm',
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const JAPAN_OFFSET_MS = 9 * 3_600_000;

/** A calendar day or an instant as the date a spreadsheet stores (its clock is Japan's). */
function spreadsheetDate(type: ExportColumnType, value: string): Date | null {
  if (type === 'datetime') {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime() + JAPAN_OFFSET_MS);
  }
  const day = DAY.exec(value);
  return day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as a CSV holds it: days as 2026/04/01 (which Excel reads as a date), 和暦 included. */
function cellText(column: ExportColumn, value: ExportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const date =
    column.type === 'text' || column.type === 'number' ? null : spreadsheetDate(column.type, value);
  if (!date) return value;
  const day = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
  if (column.type === 'datetime') return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return day;
}

// A cell that starts like a formula is run by spreadsheets when a CSV is opened (CSV injection):
// it is written with a leading apostrophe, which makes it text.
// Full-width ＝＋－＠ too: Japanese Excel may take them as the half-width signs.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const guarded = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function sheetText(table: ExportTable) {
  return {
    labels: table.columns.map((c) => c.label),
    lines: table.rows.map((row) =>
      table.columns.map((c) => {
        const value = row[c.key] ?? null;
        return typeof value === 'number' ? String(value) : guarded(cellText(c, value));
      }),
    ),
  };
}

const csvText = ({ labels, lines }: { labels: string[]; lines: string[][] }) =>
  `${[labels.map(guarded), ...lines].map((cells) => cells.map(quoted).join(',')).join('\r\n')}\r\n`;

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function toCsv(table: ExportTable, encoding: ExportEncoding): Uint8Array<ArrayBuffer> {
  const text = sheetText(table);
  if (encoding === 'shift_jis') {
    requireShiftJis(text);
    return encodeShiftJis(csvText(text));
  }
  const body = new TextEncoder().encode(csvText(text));
  const bytes = new Uint8Array(BOM.length + body.length);
  bytes.set(BOM);
  bytes.set(body, BOM.length);
  return bytes;
}

/** Width in Excel's units: a full-width character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += (c.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

const FIXED_WIDTHS: Partial<Record<ExportColumnType, number>> = { date: 12, wareki: 18, datetime: 17 };

function columnWidth(column: ExportColumn, table: ExportTable): number {
  const fixed = FIXED_WIDTHS[column.type];
  const lines = [
    column.label,
    ...table.rows.slice(0, 500).map((r) => cellText(column, r[column.key] ?? null)),
  ];
  const widest = Math.max(...lines.flatMap((t) => t.split('\n').map(displayWidth)));
  return Math.min(60, Math.max(fixed ?? 8, widest + 2));
}

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, '・').slice(0, 31) || 'Sheet1';

export async function toXlsx(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: 28 MB of the server's memory
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tsunagu';
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: columnWidth(c, table) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  for (const row of table.rows) {
    const added = sheet.addRow({});
    table.columns.forEach((c, i) => {
      const value = row[c.key] ?? null;
      if (value === null) return;
      const cell = added.getCell(i + 1);
      const date = typeof value === 'string' ? spreadsheetDate(c.type, value) : null;
      const format = NUMBER_FORMATS[c.type];
      if (date && format && c.type !== 'text' && c.type !== 'number') {
        cell.value = date;
        cell.numFmt = format;
      } else {
        // text stays text: a string cell is never a formula, however it starts
        cell.value = value;
        if (typeof value === 'string' && value.includes('\n'))
          cell.alignment = { wrapText: true, vertical: 'top' };
        if (c.type === 'number') cell.alignment = { horizontal: 'right' };
      }
    });
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, table.rows.length + 1), column: Math.max(1, table.columns.length) },
  };
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

// A file name in Japanese (RFC 5987 filename*) with an ASCII one for clients that need it.
const RFC5987 = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(title: string, key: string, day: string, format: ExportFormat): string {
  const name = `${title.replace(/[\\/:*?"<>|]/g, '_')}_${day}.${format}`;
  return `attachment; filename="tsunagu-${key}-${day}.${format}"; filename*=UTF-8''${RFC5987(name)}`;
}
