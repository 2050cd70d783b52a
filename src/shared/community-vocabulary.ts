// Vocabularies of 地域づくり (issue #16, 第3号): areas, regional issues, projects, networks, trainings.

const labels = <T extends string>(entries: Record<T, string>) => entries;

/** Who works an area (芦屋's table of 圏域 × 地区福祉委員会 × 推進員 × ワーカー). */
export const AREA_WORKER_ROLES = ['csw', 'sc_first', 'sc_second', 'district_worker', 'other'] as const;
export type AreaWorkerRole = (typeof AREA_WORKER_ROLES)[number];
export const AREA_WORKER_ROLE_LABELS = labels<AreaWorkerRole>({
  csw: 'コミュニティソーシャルワーカー（CSW）',
  sc_first: '生活支援コーディネーター（第1層）',
  sc_second: '生活支援コーディネーター・地域支え合い推進員（第2層）',
  district_worker: '地区担当ワーカー',
  other: 'その他',
});

/** 地域への働きかけ. */
export const COMMUNITY_ACTIVITY_KINDS = [
  'local_meeting',
  'visit',
  'consultation_event',
  'event',
  'dialogue',
  'other',
] as const;
export type CommunityActivityKind = (typeof COMMUNITY_ACTIVITY_KINDS)[number];
export const COMMUNITY_ACTIVITY_KIND_LABELS = labels<CommunityActivityKind>({
  local_meeting: '地域の会議への参加',
  visit: '訪問',
  consultation_event: '相談会',
  event: 'イベント',
  dialogue: '住民との話し合い',
  other: 'その他',
});

/** Where a regional issue came from. */
export const ISSUE_SOURCES = [
  'meeting',
  'cases',
  'unmet_needs',
  'outreach',
  'observation',
  'overview',
] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];
export const ISSUE_SOURCE_LABELS = labels<IssueSource>({
  meeting: '会議の決定（地域課題として提起）',
  cases: '事例から',
  unmet_needs: '参加支援の「合う場がない」から',
  outreach: 'アウトリーチから',
  observation: '地域での気づき',
  overview: '課題×地区の俯瞰から',
});

/** 抽出 → 協議中 → プロジェクト化 → 取組中 → 解決 / 継続課題. */
export const REGIONAL_ISSUE_STATUSES = [
  'raised',
  'under_discussion',
  'project',
  'in_action',
  'resolved',
  'ongoing',
] as const;
export type RegionalIssueStatus = (typeof REGIONAL_ISSUE_STATUSES)[number];
export const REGIONAL_ISSUE_STATUS_LABELS = labels<RegionalIssueStatus>({
  raised: '抽出',
  under_discussion: '協議中',
  project: 'プロジェクト化',
  in_action: '取組中',
  resolved: '解決',
  ongoing: '継続課題',
});

/** The moves a regional issue may make; 継続課題 may be taken up again. */
export const REGIONAL_ISSUE_MOVES: Record<RegionalIssueStatus, RegionalIssueStatus[]> = {
  raised: ['under_discussion'],
  under_discussion: ['project', 'resolved', 'ongoing'],
  project: ['in_action', 'resolved', 'ongoing'],
  in_action: ['resolved', 'ongoing'],
  resolved: [],
  ongoing: ['under_discussion'],
};

/** Bodies a regional issue is commonly proposed to; the user may type another. */
export const PROPOSAL_BODIES = [
  '多機関協働推進委員会',
  '地域福祉推進協議会',
  '重層的支援会議',
  '支援会議',
] as const;

export const PROJECT_STATUSES = ['planning', 'active', 'finished'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS = labels<ProjectStatus>({
  planning: '準備中',
  active: '実施中',
  finished: '終了',
});

export const PROJECT_ACTIVITY_KINDS = ['meeting', 'activity', 'survey', 'other'] as const;
export type ProjectActivityKind = (typeof PROJECT_ACTIVITY_KINDS)[number];
export const PROJECT_ACTIVITY_KIND_LABELS = labels<ProjectActivityKind>({
  meeting: '会議',
  activity: '活動',
  survey: '調査',
  other: 'その他',
});

export const TRAINING_SCOPES = ['internal', 'external'] as const;
export type TrainingScope = (typeof TRAINING_SCOPES)[number];
export const TRAINING_SCOPE_LABELS = labels<TrainingScope>({ internal: '庁内', external: '庁外' });

export const TRAINING_AUDIENCES = ['professionals', 'residents', 'staff'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];
export const TRAINING_AUDIENCE_LABELS = labels<TrainingAudience>({
  professionals: '専門職',
  residents: '地域住民',
  staff: '職員',
});

export const TRAINING_TOPICS = [
  'comprehensive',
  'multilayered',
  'participation',
  'community',
  'outreach',
  'multi_agency',
  'privacy',
  'other',
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
export const TRAINING_TOPIC_LABELS = labels<TrainingTopic>({
  comprehensive: '包括的な相談支援',
  multilayered: '重層的支援体制',
  participation: '参加支援',
  community: '地域づくり',
  outreach: 'アウトリーチ',
  multi_agency: '多機関協働',
  privacy: '個人情報・守秘義務',
  other: 'その他',
});

/** A figure of an area's profile the municipality adds (e.g. 外国籍住民数). */
export type ExtraFigure = { label: string; value: number; unit: string };
