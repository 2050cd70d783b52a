import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, type CsvColumn, REQUIRED_COLUMNS } from './csv-rows';
import { IRREGULAR_WORD, LIST_SEPARATOR } from './csv-values';
import { type ImportIssue, issue, MAX_IMPORT_ROWS } from './directory-import.schemas';

// A CSV file as spreadsheets save it: UTF-8 with or without BOM, or Shift_JIS (Excel's
// 「CSV（コンマ区切り）」 on Japanese Windows). A BOM means UTF-8; otherwise the bytes are read
// as strict UTF-8, and as Shift_JIS when they are not UTF-8.

export type CsvEncoding = 'utf-8' | 'shift_jis';

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

export type CsvTable = {
  /** Each data row with its number in the spreadsheet (the header is row 1). */
  rows: { row: number; cells: Partial<Record<CsvColumn, string>> }[];
  issues: ImportIssue[];
};

const KNOWN = new Set<string>(CSV_COLUMNS);

export function readCsvTable(text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: [],
      issues: [
        issue(
          line ?? null,
          '（ファイル全体）',
          'CSVとして読み取れませんでした。引用符（"）の閉じ忘れがないか確かめてください。',
        ),
      ],
    };
  }
  const [header = [], ...data] = records;
  const issues: ImportIssue[] = [];
  const columns = header.map((name) => name.trim());
  columns.forEach((name, i) => {
    if (name !== '' && !KNOWN.has(name))
      issues.push(
        issue(
          1,
          name,
          `見出し「${name}」は使えません（${i + 1}列目）。テンプレートの見出しを使ってください。`,
        ),
      );
    if (name !== '' && columns.indexOf(name) !== i)
      issues.push(issue(1, name, `見出し「${name}」が2回あります。`));
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required))
      issues.push(issue(1, required, `見出し「${required}」の列がありません。`));
  }
  const rows = data
    .map((record, i) => ({ record, row: i + 2 }))
    .filter(({ record }) => record.some((value) => value.trim() !== ''))
    .map(({ record, row }) => ({
      row,
      cells: Object.fromEntries(
        columns.flatMap((name, i) => (KNOWN.has(name) ? [[name, record[i] ?? '']] : [])),
      ) as Partial<Record<CsvColumn, string>>,
    }));
  if (rows.length === 0 && issues.length === 0)
    issues.push(
      issue(null, '（ファイル全体）', '取り込む行がありません。見出しの次の行から書いてください。'),
    );
  if (rows.length > MAX_IMPORT_ROWS)
    issues.push(
      issue(
        null,
        '（ファイル全体）',
        `一度に取り込めるのは${MAX_IMPORT_ROWS}行までです（${rows.length}行あります）。ファイルを分けてください。`,
      ),
    );
  return { rows, issues };
}

/** The template: the headers and one example row, UTF-8 with a BOM so that Excel opens it as such. */
export function csvTemplate(): string {
  const example: Record<CsvColumn, string> = {
    名称: 'ふれあいサロン桜台',
    種別: `サロン・つどいの場${LIST_SEPARATOR}通いの場`,
    運営団体: '桜台町会',
    運営団体の種別: '自治会・町会',
    地区: '',
    所在地: '桜台1-2-3 桜台集会所',
    曜日と時間: `月 13:00-16:00${LIST_SEPARATOR}水 10:00-12:00`,
    日程の補足: `祝日は休み（${IRREGULAR_WORD}の場合は「${IRREGULAR_WORD}」と書きます）`,
    対象年齢: '65-',
    対象: '高齢の方',
    できること: `話す${LIST_SEPARATOR}体を動かす`,
    費用: '100円（お茶代）',
    内容: '体操とおしゃべりの会です。',
    'バリアフリー・配慮': '段差なし',
    連絡先担当者: '',
    電話: '03-0000-0000',
    メール: '',
    定員: '20',
    空き: '5',
    状態: '活動中',
    受け入れ側の配慮: '初めての方には世話役が付き添います。',
  };
  const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const line = (values: string[]) => values.map(quote).join(',');
  return `\uFEFF${line([...CSV_COLUMNS])}\r\n${line(CSV_COLUMNS.map((c) => example[c]))}\r\n`;
}
