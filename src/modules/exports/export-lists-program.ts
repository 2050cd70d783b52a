import { z } from '@hono/zod-openapi';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, AUDIT_TARGET_LABELS } from '../../shared/audit-events';
import { fiscalYearLabel, fiscalYearOf } from '../../shared/dates';
import {
  EVALUATION_LABELS,
  FIELD_LABELS,
  FUNCTION_LABELS,
  METHOD_LABELS,
  PILLAR_LABELS,
  PILLAR_OF,
} from '../../shared/program-vocabulary';
import { ZAuditSearchQuery } from '../audit/audit.schemas';
import { searchAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { getPlan } from '../program/plan.service';
import { ZYearQuery } from '../program/program.schemas';
import { listPrograms } from '../program/programs.service';
import { programResults } from '../program/results.service';
import { type ExportList, exportList, tooLongToExport } from './export-list';
import { column, joined } from './export-table';

// 事業管理's reports (results, programs, the plan) and the audit log.

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** 4月 … 3月 for month 1 … 12 of a fiscal year. */
const monthLabel = (month: number) => `${((month + 2) % 12) + 1}月`;
const unitSuffix = (unit: string) => (unit === '件/10万人・月' ? '' : unit);

const results = exportList({
  key: 'program-results',
  source: 'GET /api/program/results',
  query: ZYearQuery,
  load: async (db, context, { fiscalYear }) => {
    const data = await programResults(db, context, fiscalYear);
    const missingText = (missing: string | null) =>
      missing === 'suppressed' ? '5件未満' : missing === 'needs_population' ? '人口が未入力' : null;
    return {
      columns: [
        column('fiscalYear', '年度'),
        column('pillar', '機能'),
        column('label', '指標'),
        column('unit', '単位'),
        column('definition', '数え方'),
        column('toDate', '実績', 'number'),
        column('target', '目標', 'number'),
        column('achievement', '達成率（%）', 'number'),
        ...MONTHS.map((m) => column(`m${m}`, monthLabel(m), 'number')),
      ],
      rows: data.indicators.map((i) => {
        const first = i.functions[0];
        const months = new Map(i.months.map((p) => [p.month, p]));
        return {
          fiscalYear: fiscalYearLabel(data.fiscalYear),
          pillar: first ? PILLAR_LABELS[PILLAR_OF[first]] : 'その他（自治体が入力する指標）',
          label: i.label,
          unit: unitSuffix(i.unit) || i.unit,
          definition: i.definition,
          toDate: i.toDate ?? missingText(i.missing),
          target: i.target?.value ?? null,
          achievement: i.achievement ?? (i.target && i.missing === 'suppressed' ? '5件未満' : null),
          ...Object.fromEntries(
            MONTHS.map((m) => {
              const point = months.get(m);
              if (!point) return [`m${m}`, null];
              return [`m${m}`, point.value ?? missingText(i.missing) ?? '5件未満'];
            }),
          ),
        };
      }),
      ids: data.indicators.map((i) => i.key),
    };
  },
});

const programs = exportList({
  key: 'programs',
  source: 'GET /api/program/programs',
  query: ZYearQuery,
  load: async (db, context, { fiscalYear }) => {
    const data = await listPrograms(db, context, fiscalYear ?? fiscalYearOf(today()));
    return {
      columns: [
        column('fiscalYear', '年度'),
        column('function', '法の区分'),
        column('name', '事業名'),
        column('field', '分野'),
        column('description', '事業内容'),
        column('methods', '実施方式'),
        column('operator', '委託先・補助先'),
        column('agencies', '支援機関'),
        column('agencyCount', '支援機関の数', 'number'),
        column('department', '所管課'),
        column('staffing', '実施体制（人員）'),
      ],
      rows: data.programs.map((p) => ({
        fiscalYear: fiscalYearLabel(p.fiscalYear),
        function: FUNCTION_LABELS[p.functionCode],
        name: p.name,
        field: p.field ? FIELD_LABELS[p.field] : null,
        description: p.description,
        methods: joined(p.methods.map((m) => METHOD_LABELS[m])),
        operator: p.operator,
        agencies: p.agencies,
        agencyCount: p.agencyCount,
        department: p.department,
        staffing: p.staffing,
      })),
      ids: data.programs.map((p) => p.id),
    };
  },
});

/** 令和4年度 (without the Western year, to keep the headers short). */
const shortYear = (year: number) => fiscalYearLabel(year).replace(/（.*$/, '');

const plan = exportList({
  key: 'program-plan',
  source: 'GET /api/program/plan',
  query: z.object({}),
  load: async (db, context) => {
    const view = await getPlan(db, context);
    const years = view.plan
      ? Array.from(
          { length: view.plan.lastYear - view.plan.firstYear + 1 },
          (_, i) => (view.plan?.firstYear ?? 0) + i,
        )
      : [];
    return {
      columns: [
        column('heading', '見出し'),
        column('label', '記号'),
        column('title', '取組'),
        ...years.flatMap((y) => [
          column(`planned${y}`, `${shortYear(y)} 計画`),
          column(`progress${y}`, `${shortYear(y)} 進捗`),
          column(`evaluation${y}`, `${shortYear(y)} 評価`),
        ]),
        column('issues', '地域課題'),
      ],
      rows: view.items.map((item) => {
        const byYear = new Map(item.years.map((y) => [y.fiscalYear, y]));
        return {
          heading: `（${item.headingNo}）${item.heading}`,
          label: item.label,
          title: item.title,
          ...Object.fromEntries(
            years.flatMap((y) => {
              const cell = byYear.get(y);
              return [
                [`planned${y}`, cell?.planned ?? null],
                [`progress${y}`, cell?.progress ?? null],
                [`evaluation${y}`, cell?.evaluation ? EVALUATION_LABELS[cell.evaluation] : null],
              ];
            }),
          ),
          issues: joined(item.issues.map((i) => i.title)),
        };
      }),
      ids: view.items.map((item) => item.id),
    };
  },
});

/** The audit log is read a page at a time (its own search, audited each time), up to this many rows. */
export const MAX_AUDIT_EXPORT_ROWS = 5_000;
const AUDIT_PAGE = 200;

const auditLog = exportList({
  key: 'audit-log',
  source: 'GET /api/audit',
  query: ZAuditSearchQuery.omit({ page: true, pageSize: true }),
  load: async (db, context, filters) => {
    const first = await searchAudit(db, context, { ...filters, page: 1, pageSize: AUDIT_PAGE });
    if (first.total > MAX_AUDIT_EXPORT_ROWS)
      throw tooLongToExport(first.total, MAX_AUDIT_EXPORT_ROWS, '期間や操作で絞り込んでください。');
    const entries = [...first.rows];
    for (let page = 2; entries.length < first.total; page++) {
      const next = await searchAudit(db, context, { ...filters, page, pageSize: AUDIT_PAGE });
      if (next.rows.length === 0) break;
      entries.push(...next.rows);
    }
    return {
      columns: [
        column('seq', '番号', 'number'),
        column('at', '日時', 'datetime'),
        column('actor', '操作者'),
        column('loginId', 'ログインID'),
        column('organisation', '所属'),
        column('action', '操作'),
        column('outcome', '結果'),
        column('targetType', '対象'),
        column('targetId', '対象のID'),
        column('clientIp', '端末'),
        column('detail', '詳細'),
      ],
      rows: entries.map((e) => ({
        seq: e.seq ?? '封印待ち',
        at: e.at.toISOString(),
        actor: e.actorName ?? '（不明なID・システム）',
        loginId: e.actorLoginId,
        organisation: e.organisationName,
        action: AUDIT_ACTION_LABELS[e.action],
        outcome: AUDIT_OUTCOME_LABELS[e.outcome],
        targetType: e.targetType ? (AUDIT_TARGET_LABELS[e.targetType] ?? e.targetType) : null,
        targetId: e.targetId,
        clientIp: e.clientIp,
        detail: Object.keys(e.detail ?? {}).length ? JSON.stringify(e.detail) : null,
      })),
      // entries are named by their place in the chain (those not yet sealed have none)
      ids: entries.flatMap((e) => (e.seq === null ? [] : [String(e.seq)])),
    };
  },
});

export const PROGRAM_EXPORTS: ExportList[] = [results, programs, plan, auditLog];
