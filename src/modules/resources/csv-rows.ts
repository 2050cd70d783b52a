import {
  ACTIVITY_LABELS,
  OPERATOR_KIND_LABELS,
  type OperatorKind,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_ATTRIBUTE_LABELS,
} from '../../shared/participation-vocabulary';
import { agesOf, codeOf, costOf, countOf, listOf, type Parsed, scheduleOf, textOrNull } from './csv-values';
import { type ImportIssue, issue } from './directory-import.schemas';
import { checkResource, type ImportedResource, type ResourceFields } from './import-checks';

// The columns of the directory's CSV (Japanese headers, any order) and one row read into a
// resource, with each problem named by its row and column.

export const CSV_COLUMNS = [
  '名称',
  '種別',
  '運営団体',
  '運営団体の種別',
  '地区',
  '所在地',
  '曜日と時間',
  '日程の補足',
  '対象年齢',
  '対象',
  'できること',
  '費用',
  '内容',
  'バリアフリー・配慮',
  '連絡先担当者',
  '電話',
  'メール',
  '定員',
  '空き',
  '状態',
  '受け入れ側の配慮',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: CsvColumn[] = ['名称', '種別', '運営団体'];
export const EVERYONE_WORDS = ['どなたでも', '誰でも'];

/** The column each field of a resource comes from, for the schemas' messages. */
const COLUMN_OF_FIELD: Record<string, CsvColumn> = {
  name: '名称',
  kinds: '種別',
  description: '内容',
  address: '所在地',
  schedule: '曜日と時間',
  irregular: '曜日と時間',
  scheduleNote: '日程の補足',
  forEveryone: '対象',
  ageMin: '対象年齢',
  ageMax: '対象年齢',
  targetAttributes: '対象',
  activities: 'できること',
  free: '費用',
  costNote: '費用',
  accessibility: 'バリアフリー・配慮',
  contactName: '連絡先担当者',
  contactPhone: '電話',
  contactEmail: 'メール',
  receivingSupport: '受け入れ側の配慮',
  capacity: '定員',
  placesFree: '空き',
  status: '状態',
};

export type CsvRow = {
  row: number;
  operatorName: string;
  operatorKind: OperatorKind | null;
  areaName: string | null;
  input: ImportedResource;
};

/** One data row (row: its number in the spreadsheet, the header being 1). */
export function readCsvRow(
  cells: Partial<Record<CsvColumn, string>>,
  row: number,
): { read: CsvRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const cell = (column: CsvColumn) => cells[column] ?? '';
  function take<T>(column: CsvColumn, parsed: Parsed<T>, fallback: T): T {
    if (parsed.ok) return parsed.value;
    issues.push(issue(row, column, parsed.message));
    return fallback;
  }
  const kinds = take('種別', listOf(cell('種別'), RESOURCE_KIND_LABELS, '種別'), []);
  const targets = take('対象', listOf(cell('対象'), TARGET_ATTRIBUTE_LABELS, '対象', EVERYONE_WORDS), []);
  const saysEveryone = EVERYONE_WORDS.some((word) => cell('対象').includes(word));
  const schedule = take('曜日と時間', scheduleOf(cell('曜日と時間')), { slots: [], irregular: false });
  const ages = take('対象年齢', agesOf(cell('対象年齢')), { ageMin: null, ageMax: null });
  const statusText = cell('状態').trim();
  const status = statusText === '' ? 'active' : codeOf(statusText, RESOURCE_STATUS_LABELS);
  if (!status)
    issues.push(
      issue(
        row,
        '状態',
        `「${statusText}」は状態にありません。活動中・休止中・終了のいずれかにしてください。`,
      ),
    );
  const operatorKindText = cell('運営団体の種別').trim();
  const operatorKind = operatorKindText === '' ? null : codeOf(operatorKindText, OPERATOR_KIND_LABELS);
  if (operatorKindText !== '' && !operatorKind)
    issues.push(
      issue(
        row,
        '運営団体の種別',
        `「${operatorKindText}」は団体の種別にありません。使える値: ${Object.values(OPERATOR_KIND_LABELS).join('、')}`,
      ),
    );
  const operatorName = cell('運営団体').trim();
  if (operatorName === '') issues.push(issue(row, '運営団体', '運営団体を入力してください。'));
  if (operatorName.length > 120)
    issues.push(issue(row, '運営団体', '運営団体は120文字以内で入力してください。'));

  const fields: ResourceFields = {
    name: cell('名称'),
    kinds,
    description: textOrNull(cell('内容')),
    address: textOrNull(cell('所在地')),
    schedule: schedule.slots,
    irregular: schedule.irregular,
    scheduleNote: textOrNull(cell('日程の補足')),
    forEveryone: saysEveryone || (targets.length === 0 && ages.ageMin === null && ages.ageMax === null),
    ...ages,
    targetAttributes: targets,
    activities: take('できること', listOf(cell('できること'), ACTIVITY_LABELS, 'できること'), []),
    ...costOf(cell('費用')),
    accessibility: textOrNull(cell('バリアフリー・配慮')),
    contactName: textOrNull(cell('連絡先担当者')),
    contactPhone: textOrNull(cell('電話')),
    contactEmail: textOrNull(cell('メール')),
    receivingSupport: textOrNull(cell('受け入れ側の配慮')),
    capacity: take('定員', countOf(cell('定員')), null),
    placesFree: take('空き', countOf(cell('空き')), null),
    status: status ?? 'active',
  };
  const checked = checkResource(fields, row, (field) => COLUMN_OF_FIELD[field] ?? field);
  // a column already reported above is not reported again by the schema
  const reported = new Set(issues.map((found) => found.column));
  issues.push(...checked.issues.filter((found) => !reported.has(found.column)));
  if (!checked.input || issues.length > 0) return { read: null, issues };
  return {
    read: { row, operatorName, operatorKind, areaName: textOrNull(cell('地区')), input: checked.input },
    issues,
  };
}
