// Vocabularies of 相談受付, 同意 and つなぎ (codes in English, labels as offices write them).

const labels = <T extends string>(entries: Record<T, string>) => entries;

export const CHANNELS = [
  'visit_office',
  'phone',
  'home_visit',
  'email',
  'online',
  'from_agency',
  'from_community',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS = labels<Channel>({
  visit_office: '来所',
  phone: '電話',
  home_visit: '訪問',
  email: 'メール',
  online: 'オンライン',
  from_agency: '関係機関から',
  from_community: '地域から',
});

export const BROUGHT_BY = [
  'self',
  'family',
  'neighbour',
  'welfare_commissioner',
  'agency',
  'anonymous',
] as const;
export type BroughtBy = (typeof BROUGHT_BY)[number];
export const BROUGHT_BY_LABELS = labels<BroughtBy>({
  self: '本人',
  family: '家族',
  neighbour: '近隣',
  welfare_commissioner: '民生委員',
  agency: '関係機関',
  anonymous: '匿名',
});

export const OUTCOMES = [
  'handled_here',
  'refer_agency',
  'refer_multi_agency',
  'unsure_where',
  'info_only',
] as const;
export type ConsultationOutcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS = labels<ConsultationOutcome>({
  handled_here: '当機関で対応',
  refer_agency: '他機関へつなぐ',
  refer_multi_agency: '多機関協働へつなぐ',
  unsure_where: 'つなぎ先がわからない（コーディネーターへ）',
  info_only: '情報提供で終了',
});

export const SHARE_CONSENT = ['given', 'not_given', 'not_asked'] as const;
export type ShareConsent = (typeof SHARE_CONSENT)[number];
export const SHARE_CONSENT_LABELS = labels<ShareConsent>({
  given: '同意あり（関係機関と共有してよい）',
  not_given: '同意なし',
  not_asked: '未確認',
});

export const CONSENT_METHODS = ['written', 'oral'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS = labels<ConsentMethod>({ written: '書面', oral: '口頭' });

export const CONSENT_SCOPES = ['all_agencies', 'organisations'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'declined',
  'cancelled',
  'in_progress',
  'completed',
  'unsuccessful',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS = labels<ReferralStatus>({
  draft: '下書き',
  requested: '依頼中',
  accepted: '受理',
  declined: '辞退',
  cancelled: '取消',
  in_progress: '対応中',
  completed: '完了',
  unsuccessful: '不調',
});

/** A つなぎ to a partner without a login (a logged referral) speaks of contact and its answer. */
const LOGGED_REFERRAL_LABELS: Partial<Record<ReferralStatus, string>> = {
  requested: '連絡済み（返事待ち）',
  accepted: '受け入れ',
  declined: '見送り',
};

export const referralStatusLabel = (status: ReferralStatus, toExternal = false) =>
  (toExternal && LOGGED_REFERRAL_LABELS[status]) || REFERRAL_STATUS_LABELS[status];

export const RELATIONSHIP_KINDS = ['parent_child', 'spouse', 'partner', 'sibling', 'other'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export const RELATIONSHIP_KIND_LABELS = labels<RelationshipKind>({
  parent_child: '親子',
  spouse: '夫婦',
  partner: 'パートナー',
  sibling: 'きょうだい',
  other: 'その他',
});

export const AGE_BANDS = ['0-17', '18-39', '40-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
