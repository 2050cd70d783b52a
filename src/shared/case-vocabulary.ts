// Vocabularies of 多機関協働 and 支援プラン (第5号・第6号): codes in English, labels as the
// seeds write them.

const labels = <T extends string>(entries: Record<T, string>) => entries;

export const CASE_STATUSES = [
  'received',
  'screening',
  'assessment',
  'planning',
  'awaiting_decision',
  'supporting',
  'evaluating',
  'suspended',
  'closed',
  'connected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS = labels<CaseStatus>({
  received: '受付',
  screening: 'スクリーニング',
  assessment: 'アセスメント',
  planning: 'プラン作成',
  awaiting_decision: '会議決定待ち',
  supporting: '支援中',
  evaluating: '評価',
  suspended: '中断',
  closed: '終結',
  connected: 'つながり継続',
});

/** 芦屋 機能Ⅰ: what the coordinator decides after looking at a referred household. */
export const SCREENING_OUTCOMES = ['advise_referrer', 'multi_agency', 'support_meeting', 'outreach'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];
export const SCREENING_OUTCOME_LABELS = labels<ScreeningOutcome>({
  advise_referrer: '助言して元の機関で対応',
  multi_agency: '多機関で対応',
  support_meeting: '本人同意がなく支援会議で検討',
  outreach: 'アウトリーチで関係づくり',
});

/** Decisions a case keeps as records of their own (the meetings module links them to sessions). */
export const DECISION_KINDS = [
  'screening',
  'plan_approval',
  'plan_revision',
  'closure',
  'role_split',
  'support_policy',
  'information_only',
  'regional_issue',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS = labels<DecisionKind>({
  screening: 'スクリーニング',
  plan_approval: 'プラン承認',
  plan_revision: 'プラン見直し',
  closure: '終結の承認',
  role_split: '役割分担・主担当の決定',
  support_policy: '支援方針の決定',
  information_only: '情報共有',
  regional_issue: '地域課題として提起',
});

export const ASSESSMENT_DOMAINS = [
  'health',
  'disability',
  'care',
  'childcare',
  'finance',
  'work',
  'housing',
  'isolation',
  'rights',
  'other',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];
export const ASSESSMENT_DOMAIN_LABELS = labels<AssessmentDomain>({
  health: '健康・医療',
  disability: '障害',
  care: '介護',
  childcare: '子育て',
  finance: '経済・債務',
  work: '就労',
  housing: '住まい',
  isolation: '社会関係・孤立',
  rights: '権利擁護',
  other: 'その他',
});

export const URGENCY_LEVELS = ['high', 'medium', 'low'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];
export const URGENCY_LABELS = labels<UrgencyLevel>({ high: '高', medium: '中', low: '低' });

export const RECORD_TYPES = [
  'interview',
  'home_visit',
  'phone',
  'accompany',
  'agency_contact',
  'case_conference',
  'other',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const RECORD_TYPE_LABELS = labels<RecordType>({
  interview: '面談',
  home_visit: '訪問',
  phone: '電話',
  accompany: '同行',
  agency_contact: '関係機関連絡',
  case_conference: 'ケース会議',
  other: 'その他',
});

export const GOAL_RESULTS = ['achieved', 'partly', 'not_achieved'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];
export const GOAL_RESULT_LABELS = labels<GoalResult>({
  achieved: '達成',
  partly: '一部達成',
  not_achieved: '未達成',
});

export const NEXT_STEPS = ['continue', 'revise', 'propose_closure'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS = labels<NextStep>({
  continue: '継続',
  revise: '見直し',
  propose_closure: '終結を提案',
});

export const CLOSURE_REASONS = [
  'resolved',
  'handed_over',
  'moved_away',
  'deceased',
  'person_wish',
  'screened_out',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS = labels<ClosureReason>({
  resolved: '課題の解決・軽減',
  handed_over: '他機関へ引継ぎ',
  moved_away: '転出',
  deceased: '死亡',
  person_wish: '本人の希望',
  screened_out: 'スクリーニングで元の機関が対応',
  other: 'その他',
});

export const PLAN_CONSENT_METHODS = ['written', 'verbal'] as const;
export type PlanConsentMethod = (typeof PLAN_CONSENT_METHODS)[number];
export const PLAN_CONSENT_METHOD_LABELS = labels<PlanConsentMethod>({
  written: '書面',
  verbal: '口頭',
});

/** The case list shows at most this many cases, most recently updated first. */
export const CASE_LIST_LIMIT = 300;
