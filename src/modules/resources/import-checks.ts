import type { z } from 'zod';
import { type ImportIssue, issue } from './directory-import.schemas';
import { type OperatorInput, type ResourceInput, ZOperatorInput, ZResourceInput } from './resources.schemas';

// An imported row is checked by the same schemas as a resource typed on the screen; each
// problem is reported at the column (CSV) or place (HSDS) its field came from.

/** A resource as read from a file, before its operator and area are known as records. */
export type ImportedResource = Omit<ResourceInput, 'operatorId' | 'areaId'>;
export type ResourceFields = Omit<z.input<typeof ZResourceInput>, 'operatorId' | 'areaId'>;

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

type PlaceOf = (field: string) => string;

function issuesOf(error: z.ZodError, row: number | null, placeOf: PlaceOf): ImportIssue[] {
  return error.issues.map((found) => issue(row, placeOf(String(found.path[0] ?? '')), found.message));
}

export function checkResource(
  fields: ResourceFields,
  row: number | null,
  placeOf: PlaceOf,
): { input: ImportedResource | null; issues: ImportIssue[] } {
  const parsed = ZResourceInput.safeParse({ ...fields, operatorId: PLACEHOLDER_ID, areaId: null });
  if (!parsed.success) return { input: null, issues: issuesOf(parsed.error, row, placeOf) };
  const { operatorId: _operator, areaId: _area, ...input } = parsed.data;
  return { input, issues: [] };
}

export function checkOperator(
  fields: z.input<typeof ZOperatorInput>,
  row: number | null,
  placeOf: PlaceOf,
): { input: OperatorInput | null; issues: ImportIssue[] } {
  const parsed = ZOperatorInput.safeParse(fields);
  if (!parsed.success) return { input: null, issues: issuesOf(parsed.error, row, placeOf) };
  return { input: parsed.data, issues: [] };
}
