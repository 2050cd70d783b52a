// Vocabularies of 参加支援 and the community resource directory (issue #15, 第2号).

const labels = <T extends string>(entries: Record<T, string>) => entries;

/** Kinds of 社会資源 (a resource may be of several). */
export const RESOURCE_KINDS = [
  'ibasho',
  'salon',
  'kodomo_shokudo',
  'kayoi_no_ba',
  'activity_support_center',
  'work_experience',
  'cooperating_company',
  'agri_welfare',
  'housing_support',
  'learning_support',
  'volunteering',
  'peer_group',
  'other',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS = labels<ResourceKind>({
  ibasho: '居場所',
  salon: 'サロン・つどいの場',
  kodomo_shokudo: '子ども食堂・地域食堂',
  kayoi_no_ba: '通いの場',
  activity_support_center: '地域活動支援センター',
  work_experience: '就労体験・中間的就労の受け入れ先',
  cooperating_company: '協力企業・団体',
  agri_welfare: '農福連携',
  housing_support: '居住支援',
  learning_support: '学習支援',
  volunteering: 'ボランティア活動',
  peer_group: '当事者会・家族会',
  other: 'その他（市の追加）',
});

/** What a participant can do there; also what a person wants to do. */
export const ACTIVITIES = [
  'talk',
  'eat',
  'craft',
  'work',
  'learn',
  'role',
  'exercise',
  'hobby',
  'rest',
] as const;
export type Activity = (typeof ACTIVITIES)[number];
export const ACTIVITY_LABELS = labels<Activity>({
  talk: '話す',
  eat: '食べる',
  craft: '作業する',
  work: '働く',
  learn: '学ぶ',
  role: '役割を持つ',
  exercise: '体を動かす',
  hobby: '趣味・特技を活かす',
  rest: 'ゆっくり過ごす',
});

/** Who a resource is for, beyond an age range. */
export const TARGET_ATTRIBUTES = [
  'elderly',
  'children',
  'youth',
  'parents',
  'disability',
  'hikikomori',
  'carers',
  'foreign_residents',
  'women',
] as const;
export type TargetAttribute = (typeof TARGET_ATTRIBUTES)[number];
export const TARGET_ATTRIBUTE_LABELS = labels<TargetAttribute>({
  elderly: '高齢の方',
  children: '子ども',
  youth: '若者',
  parents: '子育て中の親',
  disability: '障がいのある方',
  hikikomori: 'ひきこもり状態の方',
  carers: '介護・ケアをしている方',
  foreign_residents: '外国にルーツのある方',
  women: '女性',
});

export const RESOURCE_STATUSES = ['active', 'paused', 'ended'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const RESOURCE_STATUS_LABELS = labels<ResourceStatus>({
  active: '活動中',
  paused: '休止中',
  ended: '終了',
});

/** Who runs a resource: an organisation of the directory, not necessarily a participating agency. */
export const OPERATOR_KINDS = [
  'company',
  'npo',
  'neighbourhood_association',
  'social_welfare_corporation',
  'social_welfare_council',
  'municipality',
  'residents_group',
  'other',
] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];
export const OPERATOR_KIND_LABELS = labels<OperatorKind>({
  company: '企業',
  npo: 'NPO法人',
  neighbourhood_association: '自治会・町会',
  social_welfare_corporation: '社会福祉法人',
  social_welfare_council: '社会福祉協議会',
  municipality: '市',
  residents_group: '住民グループ',
  other: 'その他',
});

/** Weekdays as JavaScript counts them (0 = 日). */
export const WEEKDAY_LABELS = ['日', '月', '火', '水', '木', '金', '土'] as const;

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export const TIME_OF_DAY_LABELS = labels<TimeOfDay>({
  morning: '午前',
  afternoon: '午後',
  evening: '夕方以降',
});

/** What a person wants from participation, in the coordinator's words for it. */
export const WISHES = [
  'work',
  'place',
  'friends',
  'role',
  'learn',
  'exercise',
  'use_skills',
  'housing',
] as const;
export type Wish = (typeof WISHES)[number];
export const WISH_LABELS = labels<Wish>({
  work: '働きたい',
  place: '家以外の居場所がほしい',
  friends: '仲間がほしい',
  role: '役割がほしい',
  learn: '学びたい',
  exercise: '体を動かしたい',
  use_skills: '自分の特技を活かしたい',
  housing: '住まいを安定させたい',
});

/** How far a person can go. */
export const REACHES = ['same_area', 'city'] as const;
export type Reach = (typeof REACHES)[number];
export const REACH_LABELS = labels<Reach>({ same_area: '住んでいる地区の中', city: '市内ならどこでも' });

/** The path of one placement. */
export const PLACEMENT_STAGES = ['proposed', 'visited', 'trial', 'started', 'ended', 'interrupted'] as const;
export type PlacementStage = (typeof PLACEMENT_STAGES)[number];
export const PLACEMENT_STAGE_LABELS = labels<PlacementStage>({
  proposed: '提案',
  visited: '見学',
  trial: '体験',
  started: '参加開始（定着支援中）',
  ended: '終了',
  interrupted: '中断',
});

/** Which moves the path allows; ending is possible from any open stage. */
export const PLACEMENT_MOVES: Record<PlacementStage, readonly PlacementStage[]> = {
  proposed: ['visited', 'trial', 'started', 'ended', 'interrupted'],
  visited: ['trial', 'started', 'ended', 'interrupted'],
  trial: ['started', 'ended', 'interrupted'],
  started: ['ended', 'interrupted'],
  ended: [],
  interrupted: [],
};

export const END_REASONS = ['settled', 'person_wish', 'not_a_fit', 'moved_on', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS = labels<EndReason>({
  settled: '定着して支援終了',
  person_wish: '本人の希望',
  not_a_fit: '合わなかった',
  moved_on: '別の場へ',
  other: 'その他',
});

/** Follow-ups after the start, in days: 1 week, 1 month, 3 months; then every 3 months. */
export const FOLLOW_UP_OFFSETS = [7, 30, 90] as const;
export const FOLLOW_UP_REPEAT_DAYS = 90;

/** 受け入れ先へのサポート. */
export const RECEIVER_SUPPORT_KINDS = ['consultation', 'coordination', 'training', 'accompany'] as const;
export type ReceiverSupportKind = (typeof RECEIVER_SUPPORT_KINDS)[number];
export const RECEIVER_SUPPORT_KIND_LABELS = labels<ReceiverSupportKind>({
  consultation: '相談',
  coordination: '調整',
  training: '研修',
  accompany: '同行',
});
