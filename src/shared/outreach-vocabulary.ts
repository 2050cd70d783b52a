// Vocabularies of アウトリーチ等を通じた継続的支援 (issue #6, 第4号).

const labels = <T extends string>(entries: Record<T, string>) => entries;

/** 見守り協定先: kinds of organisations and businesses with a watch agreement. */
export const PARTNER_KINDS = [
  'postal',
  'water_meter',
  'coop_delivery',
  'newspaper',
  'utility',
  'company',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS = labels<PartnerKind>({
  postal: '郵便局',
  water_meter: '水道メーター検針',
  coop_delivery: '生協の宅配',
  newspaper: '新聞販売店',
  utility: '電気・ガス',
  company: '地元の事業者',
  other: 'その他',
});

/** Who brought the concern. */
export const REPORTER_KINDS = [
  'watch_partner',
  'minsei_iin',
  'neighbourhood_association',
  'neighbour',
  'agency',
  'family',
  'other',
] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];
export const REPORTER_KIND_LABELS = labels<ReporterKind>({
  watch_partner: '見守り協定先',
  minsei_iin: '民生委員・児童委員',
  neighbourhood_association: '自治会・町会',
  neighbour: '近隣住民',
  agency: '関係機関',
  family: '家族・親族',
  other: 'その他',
});

export const RISKS = ['life', 'high', 'normal'] as const;
export type Risk = (typeof RISKS)[number];
export const RISK_LABELS = labels<Risk>({
  life: '生命の危険',
  high: '早めの対応が必要',
  normal: '様子を見ながら',
});

/** The relationship, as it grows; 同意を得た is reached only by opening a consultation. */
export const STAGES = [
  'not_contacted',
  'attempting',
  'met',
  'building',
  'can_consult',
  'consented',
  'ended',
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS = labels<Stage>({
  not_contacted: '未接触',
  attempting: '接触を試みている',
  met: '会えた',
  building: '関係づくり中',
  can_consult: '相談できる関係',
  consented: '同意を得た',
  ended: '終了',
});

/** Moves a worker may record by hand. Back steps are allowed: contact is lost and found again. */
export const STAGE_MOVES: Record<Stage, readonly Stage[]> = {
  not_contacted: ['attempting', 'met', 'ended'],
  attempting: ['met', 'ended'],
  met: ['building', 'attempting', 'ended'],
  building: ['can_consult', 'attempting', 'ended'],
  can_consult: ['building', 'attempting', 'ended'],
  consented: [],
  ended: [],
};
/** Stages from which the person may consent and a consultation open. */
export const STAGES_TO_CONVERT: readonly Stage[] = ['met', 'building', 'can_consult'];
export const OPEN_STAGES: readonly Stage[] = [
  'not_contacted',
  'attempting',
  'met',
  'building',
  'can_consult',
];

export const END_REASONS = ['no_longer_needed', 'moved', 'died', 'other_agency', 'refusal', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS = labels<EndReason>({
  no_longer_needed: '支援の必要がなくなった',
  moved: '転居',
  died: '死亡',
  other_agency: '他の機関が対応',
  refusal: '本人の拒否が続き、見守りに切り替え',
  other: 'その他',
});

/** What was done: a contact attempt, or the groundwork before consent. */
export const ACTIVITY_KINDS = ['contact', 'info_gathering', 'network_building'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS = labels<ActivityKind>({
  contact: '接触',
  info_gathering: '関係機関からの情報収集',
  network_building: '見守りのネットワークづくり',
});

export const CONTACT_MEANS = ['visit', 'phone', 'letter', 'note_left', 'via_others', 'joint_visit'] as const;
export type ContactMeans = (typeof CONTACT_MEANS)[number];
export const CONTACT_MEANS_LABELS = labels<ContactMeans>({
  visit: '訪問',
  phone: '電話',
  letter: '手紙',
  note_left: '置き手紙',
  via_others: '関係者を通じて',
  joint_visit: '同行訪問',
});

export const CONTACT_RESULTS = ['absent', 'refused', 'met', 'talked', 'talked_family'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];
export const CONTACT_RESULT_LABELS = labels<ContactResult>({
  absent: '不在',
  refused: '拒否',
  met: '会えた',
  talked: '話せた',
  talked_family: '家族と話せた',
});
/** Results that count as reaching the person (会えた): the first one is the "first contact". */
export const REACHED_RESULTS: readonly ContactResult[] = ['met', 'talked'];

/** What the reporter may know of their report: that it was received and followed up. */
export const REPORT_FOLLOW_UPS = ['received', 'following_up', 'done'] as const;
export type ReportFollowUp = (typeof REPORT_FOLLOW_UPS)[number];
export const REPORT_FOLLOW_UP_LABELS = labels<ReportFollowUp>({
  received: '受け付けました',
  following_up: '対応しています',
  done: '対応を終えました',
});
