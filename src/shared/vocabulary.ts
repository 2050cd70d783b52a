// Closed vocabularies shared by the API and the UI. Codes are stable English identifiers;
// labels are the Japanese terms users know (see the glossary in the README).

export const ROLES = [
  'consultant',
  'coordinator',
  'outreach_worker',
  'participation_coordinator',
  'community_worker',
  'program_manager',
  'meeting_member',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  consultant: '相談員',
  coordinator: '地域福祉コーディネーター（包括化推進員）',
  outreach_worker: 'アウトリーチ支援員（CSW）',
  participation_coordinator: '参加支援担当',
  community_worker: '生活支援コーディネーター（地域づくり）',
  program_manager: '事業担当課',
  meeting_member: '会議構成員',
  administrator: 'システム管理者',
};

// 社会福祉法 第106条の4 第2項 第1号イ〜ニ and 第2〜6号.
export const STATUTORY_FUNCTIONS = [
  'consult_elderly',
  'consult_disability',
  'consult_child',
  'consult_poverty',
  'participation',
  'community',
  'outreach',
  'multi_agency',
  'support_plan',
] as const;
export type StatutoryFunction = (typeof STATUTORY_FUNCTIONS)[number];

export const STATUTORY_FUNCTION_LABELS: Record<StatutoryFunction, string> = {
  consult_elderly: '第1号イ 包括的相談支援（高齢）',
  consult_disability: '第1号ロ 包括的相談支援（障害）',
  consult_child: '第1号ハ 包括的相談支援（子ども）',
  consult_poverty: '第1号ニ 包括的相談支援（生活困窮）',
  participation: '第2号 参加支援',
  community: '第3号 地域づくりに向けた支援',
  outreach: '第4号 アウトリーチ等を通じた継続的支援',
  multi_agency: '第5号 多機関協働',
  support_plan: '第6号 支援プラン策定',
};

export const FIELDS = [
  'elderly',
  'disability',
  'child',
  'poverty',
  'health',
  'housing',
  'employment',
  'education',
  'justice',
  'community',
  'other',
] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, string> = {
  elderly: '高齢',
  disability: '障害',
  child: '子ども',
  poverty: '生活困窮',
  health: '保健',
  housing: '住まい',
  employment: '就労',
  education: '教育',
  justice: '司法',
  community: '地域福祉',
  other: 'その他',
};

export const AREA_LEVELS = ['city', 'zone', 'district'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const AREA_LEVEL_LABELS: Record<AreaLevel, string> = {
  city: '市',
  zone: '日常生活圏域',
  district: '地区',
};

export const ORGANISATION_KINDS = [
  'community_general_support_center',
  'disability_consultation_center',
  'child_family_center',
  'self_reliance_support',
  'social_welfare_council',
  'municipal_department',
  'npo',
  'law_office',
  'probation_office',
  'volunteer_probation_officer',
  'housing_support_corporation',
  'public_employment_office',
  'medical_institution',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  community_general_support_center: '地域包括支援センター',
  disability_consultation_center: '障がい者相談支援センター',
  child_family_center: 'こども家庭センター',
  self_reliance_support: '自立相談支援機関',
  social_welfare_council: '社会福祉協議会',
  municipal_department: '市役所の課',
  npo: 'NPO・市民団体',
  law_office: '法律事務所・弁護士',
  probation_office: '保護観察所',
  volunteer_probation_officer: '保護司',
  housing_support_corporation: '居住支援法人',
  public_employment_office: 'ハローワーク',
  medical_institution: '医療機関',
  other: 'その他',
};

/** The kinds 尼崎's 支援会議 brings in from outside, offered first when registering a partner. */
export const PARTNER_KINDS: OrganisationKind[] = [
  'probation_office',
  'volunteer_probation_officer',
  'housing_support_corporation',
  'public_employment_office',
  'medical_institution',
  'law_office',
  'npo',
  'other',
];
