// Vocabularies of 会議 (issue #5): legal bases of meeting bodies, tiers, decisions.

const labels = <T extends string>(entries: Record<T, string>) => entries;

export const LEGAL_BASES = [
  'multi_layered', // 重層的支援会議
  'support_meeting_106_6', // 支援会議（社会福祉法第106条の6）
  'self_reliance_art9', // 生活困窮者自立支援法第9条の支援会議
  'support_coordination', // 支援調整会議
  'community_care', // 地域ケア会議
  'child_protection', // 要保護児童対策地域協議会
  'disability_council', // 自立支援協議会
  'internal_liaison', // 庁内連携会議
  'team', // チーム会議
  'other',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
/**
 * Bodies a network of the community may meet in: those not set up to discuss residents' cases
 * (a 支援会議 or 重層的支援会議 linked to a network would show its sessions to the network).
 */
export const NETWORK_LEGAL_BASES: readonly LegalBasis[] = ['disability_council', 'other'];
export const LEGAL_BASIS_LABELS = labels<LegalBasis>({
  multi_layered: '重層的支援会議',
  support_meeting_106_6: '支援会議（法第106条の6）',
  self_reliance_art9: '生活困窮者自立支援法第9条の支援会議',
  support_coordination: '支援調整会議',
  community_care: '地域ケア会議',
  child_protection: '要保護児童対策地域協議会',
  disability_council: '自立支援協議会',
  internal_liaison: '庁内連携会議',
  team: 'チーム会議',
  other: 'その他',
});

/** Bodies whose members carry a statutory duty of confidentiality: cases may be tabled without consent. */
export const CONFIDENTIALITY_BOUND: LegalBasis[] = [
  'support_meeting_106_6',
  'self_reliance_art9',
  'child_protection',
];

export const TIERS = ['plenary', 'practitioners', 'case_review'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS = labels<Tier>({
  plenary: '全体会議',
  practitioners: '実務者会議',
  case_review: '個別事例検討会議',
});

export const ITEM_DECISION_TYPES = [
  'plan_approval',
  'plan_revision',
  'role_split',
  'closure_approval',
  'support_policy',
  'information_only',
  'regional_issue',
] as const;
export type ItemDecisionType = (typeof ITEM_DECISION_TYPES)[number];
export const ITEM_DECISION_TYPE_LABELS = labels<ItemDecisionType>({
  plan_approval: 'プラン承認',
  plan_revision: 'プラン見直し',
  role_split: '役割分担・主担当の決定',
  closure_approval: '終結の承認',
  support_policy: '支援方針の決定',
  information_only: '情報共有のみ',
  regional_issue: '地域課題として提起',
});

/** What a decision of a session does to a tabled case: the case step it takes, if any. */
export const DECISION_CASE_STEP: Partial<Record<ItemDecisionType, 'supporting' | 'planning' | 'closed'>> = {
  plan_approval: 'supporting',
  plan_revision: 'planning',
  closure_approval: 'closed',
};

export const TOPIC_KINDS = ['regional_issue', 'resource_development', 'system_issue', 'other'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];
export const TOPIC_KIND_LABELS = labels<TopicKind>({
  regional_issue: '地域課題',
  resource_development: '社会資源の開発',
  system_issue: '制度・仕組みの課題',
  other: 'その他',
});

export const SESSION_STATES = ['planned', 'prepared', 'held'] as const;
export type SessionState = (typeof SESSION_STATES)[number];
export const SESSION_STATE_LABELS = labels<SessionState>({
  planned: '準備中',
  prepared: '資料配付済',
  held: '開催済',
});
