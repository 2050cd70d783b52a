import { parse } from 'csv-parse/browser/esm/sync';

export type MemberRow = { line: number; name: string; affiliation: string | null; title: string | null };

/**
 * One person a line: 氏名, 所属, 役職, separated by tabs (pasted from Excel), or else by commas or 「、」.
 * A header line (氏名…) is left out.
 */
export function parseMemberList(text: string): MemberRow[] {
  return (
    text
      .split(/\r?\n/)
      // a line with tabs (from Excel or a CSV) keeps the commas and 「、」 inside its cells
      .map((text, line) => ({
        line,
        cells: text.split(text.includes('\t') ? '\t' : /,|、/).map((cell) => cell.trim()),
      }))
      .filter(({ cells: [name] }) => name && name !== '氏名' && name !== '名前')
      .map(({ line, cells: [name = '', affiliation, title] }) => ({
        line,
        name,
        affiliation: affiliation || null,
        title: title || null,
      }))
  );
}

/**
 * A CSV of 氏名・所属・役職 as Excel saves it (Shift_JIS or UTF-8, quoted cells), as the lines the
 * list takes (tab-separated), so that the preview shows what will be added.
 */
export async function readMemberCsv(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('shift_jis').decode(bytes);
  }
  const records: string[][] = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
  });
  return records.map((cells) => cells.map((c) => c.replace(/[\t\r\n]+/g, ' ').trim()).join('\t')).join('\n');
}
