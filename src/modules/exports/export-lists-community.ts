import { z } from '@hono/zod-openapi';
import {
  AREA_WORKER_ROLE_LABELS,
  ISSUE_SOURCE_LABELS,
  PROJECT_STATUS_LABELS,
  REGIONAL_ISSUE_STATUS_LABELS,
  TRAINING_AUDIENCE_LABELS,
  TRAINING_SCOPE_LABELS,
  TRAINING_TOPIC_LABELS,
} from '../../shared/community-vocabulary';
import { fiscalYearLabel } from '../../shared/dates';
import { formatSafeCount, type SafeCount } from '../../shared/small-counts';
import { AREA_LEVEL_LABELS } from '../../shared/vocabulary';
import { ZAreaYearQuery } from '../community/areas-community.schemas';
import { listCommunityAreas } from '../community/areas-community.service';
import { ZFiscalYearQuery } from '../community/networks.schemas';
import { listNetworks } from '../community/networks.service';
import { communityOverview } from '../community/overview.service';
import { listProjects } from '../community/projects.service';
import { ZIssueFilter } from '../community/regional-issues.schemas';
import { listIssues } from '../community/regional-issues-list';
import { ZTrainingFilter } from '../community/trainings.schemas';
import { listTrainings } from '../community/trainings.service';
import { type ExportList, exportList } from './export-list';
import { column, joined } from './export-table';

// 地域づくり: regional issues, projects, areas, networks, trainings and the 課題×地区 overview.

const issues = exportList({
  key: 'regional-issues',
  source: 'GET /api/community/issues',
  query: ZIssueFilter,
  load: async (db, context, filter) => {
    const found = (await listIssues(db, context, filter)).issues;
    return {
      columns: [
        column('title', '地域課題'),
        column('status', '状況'),
        column('source', 'きっかけ'),
        column('areas', '圏域・地区'),
        column('issues', '課題の分類'),
        column('raisedOn', '提起日', 'wareki'),
        column('proposedTo', '協議の場'),
        column('proposedOn', '協議の場に出した日', 'wareki'),
        column('projects', 'プロジェクト（件）', 'number'),
      ],
      rows: found.map((i) => ({
        title: i.title,
        status: REGIONAL_ISSUE_STATUS_LABELS[i.status],
        source: ISSUE_SOURCE_LABELS[i.source],
        areas: joined(i.areas.map((a) => a.name)),
        issues: joined(i.issues.map((c) => c.label)),
        raisedOn: i.raisedOn,
        proposedTo: i.proposedTo,
        proposedOn: i.proposedOn,
        projects: i.projectCount,
      })),
      ids: found.map((i) => i.id),
    };
  },
});

const projects = exportList({
  key: 'projects',
  source: 'GET /api/community/projects',
  query: z.object({}),
  load: async (db, context) => {
    const found = (await listProjects(db, context)).projects;
    return {
      columns: [
        column('title', 'プロジェクト'),
        column('status', '状況'),
        column('startsOn', '開始日', 'wareki'),
        column('endsOn', '終了日', 'wareki'),
        column('lead', '中心となる団体'),
        column('issues', '地域課題（件）', 'number'),
        column('resources', '生まれた資源（件）', 'number'),
      ],
      rows: found.map((p) => ({
        title: p.title,
        status: PROJECT_STATUS_LABELS[p.status],
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        lead: p.leadName,
        issues: p.issueCount,
        resources: p.resourceCount,
      })),
      ids: found.map((p) => p.id),
    };
  },
});

const agingRate = (aged65: number | null, population: number | null) =>
  aged65 !== null && population ? Math.round((aged65 / population) * 1000) / 10 : null;

const areas = exportList({
  key: 'community-areas',
  source: 'GET /api/community/areas',
  query: z.object({}),
  load: async (db, context) => {
    const list = await listCommunityAreas(db, context);
    const names = new Map(list.areas.map((a) => [a.id, a.name]));
    return {
      columns: [
        column('name', '圏域・地区'),
        column('level', '区分'),
        column('parent', '上位の圏域'),
        column('population', '人口', 'number'),
        column('aged65', '65歳以上', 'number'),
        column('agingRate', '高齢化率（%）', 'number'),
        column('workers', '担当'),
        column('openIssues', '未解決の地域課題', 'number'),
        column('resources', '社会資源', 'number'),
        column('activities', `${fiscalYearLabel(list.fiscalYear)}の働きかけ`, 'number'),
      ],
      rows: list.areas.map((a) => ({
        name: a.name,
        level: AREA_LEVEL_LABELS[a.level],
        parent: a.parentId ? (names.get(a.parentId) ?? null) : null,
        population: a.population,
        aged65: a.aged65,
        agingRate: agingRate(a.aged65, a.population),
        workers: joined(a.workers.map((w) => `${AREA_WORKER_ROLE_LABELS[w.role]}：${w.name}`)),
        openIssues: a.openIssues,
        resources: a.resources,
        activities: a.activitiesThisYear,
      })),
      ids: list.areas.map((a) => a.id),
    };
  },
});

const networks = exportList({
  key: 'networks',
  source: 'GET /api/community/networks',
  query: ZFiscalYearQuery,
  load: async (db, context, { fiscalYear }) => {
    const list = await listNetworks(db, context, fiscalYear);
    return {
      columns: [
        column('name', 'ネットワーク'),
        column('description', '説明'),
        column('members', '会員（団体）', 'number'),
        column('subgroups', '部会'),
        column('events', `${list.fiscalYearLabel}の開催（回）`, 'number'),
        column('participants', '参加者（延べ人数）', 'number'),
        column('bodies', '会議体', 'number'),
      ],
      rows: list.networks.map((n) => ({
        name: n.name,
        description: n.description,
        members: n.memberCount,
        subgroups: joined(n.subgroups.map((s) => `${s.name}（${s.memberCount}団体）`)),
        events: n.eventsThisYear,
        participants: n.participantsThisYear,
        bodies: n.bodyCount,
      })),
      ids: list.networks.map((n) => n.id),
    };
  },
});

const trainings = exportList({
  key: 'trainings',
  source: 'GET /api/community/trainings',
  query: ZTrainingFilter,
  load: async (db, context, filter) => {
    const found = (await listTrainings(db, context, filter)).trainings;
    return {
      columns: [
        column('heldOn', '開催日', 'wareki'),
        column('title', '研修名'),
        column('organiser', '主催'),
        column('scope', '庁内・庁外'),
        column('audiences', '対象'),
        column('topics', 'テーマ'),
        column('participants', '参加者（人）', 'number'),
        column('byOrganisation', '所属ごとの参加者'),
        column('materials', '資料'),
      ],
      rows: found.map((t) => ({
        heldOn: t.heldOn,
        title: t.title,
        organiser: t.organiser,
        scope: TRAINING_SCOPE_LABELS[t.scope],
        audiences: joined(t.audiences.map((a) => TRAINING_AUDIENCE_LABELS[a])),
        topics: joined(t.topics.map((a) => TRAINING_TOPIC_LABELS[a])),
        participants: t.participantsTotal,
        byOrganisation: joined(t.participantsByOrganisation.map((p) => `${p.organisation} ${p.count}人`)),
        materials: t.materials,
      })),
      ids: found.map((t) => t.id),
    };
  },
});

/** A cell of the overview as the screen shows it: a number, or 「5件未満」/「10件未満」. */
const overviewCell = (value: SafeCount | undefined, threshold: number) =>
  !value ? 0 : value.belowThreshold ? formatSafeCount(value, '件', threshold) : (value.count ?? 0);

const overview = exportList({
  key: 'community-overview',
  source: 'GET /api/community/overview',
  query: ZAreaYearQuery.extend({ by: z.enum(['zone', 'district']).default('zone') }),
  load: async (db, context, { fiscalYear, by }) => {
    const data = await communityOverview(db, context, fiscalYear);
    const zones = data.areas.filter((a) => a.level === 'zone');
    const places =
      by === 'zone'
        ? zones.map((z) => ({ key: z.id, label: z.name }))
        : zones.flatMap((z) =>
            data.areas
              .filter((a) => a.parentId === z.id)
              .map((d) => ({ key: d.id, label: `${z.name}・${d.name}` })),
          );
    places.push({ key: 'none', label: '地区未設定' });
    const years = [
      { label: fiscalYearLabel(data.fiscalYear), of: 'current' as const },
      { label: fiscalYearLabel(data.fiscalYear - 1), of: 'previous' as const },
    ];
    const lines = [...data.rows, { label: '（参考）アウトリーチの記録', ...data.outreach }].flatMap((line) =>
      years.map((year) => ({
        category: line.label,
        year: year.label,
        ...Object.fromEntries(places.map((p) => [p.key, overviewCell(line[year.of][p.key], line.threshold)])),
      })),
    );
    return {
      columns: [
        column('category', '課題の分類'),
        column('year', '年度'),
        ...places.map((p) => column(p.key, p.label, 'number')),
      ],
      rows: lines,
      ids: [],
    };
  },
});

export const COMMUNITY_EXPORTS: ExportList[] = [issues, projects, areas, networks, trainings, overview];
