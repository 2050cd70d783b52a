import { sql } from 'drizzle-orm';
import type { CaseStatus, DecisionKind } from '../../shared/case-vocabulary';

// The life of a 多機関協働事例:
// 受付 → スクリーニング → アセスメント → プラン作成 → 会議決定待ち → 支援中 → 評価
//   → (プラン見直し → プラン作成) or 終結 → (つながり継続); 中断 from 支援中, resumable.
// Screening outcomes and closure with continued connection have their own requests; this
// table is for the steps a user takes with a button.

export type Rule = {
  /** coordinator: only coordinators; team: anyone on the case team, or a coordinator. */
  who: 'coordinator' | 'team';
  /** A decision record (date, deciding body, content) must come with the step. */
  decision?: DecisionKind;
  /** A reason must be written (e.g. why support is suspended). */
  note?: boolean;
  label: string;
};

export const CASE_TRANSITIONS: Record<CaseStatus, Partial<Record<CaseStatus, Rule>>> = {
  received: { screening: { who: 'coordinator', label: 'スクリーニングを始める' } },
  screening: {},
  assessment: { planning: { who: 'team', label: 'アセスメントを終えてプラン作成へ' } },
  planning: { awaiting_decision: { who: 'team', label: 'プランを会議に諮る' } },
  awaiting_decision: {
    supporting: { who: 'team', decision: 'plan_approval', label: 'プランの承認を記録して支援開始' },
    planning: { who: 'team', note: true, label: 'プラン作成に戻す' },
  },
  supporting: {
    evaluating: { who: 'team', label: '評価を始める' },
    suspended: { who: 'team', note: true, label: '支援を中断する' },
  },
  suspended: { supporting: { who: 'team', label: '支援を再開する' } },
  evaluating: {
    supporting: { who: 'team', label: '支援を継続する' },
    planning: { who: 'team', decision: 'plan_revision', label: 'プラン見直しを決定' },
    closed: { who: 'team', decision: 'closure', label: '終結を決定' },
  },
  closed: {},
  connected: { closed: { who: 'team', note: true, label: 'つながり継続を終える' } },
};

export function transitionRule(from: CaseStatus, to: CaseStatus): Rule | undefined {
  return CASE_TRANSITIONS[from][to];
}

/** Statuses in which the team is still working with the household. */
export const ACTIVE_STATUSES: CaseStatus[] = [
  'received',
  'screening',
  'assessment',
  'planning',
  'awaiting_decision',
  'supporting',
  'evaluating',
];

/** ACTIVE_STATUSES as an SQL array, in the one form that the work queue's partial index is written in. */
export const ACTIVE_STATUS_ARRAY = sql.raw(
  `array[${ACTIVE_STATUSES.map((s) => `'${s}'`).join(',')}]::text[]`,
);
