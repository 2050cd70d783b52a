// What every export is made of, whatever the list: a title, typed columns and rows. The file
// formats (export-formats.ts) know nothing about lists, and the lists nothing about files.

/**
 * text: as written; number: a number (or the text a screen shows instead, e.g. 「5件未満」);
 * date / wareki: a calendar day (YYYY-MM-DD), wareki shown as 令和7年4月1日;
 * datetime: an instant (ISO 8601), shown in Japan time.
 */
export type ExportColumnType = 'text' | 'number' | 'date' | 'wareki' | 'datetime';

export type ExportColumn = { key: string; label: string; type: ExportColumnType };

export type ExportCell = string | number | null;
export type ExportRow = Record<string, ExportCell>;

export type ExportTable = { title: string; columns: ExportColumn[]; rows: ExportRow[] };

/**
 * A list's rows as a loader hands them over: the table, the ids of the records in it, and other
 * records it names (as the list's own audit names them, e.g. the people of 参加支援 records).
 */
export type ExportContent = {
  columns: ExportColumn[];
  rows: ExportRow[];
  ids: string[];
  alsoNamed?: Record<string, string[]>;
};

export const column = (key: string, label: string, type: ExportColumnType = 'text'): ExportColumn => ({
  key,
  label,
  type,
});

/** Several values in one cell, as the screens list them. */
export const joined = (values: readonly (string | null | undefined)[], separator = '、') =>
  values.filter((v): v is string => Boolean(v)).join(separator);

export const yesNo = (value: boolean, yes = 'はい', no = '') => (value ? yes : no);
