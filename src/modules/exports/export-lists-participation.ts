import { z } from '@hono/zod-openapi';
import {
  ACTIVITY_LABELS,
  OPERATOR_KIND_LABELS,
  PLACEMENT_STAGE_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_ATTRIBUTE_LABELS,
  WEEKDAY_LABELS,
  WISH_LABELS,
} from '../../shared/participation-vocabulary';
import { formatSafeCount, type SafeCount } from '../../shared/small-counts';
import { ZSupportFilter } from '../participation/participation.schemas';
import { participationCounts } from '../participation/participation-counts.service';
import { listSupports } from '../participation/supports.service';
import { unmetSummary } from '../participation/unmet-needs.service';
import { listOperators } from '../resources/operators.service';
import { type Resource, ZResourceFilter } from '../resources/resources.schemas';
import { listResources } from '../resources/resources.service';
import { type ExportList, exportList } from './export-list';
import { column, joined } from './export-table';

// 参加支援 (supports and the counts) and the resource directory (resources, operators).

/** A count as the screen shows it: the number, or 「5件未満」 (never the number behind it). */
export const safeCell = (value: SafeCount, unit = '件') =>
  value.belowThreshold ? formatSafeCount(value, unit) : (value.count ?? 0);

const ZCountsQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });

const supports = exportList({
  key: 'participation-supports',
  source: 'GET /api/participation',
  query: ZSupportFilter,
  load: async (db, context, filter) => {
    const found = (await listSupports(db, context, filter)).supports;
    return {
      columns: [
        column('person', '本人'),
        column('wishes', '希望'),
        column('placements', '参加先と段階'),
        column('coordinator', '担当'),
        column('openedOn', '開始日', 'wareki'),
        column('closedOn', '終了日', 'wareki'),
      ],
      rows: found.map((s) => ({
        person: s.personName,
        wishes: joined(s.wishes.map((w) => WISH_LABELS[w])),
        placements: joined(s.placements.map((p) => `${p.resourceName}：${PLACEMENT_STAGE_LABELS[p.stage]}`)),
        coordinator: s.coordinatorName,
        openedOn: s.openedOn,
        closedOn: s.closedOn,
      })),
      ids: found.map((s) => s.id),
      alsoNamed: { personIds: [...new Set(found.map((s) => s.personId))] },
    };
  },
});

const scheduleText = (r: Resource) => {
  const slots = [...r.schedule]
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
    .map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.opens}〜${s.closes}`);
  const base = r.irregular || slots.length === 0 ? '不定期' : slots.join('／');
  return r.scheduleNote ? `${base}（${r.scheduleNote}）` : base;
};

const agesText = (r: Resource) =>
  r.ageMin === null && r.ageMax === null
    ? null
    : `${r.ageMin === null ? '' : `${r.ageMin}歳`}〜${r.ageMax === null ? '' : `${r.ageMax}歳`}`;

const resources = exportList({
  key: 'resources',
  source: 'GET /api/resources',
  query: ZResourceFilter,
  load: async (db, context, filter) => {
    const found = (await listResources(db, context, filter)).resources;
    return {
      columns: [
        column('name', '名称'),
        column('operator', '運営団体'),
        column('kinds', '種別'),
        column('status', '状態'),
        column('area', '地区'),
        column('address', '所在地'),
        column('schedule', '曜日と時間'),
        column('ages', '対象年齢'),
        column('targets', '対象'),
        column('activities', 'できること'),
        column('cost', '費用'),
        column('capacity', '定員', 'number'),
        column('placesFree', '空き', 'number'),
        column('contact', '連絡先担当者'),
        column('phone', '電話'),
        column('verifiedOn', '最終確認日', 'wareki'),
      ],
      rows: found.map((r) => ({
        name: r.name,
        operator: r.operatorName,
        kinds: joined(r.kinds.map((k) => RESOURCE_KIND_LABELS[k])),
        status: RESOURCE_STATUS_LABELS[r.status],
        area: r.areaName,
        address: r.address,
        schedule: scheduleText(r),
        ages: agesText(r),
        targets:
          joined(r.targetAttributes.map((a) => TARGET_ATTRIBUTE_LABELS[a])) ||
          (r.forEveryone ? '誰でも' : null),
        activities: joined(r.activities.map((a) => ACTIVITY_LABELS[a])),
        cost: r.free ? '無料' : r.costNote,
        capacity: r.capacity,
        placesFree: r.placesFree,
        contact: r.contactName,
        phone: r.contactPhone,
        verifiedOn: r.verifiedOn ?? '未確認',
      })),
      ids: found.map((r) => r.id),
    };
  },
});

const operators = exportList({
  key: 'resource-operators',
  source: 'GET /api/resources/operators',
  query: z.object({}),
  load: async (db, context) => {
    const found = (await listOperators(db, context)).operators;
    return {
      columns: [
        column('name', '名称'),
        column('kind', '種別'),
        column('phone', '電話'),
        column('email', 'メール'),
        column('website', 'ウェブサイト'),
        column('description', '説明'),
        column('resources', '社会資源（件）', 'number'),
      ],
      rows: found.map((o) => ({
        name: o.name,
        kind: OPERATOR_KIND_LABELS[o.kind],
        phone: o.phone,
        email: o.email,
        website: o.website,
        description: o.description,
        resources: o.resourceCount,
      })),
      ids: found.map((o) => o.id),
    };
  },
});

/** The counts panel as one sheet: a row per figure, suppressed counts as the panel words them. */
const counts = exportList({
  key: 'participation-counts',
  source: 'GET /api/participation/counts',
  query: ZCountsQuery,
  load: async (db, context, { fiscalYear }) => {
    const c = await participationCounts(db, context, fiscalYear);
    const row = (group: string, item: string, value: string | number, area: string | null = null) => ({
      group,
      item,
      area,
      value,
    });
    const rows = [
      row('参加支援', '参加支援の対象者', safeCell(c.people, '人')),
      row('参加支援', '活動の場につながった人', safeCell(c.connected, '人')),
      row('参加支援', '就労体験等への協力企業・団体', c.cooperatingOperators),
      row('参加先の流れ', '提案した参加先', safeCell(c.funnel.proposed)),
      row('参加先の流れ', '見学まで進んだ', safeCell(c.funnel.visited)),
      row('参加先の流れ', '体験まで進んだ', safeCell(c.funnel.trial)),
      row('参加先の流れ', '参加開始', safeCell(c.funnel.started)),
      row('参加先の流れ', '3か月後も継続', safeCell(c.funnel.continuedThreeMonths)),
      ...c.resources.flatMap((r) => [
        row('社会資源（活動中）', RESOURCE_KIND_LABELS[r.kind], r.active, r.areaName),
        row('社会資源（今年度の新規）', RESOURCE_KIND_LABELS[r.kind], r.newThisYear, r.areaName),
        row('社会資源（今年度の確認）', RESOURCE_KIND_LABELS[r.kind], r.verifiedThisYear, r.areaName),
      ]),
      ...c.unmetNeeds.map((u) =>
        row('合う場がなかった希望', WISH_LABELS[u.wish], safeCell(u.count), u.areaName),
      ),
    ];
    return {
      columns: [
        column('fiscalYear', '年度', 'number'),
        column('group', '区分'),
        column('item', '項目'),
        column('area', '地区'),
        column('value', '件数', 'number'),
      ],
      rows: rows.map((r) => ({ fiscalYear: c.fiscalYear, ...r })),
      ids: [],
    };
  },
});

const unmetNeeds = exportList({
  key: 'unmet-needs',
  source: 'GET /api/participation/unmet-needs',
  query: z.object({}),
  load: async (db, context) => {
    const { groups } = await unmetSummary(db, context);
    return {
      columns: [
        column('wish', '希望'),
        column('area', '地区'),
        column('open', '応えられていない', 'number'),
        column('answered', '新しい場で応えた', 'number'),
      ],
      rows: groups.map((g) => ({
        wish: WISH_LABELS[g.wish],
        area: g.areaName ?? '地区未設定',
        open: safeCell(g.open),
        answered: safeCell(g.answered),
      })),
      ids: [],
    };
  },
});

export const PARTICIPATION_EXPORTS: ExportList[] = [supports, resources, operators, counts, unmetNeeds];
