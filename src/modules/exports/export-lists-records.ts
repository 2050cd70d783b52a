import { z } from '@hono/zod-openapi';
import { CASE_STATUS_LABELS } from '../../shared/case-vocabulary';
import {
  BROUGHT_BY_LABELS,
  CHANNEL_LABELS,
  OUTCOME_LABELS,
  REFERRAL_STATUS_LABELS,
} from '../../shared/intake-vocabulary';
import { personName } from '../../shared/names';
import { ZCaseListQuery } from '../cases/cases.schemas';
import { listCases } from '../cases/cases.service';
import { caseWorkQueue } from '../cases/work-queue.service';
import { householdRefsFor } from '../households/households.service';
import { listConsultations } from '../intake/intake.service';
import { issueVocabulary } from '../intake/issues.service';
import { ZPersonSearch } from '../people/people.schemas';
import { searchPeople } from '../people/people.service';
import { ZReferralBox } from '../referrals/referrals.schemas';
import { listReferrals } from '../referrals/referrals.service';
import { type ExportList, exportList, MAX_EXPORT_ROWS, tooLongToExport, wholeList } from './export-list';
import { column, joined, yesNo } from './export-table';

// Residents' records: people, consultations, referrals, 多機関協働 cases and their work queue.

const NO_FILTERS = z.object({});
/** For a list without filters to narrow it by (consultations, a box of referrals). */
const ASK_FOR_A_BULK_OUTPUT = '件数が多いため、システム管理者にデータの一括出力を依頼してください。';

const people = exportList({
  key: 'people',
  source: 'GET /api/people',
  query: ZPersonSearch,
  load: async (db, context, search) => {
    const found = await searchPeople(db, context, search);
    const households = await householdRefsFor(
      db,
      context,
      found.map((p) => p.id),
      'person.search',
    );
    return {
      columns: [
        column('name', '氏名'),
        column('kana', 'フリガナ'),
        column('birthDate', '生年月日', 'wareki'),
        column('households', '世帯'),
        column('registeredOn', '登録日', 'wareki'),
      ],
      rows: found.map((p) => ({
        name: personName(p),
        kana: joined([p.familyNameKana, p.givenNameKana], ' '),
        birthDate: p.birthDate ?? (p.birthYear ? `${p.birthYear}年生` : null),
        households: joined(households.filter((h) => h.personId === p.id).map((h) => h.name)),
        registeredOn: p.registeredOn,
      })),
      ids: found.map((p) => p.id),
    };
  },
});

const consultations = exportList({
  key: 'consultations',
  source: 'GET /api/consultations',
  query: NO_FILTERS,
  load: async (db, context) => {
    const found = await wholeList((limit) => listConsultations(db, context, limit), ASK_FOR_A_BULK_OUTPUT);
    const issues = new Map((await issueVocabulary(db, context.actor)).map((i) => [i.code, i.label]));
    return {
      columns: [
        column('receivedAt', '受付日時', 'datetime'),
        column('urgent', '緊急'),
        column('person', '本人'),
        column('channel', '経路'),
        column('broughtBy', 'きっかけ'),
        column('mainComplaint', '主訴'),
        column('issues', '課題'),
        column('outcome', '対応'),
        column('organisation', '受付機関'),
      ],
      rows: found.map((c) => ({
        receivedAt: c.receivedAt,
        urgent: yesNo(c.urgent, '緊急'),
        person: c.personName ?? '（氏名不明）',
        channel: CHANNEL_LABELS[c.channel],
        broughtBy: BROUGHT_BY_LABELS[c.broughtBy],
        mainComplaint: c.mainComplaint,
        issues: joined(c.issues.map((code) => issues.get(code) ?? code)),
        outcome: OUTCOME_LABELS[c.outcome],
        organisation: c.organisationName,
      })),
      ids: found.map((c) => c.id),
    };
  },
});

const referrals = exportList({
  key: 'referrals',
  source: 'GET /api/referrals',
  query: ZReferralBox,
  load: async (db, context, { box }) => {
    const found = await wholeList((limit) => listReferrals(db, context, box, limit), ASK_FOR_A_BULK_OUTPUT);
    return {
      columns: [
        column('box', '区分'),
        column('status', '状態'),
        column('urgent', '緊急'),
        column('overdue', '期限超過'),
        column('from', 'つなぎ元'),
        column('to', 'つなぎ先'),
        column('person', '本人'),
        column('mainComplaint', '主訴'),
        column('sentAt', '依頼日時', 'datetime'),
        column('updatedAt', '更新日時', 'datetime'),
      ],
      rows: found.map((r) => ({
        box: box === 'inbox' ? '受け取ったつなぎ' : '送ったつなぎ',
        status: REFERRAL_STATUS_LABELS[r.status],
        urgent: yesNo(r.urgent, '緊急'),
        overdue: yesNo(r.overdue, '期限超過'),
        from: r.fromOrganisationName,
        to: r.toMultiAgency ? '多機関協働' : (r.toOrganisationName ?? ''),
        person: r.personName ?? '（氏名不明）',
        mainComplaint: r.mainComplaint,
        sentAt: r.sentAt,
        updatedAt: r.updatedAt,
      })),
      ids: found.map((r) => r.id),
    };
  },
});

const cases = exportList({
  key: 'cases',
  source: 'GET /api/cases',
  query: ZCaseListQuery,
  load: async (db, context, query) => {
    const found = await wholeList(
      (limit) => listCases(db, context, query, limit),
      '段階や、世帯名・氏名・フリガナで絞り込んでください。',
    );
    return {
      columns: [
        column('household', '世帯'),
        column('people', '対象者'),
        column('status', '段階'),
        column('summary', '概要'),
        column('lead', '主担当機関'),
        column('leadUser', '主担当者'),
        column('openedOn', '開始日', 'wareki'),
        column('lastRecordOn', '最終記録', 'wareki'),
        column('nextReviewOn', 'モニタリング', 'wareki'),
      ],
      rows: found.map((c) => ({
        household: c.householdName,
        people: joined(c.personNames),
        status: CASE_STATUS_LABELS[c.status],
        summary: c.summary,
        lead: c.leadOrganisationName,
        leadUser: c.leadUserName,
        openedOn: c.openedOn,
        lastRecordOn: c.lastRecordOn ?? '記録なし',
        nextReviewOn: c.nextReviewOn,
      })),
      ids: found.map((c) => c.id),
    };
  },
});

const WORK_ITEM_LABELS = {
  screening: 'スクリーニング待ち',
  review_due: 'モニタリング時期',
  action_overdue: '期間を過ぎた支援内容',
  no_record: '支援経過の記録が途絶えている',
  connection_due: 'つながり継続の連絡日',
} as const;

const caseWorkQueueList = exportList({
  key: 'case-work-queue',
  source: 'GET /api/cases/work-queue',
  query: NO_FILTERS,
  load: async (db, context) => {
    const { items, total } = await caseWorkQueue(db, context, MAX_EXPORT_ROWS);
    if (total > MAX_EXPORT_ROWS)
      throw tooLongToExport(total, MAX_EXPORT_ROWS, '期日の近いものから画面で対応してください。');
    return {
      columns: [
        column('kind', '対応事項'),
        column('detail', '内容'),
        column('person', '本人'),
        column('due', '期日', 'wareki'),
        column('mine', 'あなたの担当'),
      ],
      rows: items.map((item) => ({
        kind: WORK_ITEM_LABELS[item.kind],
        detail: item.detail,
        person: item.personName ?? '（氏名不明）',
        due: item.due,
        mine: yesNo(item.mine),
      })),
      ids: [...new Set(items.map((item) => item.caseId))],
    };
  },
});

export const RECORD_EXPORTS: ExportList[] = [people, consultations, referrals, cases, caseWorkQueueList];
