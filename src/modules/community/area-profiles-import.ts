import { z } from '@hono/zod-openapi';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../db/client';
import { badRequest } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import type { ActorContext } from '../audit/audit.service';
import { decodeCsv } from '../resources/csv-file';
import { type ImportIssue, issue, ZImportIssue } from '../resources/directory-import.schemas';
import { inconsistency, profileOf, saveProfile } from './area-profiles.service';
import { loadAreaTree } from './area-tree';
import { type SaveProfile, ZSaveProfile } from './areas-community.schemas';

/** The columns of the profile CSV and the figures they fill; any other column is an added figure. */
const FIGURE_COLUMNS = {
  人口: 'population',
  世帯数: 'households',
  '65歳以上人口': 'aged65',
  '75歳以上人口': 'aged75',
  高齢単身世帯数: 'singleElderlyHouseholds',
  子どもの数: 'children',
  '自治会・町会加入率': 'associationRate',
} as const;
const AREA_COLUMN = '地区名';

export const ZProfileImportResult = z.object({
  fiscalYear: z.number(),
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  issues: z.array(ZImportIssue),
});

const number = (raw: string) => {
  const text = raw.normalize('NFKC').replace(/[,\s%]/g, '');
  return text === '' ? undefined : /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
};

/**
 * 地域プロフィール from a spreadsheet: one row per 圏域 or 地区 (by name), the figures of the
 * fiscal year. Blank cells leave what is recorded; all rows are saved or none.
 */
export async function importProfiles(
  db: Database,
  context: ActorContext,
  bytes: Uint8Array,
  fiscalYear: number,
  dryRun: boolean,
) {
  requirePermission(context.actor, 'community.work');
  if (bytes.length > 2_000_000) throw badRequest('FILE_TOO_LARGE', 'ファイルが大きすぎます（2MBまで）。');
  let records: string[][];
  try {
    records = parse(decodeCsv(bytes).text, { relax_column_count: true, bom: true, skip_empty_lines: true });
  } catch {
    throw badRequest(
      'CSV_UNREADABLE',
      'CSVとして読み取れませんでした。引用符（"）の閉じ忘れがないか確かめてください。',
    );
  }
  const [header = [], ...data] = records;
  const columns = header.map((h) => h.trim());
  const issues: ImportIssue[] = [];
  if (!columns.includes(AREA_COLUMN))
    issues.push(issue(1, AREA_COLUMN, `見出し「${AREA_COLUMN}」の列がありません。`));
  return db.transaction(async (tx) => {
    const tree = await loadAreaTree(tx, context.actor.tenantId);
    const byName = new Map(tree.rows.filter((a) => a.level !== 'city').map((a) => [a.name, a.id]));
    const planned: { areaId: string; input: SaveProfile; row: number }[] = [];
    data.forEach((record, i) => {
      const row = i + 2;
      const cell = (name: string) => (record[columns.indexOf(name)] ?? '').trim();
      const areaName = cell(AREA_COLUMN);
      const areaId = byName.get(areaName);
      if (!areaId) {
        issues.push(
          issue(
            row,
            AREA_COLUMN,
            `「${areaName}」という圏域・地区はありません。管理者の「地区」の名前と同じにしてください。`,
          ),
        );
        return;
      }
      if (planned.some((p) => p.areaId === areaId)) {
        issues.push(issue(row, AREA_COLUMN, `「${areaName}」の行が2回あります。`));
        return;
      }
      const input: SaveProfile = { version: null };
      const extra: { label: string; value: number; unit: string }[] = [];
      for (const column of columns) {
        if (column === AREA_COLUMN || column === '') continue;
        const value = number(cell(column));
        if (value === undefined) continue;
        if (Number.isNaN(value)) {
          issues.push(issue(row, column, `「${cell(column)}」は数字として読めません。`));
          continue;
        }
        const field = FIGURE_COLUMNS[column as keyof typeof FIGURE_COLUMNS];
        if (field === 'associationRate' && value > 100)
          issues.push(issue(row, column, '加入率は0〜100で入力してください。'));
        else if (field) input[field] = value;
        else extra.push({ label: column, value, unit: '' });
      }
      if (extra.length > 0) input.extraFigures = extra;
      // the same limits as the form: 20 added figures, labels of 40 characters, sane values
      const checked = ZSaveProfile.safeParse(input);
      if (!checked.success) {
        for (const problem of checked.error.issues) {
          const [field, index] = problem.path;
          const column =
            field === 'extraFigures' && typeof index === 'number'
              ? (extra[index]?.label ?? '追加の項目')
              : (Object.entries(FIGURE_COLUMNS).find(([, f]) => f === field)?.[0] ?? String(field ?? ''));
          issues.push(issue(row, column.slice(0, 40), problem.message));
        }
        return;
      }
      planned.push({ areaId, input, row });
    });
    if (planned.length === 0 && issues.length === 0)
      issues.push(issue(null, '（ファイル全体）', '取り込む行がありません。'));
    let created = 0;
    const versions = new Map<string, number | null>();
    for (const plan of planned) {
      const existing = await profileOf(tx, plan.areaId, fiscalYear);
      if (!existing) created += 1;
      versions.set(plan.areaId, existing?.version ?? null);
      const problem = inconsistency({ ...existing, ...plan.input });
      if (problem) issues.push(issue(plan.row, '（行全体）', problem));
      const added = plan.input.extraFigures;
      if (added && existing) {
        // figures of other columns, typed in before, stay
        const kept = existing.extraFigures.filter((f) => !added.some((a) => a.label === f.label));
        plan.input.extraFigures = [...kept, ...added];
      }
    }
    // every row checked first: all are saved, or none
    if (!dryRun && issues.length === 0) {
      for (const plan of planned) {
        await saveProfile(tx, context, plan.areaId, fiscalYear, {
          ...plan.input,
          version: versions.get(plan.areaId) ?? null,
        });
      }
    }
    return {
      fiscalYear,
      dryRun: dryRun || issues.length > 0,
      rows: planned.length,
      created,
      updated: planned.length - created,
      issues,
    };
  });
}
