import { z } from 'zod';

// What an import of the directory (CSV or HSDS) answers. A file with any problem imports
// nothing: the answer is 400 IMPORT_INVALID, its details the problems, each naming the row
// (CSV: the spreadsheet's row number, the header being row 1; HSDS: the service's number) and
// the column or the place in the document.

export const ZImportQuery = z.object({
  /** true (the default): check only, write nothing. */
  dryRun: z.enum(['true', 'false']).default('true'),
});

export const ZImportIssue = z.object({
  /** For the error details' generic readers: "row:column". */
  path: z.string(),
  row: z.number().nullable(),
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ZImportIssue>;

export const ZImportResult = z.object({
  format: z.enum(['csv', 'hsds']),
  dryRun: z.boolean(),
  imported: z.boolean(),
  /** Resources in the file. */
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  operatorsCreated: z.number(),
  /** CSV: the encoding the file was read in. */
  encoding: z.enum(['utf-8', 'shift_jis']).nullable(),
});
export type ImportResult = z.infer<typeof ZImportResult>;

export const MAX_IMPORT_ROWS = 2000;
export const MAX_REPORTED_ISSUES = 500;

export const issue = (row: number | null, column: string, message: string): ImportIssue => ({
  path: `${row ?? ''}:${column}`,
  row,
  column,
  message,
});
