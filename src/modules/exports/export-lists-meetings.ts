import { z } from '@hono/zod-openapi';
import { LEGAL_BASIS_LABELS, SESSION_STATE_LABELS, TIER_LABELS } from '../../shared/meeting-vocabulary';
import { PARTNER_KIND_LABELS, RISK_LABELS, STAGE_LABELS } from '../../shared/outreach-vocabulary';
import { listBodies } from '../meetings/bodies.service';
import { ZSessionListQuery } from '../meetings/meetings.schemas';
import { listSessions } from '../meetings/sessions.service';
import { ZRecordFilter } from '../outreach/outreach.schemas';
import { listPartners } from '../outreach/partners.service';
import { listRecords } from '../outreach/records.service';
import { type ExportList, exportList } from './export-list';
import { column, joined, yesNo } from './export-table';

// Meetings (sessions and bodies) and outreach (records and watch partners).

const NO_FILTERS = z.object({});

const sessions = exportList({
  key: 'meeting-sessions',
  source: 'GET /api/meetings/sessions',
  query: ZSessionListQuery,
  load: async (db, context, query) => {
    const { items } = await listSessions(db, context, query);
    return {
      columns: [
        column('startsAt', '日時', 'datetime'),
        column('body', '会議体'),
        column('legalBasis', '根拠'),
        column('place', '場所'),
        column('online', 'オンライン併用'),
        column('state', '状態'),
        column('heldOn', '開催日', 'wareki'),
        column('cases', '事例（件）', 'number'),
        column('topics', 'テーマ（件）', 'number'),
      ],
      rows: items.map((s) => ({
        startsAt: s.startsAt,
        body: s.bodyName,
        legalBasis: LEGAL_BASIS_LABELS[s.legalBasis],
        place: s.place,
        online: yesNo(s.online),
        state: s.awaitingRecord ? '記録待ち' : SESSION_STATE_LABELS[s.state],
        heldOn: s.heldOn,
        cases: s.caseCount,
        topics: s.topicCount,
      })),
      ids: items.map((s) => s.id),
    };
  },
});

/** One row per member: the body's settings repeated, as a filterable sheet wants it. */
const bodies = exportList({
  key: 'meeting-bodies',
  source: 'GET /api/meetings/bodies',
  query: NO_FILTERS,
  load: async (db, context) => {
    const { items } = await listBodies(db, context);
    return {
      columns: [
        column('body', '会議体'),
        column('legalBasis', '根拠'),
        column('tier', '階層'),
        column('requiresConsent', '本人の同意が必要'),
        column('confidential', '守秘義務'),
        column('cadence', '開催の頻度'),
        column('active', '使用中'),
        column('member', '構成員'),
        column('affiliation', '所属'),
        column('notified', '守秘義務の説明', 'wareki'),
        column('leftOn', '退任日', 'wareki'),
      ],
      rows: items.flatMap((b) => {
        const body = {
          body: b.name,
          legalBasis: LEGAL_BASIS_LABELS[b.legalBasis],
          tier: b.tier ? TIER_LABELS[b.tier] : null,
          requiresConsent: yesNo(b.requiresConsent),
          confidential: yesNo(b.confidentialityBound, 'あり'),
          cadence: b.cadence,
          active: yesNo(b.isActive, '使用中', '使用していない'),
        };
        const members = b.members.length ? b.members : [null];
        return members.map((m) => ({
          ...body,
          member: m?.name ?? null,
          affiliation: m?.affiliation ?? null,
          notified: m?.confidentialityNotifiedOn ?? null,
          leftOn: m?.leftOn ?? null,
        }));
      }),
      ids: items.map((b) => b.id),
    };
  },
});

const outreachRecords = exportList({
  key: 'outreach-records',
  source: 'GET /api/outreach/records',
  query: ZRecordFilter,
  load: async (db, context, { view }) => {
    const { records } = await listRecords(db, context, view);
    return {
      columns: [
        column('label', '呼び名'),
        column('risk', '危険の程度'),
        column('location', '場所'),
        column('area', '地区'),
        column('stage', '関係の段階'),
        column('stageSince', '段階の開始日', 'wareki'),
        column('openedOn', '記録の開始日', 'wareki'),
        column('lastContactOn', '最後の接触', 'wareki'),
        column('stale', '途絶えている'),
        column('nextContactOn', '次の予定', 'wareki'),
        column('assignees', '担当'),
      ],
      rows: records.map((r) => ({
        label: r.label,
        risk: RISK_LABELS[r.risk],
        location: r.location,
        area: r.areaName,
        stage: STAGE_LABELS[r.stage],
        stageSince: r.stageSince,
        openedOn: r.openedOn,
        lastContactOn: r.lastContactOn ?? 'まだ',
        stale: yesNo(r.stale, '途絶えている'),
        nextContactOn: r.nextContactOn,
        assignees: joined(r.assignees.map((a) => a.name)) || '未定',
      })),
      ids: records.map((r) => r.id),
    };
  },
});

const partners = exportList({
  key: 'watch-partners',
  source: 'GET /api/outreach/partners',
  query: NO_FILTERS,
  load: async (db, context) => {
    const { partners: found } = await listPartners(db, context);
    return {
      columns: [
        column('name', '名称'),
        column('kind', '種類'),
        column('agreedOn', '協定日', 'wareki'),
        column('contactPerson', '担当者'),
        column('reportsWhat', '知らせてもらうこと'),
        column('reportsHow', '知らせ方'),
        column('reports', '報告（件）', 'number'),
        column('active', '協定中'),
      ],
      rows: found.map((p) => ({
        name: p.name,
        kind: PARTNER_KIND_LABELS[p.kind],
        agreedOn: p.agreedOn,
        contactPerson: p.contactPerson,
        reportsWhat: p.reportsWhat,
        reportsHow: p.reportsHow,
        reports: p.reportCount,
        active: yesNo(p.isActive, '協定中', '終了'),
      })),
      ids: found.map((p) => p.id),
    };
  },
});

export const MEETING_EXPORTS: ExportList[] = [sessions, bodies, outreachRecords, partners];
