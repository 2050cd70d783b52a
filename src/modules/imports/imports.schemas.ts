import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { IMPORT_KINDS } from '../../shared/program-vocabulary';
import { requiredText } from '../../shared/schema-helpers';
import { FIXABLE_FIELDS, IMPORT_FIELDS } from './import-fields';

// Requests and answers of the import of people, households and consultations (shared with the UI).

export const ZColumnMapping = z.partialRecord(
  z.enum(IMPORT_FIELDS),
  z.string().trim().min(1).max(200, { error: '列の名前は200文字以内です。' }),
);

/** One value for every row, for a field the file has no column for. */
export const ZFixedValues = z.partialRecord(
  z.enum(FIXABLE_FIELDS),
  z.string().trim().min(1).max(40, { error: '値は40文字以内です。' }),
);

export const ZMappingInput = z.strictObject({
  kind: z.enum(IMPORT_KINDS, { error: '取り込む内容を選んでください。' }),
  source: requiredText('取り込み元の名前', 80),
  columns: ZColumnMapping,
  fixed: ZFixedValues.default({}),
  /** null to save a new source; the version read to change a saved one (409 when stale). */
  version: ZVersion.nullable(),
});
export type MappingInput = z.infer<typeof ZMappingInput>;

export const ZMapping = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  source: z.string(),
  columns: ZColumnMapping,
  fixed: ZFixedValues,
  version: z.number(),
  updatedAt: z.string(),
});
export type Mapping = z.infer<typeof ZMapping>;
export const ZMappingList = z.object({ mappings: z.array(ZMapping) });

export const ZUpload = z.object({
  uploadId: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'shift_jis']).nullable(),
  headers: z.array(z.string()),
  /** A value of each column from the first rows, to recognise the columns by (the user's own file). */
  samples: z.array(z.string()),
  rowCount: z.number(),
  proposal: z.object({ kind: z.enum(IMPORT_KINDS), columns: ZColumnMapping, fixed: ZFixedValues }),
  /** Ids of the saved mappings whose every column is in this file, the closest first. */
  fittingMappings: z.array(z.string()),
});
export type Upload = z.infer<typeof ZUpload>;

export const ZUploadQuery = z.object({
  fileName: z.string().max(200).optional(),
});

export const ZCheckRequest = z.strictObject({
  kind: z.enum(IMPORT_KINDS, { error: '取り込む内容を選んでください。' }),
  columns: ZColumnMapping,
  fixed: ZFixedValues.default({}),
});
export type CheckRequest = z.infer<typeof ZCheckRequest>;

const ZRowIssue = z.object({ row: z.number(), column: z.string(), message: z.string() });

const ZMatchReason = z.enum(['kana_and_birth_date', 'name_and_birth_date', 'phone']);

const ZCandidate = z.object({
  personId: z.string(),
  name: z.string(),
  kana: z.string().nullable(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  registeredBy: z.string(),
  reasons: z.array(ZMatchReason),
  canLink: z.boolean(),
});

const ZRowMatch = z.object({
  row: z.number(),
  /** The row as the file has it (the user's own file), to compare with the candidates. */
  name: z.string(),
  kana: z.string().nullable(),
  birthDate: z.string().nullable(),
  candidates: z.array(ZCandidate),
  sameAsRows: z.array(z.object({ row: z.number(), reasons: z.array(ZMatchReason) })),
  elsewhere: z.boolean(),
});
export type RowMatchView = z.infer<typeof ZRowMatch>;

export const MAX_REPORTED_ISSUES = 1000;

export const ZCheckReport = z.object({
  rows: z.number(),
  validRows: z.number(),
  /** Every row with a problem (the issues list stops at MAX_REPORTED_ISSUES). */
  invalidRows: z.array(z.number()),
  issues: z.array(ZRowIssue),
  issueCount: z.number(),
  matches: z.array(ZRowMatch),
  consultations: z.number(),
});
export type CheckReport = z.infer<typeof ZCheckReport>;

export const ZDecision = z.discriminatedUnion('choice', [
  z.strictObject({ row: z.number().int(), choice: z.literal('new') }),
  z.strictObject({ row: z.number().int(), choice: z.literal('existing'), personId: z.uuid() }),
  z.strictObject({ row: z.number().int(), choice: z.literal('sameAsRow'), sameAsRow: z.number().int() }),
]);
export type Decision = z.infer<typeof ZDecision>;

export const ZCommitRequest = z.strictObject({
  decisions: z.array(ZDecision).max(100_000).default([]),
  /** Rows the user leaves out (e.g. those with problems, to fix later). */
  skipRows: z.array(z.number().int()).max(100_000).default([]),
});
export type CommitRequest = z.infer<typeof ZCommitRequest>;

export const ZImportPlan = z.object({
  rows: z.number(),
  skipped: z.number(),
  people: z.number(),
  linked: z.number(),
  households: z.number(),
  consultations: z.number(),
  consents: z.number(),
});
export type ImportPlan = z.infer<typeof ZImportPlan>;

/** One line of the streamed answer (NDJSON) of a check or an import. */
export type StreamLine =
  | { type: 'progress'; phase: 'read' | 'match' | 'write'; done: number; total: number }
  | { type: 'report'; report: CheckReport }
  | { type: 'done'; result: ImportPlan }
  | { type: 'error'; code: string; message: string };
