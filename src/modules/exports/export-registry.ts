import type { ExportList } from './export-list';
import { COMMUNITY_EXPORTS } from './export-lists-community';
import { MEETING_EXPORTS } from './export-lists-meetings';
import { PARTICIPATION_EXPORTS } from './export-lists-participation';
import { PROGRAM_EXPORTS } from './export-lists-program';
import { RECORD_EXPORTS } from './export-lists-records';

// Every list and report that exports, by its key: GET /api/exports/{key}.

export const EXPORT_LISTS: ExportList[] = [
  ...RECORD_EXPORTS,
  ...MEETING_EXPORTS,
  ...PARTICIPATION_EXPORTS,
  ...COMMUNITY_EXPORTS,
  ...PROGRAM_EXPORTS,
];
