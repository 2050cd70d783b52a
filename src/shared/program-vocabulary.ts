// Vocabularies of 事業管理 (issue #17): the statutory functions, how a program is run, and
// how a year of the five-year plan is judged.

const labels = <T extends string>(entries: Record<T, string>) => entries;

/** 社会福祉法第106条の4第2項 第1号〜第6号, as the municipalities' own tables list them. */
export const FUNCTIONS = [
  '1i',
  '1ro',
  '1ha',
  '1ni',
  '2',
  '3i',
  '3ro',
  '3ha',
  '3ni',
  '3',
  '4',
  '5',
  '6',
] as const;
export type FunctionCode = (typeof FUNCTIONS)[number];
export const FUNCTION_LABELS = labels<FunctionCode>({
  '1i': '第1号イ（地域包括支援センターの運営）',
  '1ro': '第1号ロ（障害者相談支援事業）',
  '1ha': '第1号ハ（利用者支援事業）',
  '1ni': '第1号ニ（生活困窮者自立相談支援事業）',
  '2': '第2号（参加支援事業）',
  '3i': '第3号イ（地域介護予防活動支援事業）',
  '3ro': '第3号ロ（生活支援体制整備事業）',
  '3ha': '第3号ハ（地域活動支援センター事業）',
  '3ni': '第3号ニ（地域子育て支援拠点事業）',
  '3': '第3号（生活困窮者支援等のための地域づくり事業）',
  '4': '第4号（アウトリーチ等を通じた継続的支援事業）',
  '5': '第5号（多機関協働事業）',
  '6': '第6号（支援プランの作成）',
});
export const FUNCTION_SHORT_LABELS = labels<FunctionCode>({
  '1i': '第1号イ',
  '1ro': '第1号ロ',
  '1ha': '第1号ハ',
  '1ni': '第1号ニ',
  '2': '第2号',
  '3i': '第3号イ',
  '3ro': '第3号ロ',
  '3ha': '第3号ハ',
  '3ni': '第3号ニ',
  '3': '第3号',
  '4': '第4号',
  '5': '第5号',
  '6': '第6号',
});

/** The five pillars (the 芦屋 plan's 5 実施内容), each gathering statutory functions. */
export const PILLARS = ['consultation', 'participation', 'community', 'outreach', 'multi_agency'] as const;
export type Pillar = (typeof PILLARS)[number];
export const PILLAR_LABELS = labels<Pillar>({
  consultation: '包括的相談支援',
  participation: '参加支援',
  community: '地域づくりに向けた支援',
  outreach: 'アウトリーチ等を通じた継続的支援',
  multi_agency: '多機関協働',
});
export const PILLAR_OF: Record<FunctionCode, Pillar> = {
  '1i': 'consultation',
  '1ro': 'consultation',
  '1ha': 'consultation',
  '1ni': 'consultation',
  '2': 'participation',
  '3i': 'community',
  '3ro': 'community',
  '3ha': 'community',
  '3ni': 'community',
  '3': 'community',
  '4': 'outreach',
  '5': 'multi_agency',
  '6': 'multi_agency',
};

export const FIELDS = ['elderly', 'disability', 'children', 'poverty', 'cross'] as const;
export type ProgramField = (typeof FIELDS)[number];
export const FIELD_LABELS = labels<ProgramField>({
  elderly: '高齢',
  disability: '障がい',
  children: '子ども',
  poverty: '生活困窮',
  cross: '分野横断',
});

export const METHODS = ['direct', 'commissioned', 'subsidy'] as const;
export type ProgramMethod = (typeof METHODS)[number];
export const METHOD_LABELS = labels<ProgramMethod>({
  direct: '直営',
  commissioned: '委託',
  subsidy: '補助金',
});

export const EVALUATIONS = ['achieved', 'partly', 'not_achieved', 'carried_over'] as const;
export type PlanEvaluation = (typeof EVALUATIONS)[number];
export const EVALUATION_LABELS = labels<PlanEvaluation>({
  achieved: '達成',
  partly: '一部達成',
  not_achieved: '未達成',
  carried_over: '次年度へ',
});

/** The kinds of records a municipality may import from its spreadsheets. */
export const IMPORT_KINDS = ['people', 'households', 'consultations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
