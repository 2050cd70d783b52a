// 課題 vocabulary of DOMAIN.md. Sensitive items are shown only to those with a need to know
// and never appear in cross-case counts with small numbers.
export type IssueDefinition = { code: string; label: string; sensitive: boolean };

export const DEFAULT_ISSUES: IssueDefinition[] = [
  { code: '8050', label: '8050問題', sensitive: false },
  { code: 'double_care', label: 'ダブルケア', sensitive: false },
  { code: 'young_carer', label: 'ヤングケアラー', sensitive: false },
  { code: 'hikikomori', label: 'ひきこもり', sensitive: false },
  { code: 'isolation', label: '社会的孤立', sensitive: false },
  { code: 'lonely_death_risk', label: '孤独死のおそれ', sensitive: false },
  {
    code: 'housing_instability',
    label: '住まいの不安定（ホームレス・家賃滞納・立ち退き）',
    sensitive: false,
  },
  { code: 'domestic_violence', label: '家庭内暴力・DV', sensitive: true },
  { code: 'child_abuse', label: '児童虐待', sensitive: true },
  { code: 'elder_abuse', label: '高齢者虐待', sensitive: true },
  { code: 'disability_abuse', label: '障害者虐待', sensitive: true },
  { code: 'care', label: '介護', sensitive: false },
  { code: 'parenting_anxiety', label: '子育て不安', sensitive: false },
  { code: 'poverty', label: '生活困窮', sensitive: false },
  { code: 'multiple_debt', label: '多重債務', sensitive: false },
  { code: 'money_management', label: '金銭管理', sensitive: false },
  { code: 'utility_arrears', label: '公共料金滞納', sensitive: false },
  { code: 'employment', label: '就労（働けない・続かない）', sensitive: false },
  { code: 'mental_health', label: '精神疾患・心の病', sensitive: true },
  { code: 'addiction', label: '依存（アルコール・薬物・ギャンブル）', sensitive: true },
  { code: 'dementia', label: '認知症', sensitive: false },
  { code: 'disability', label: '障害', sensitive: false },
  { code: 'hoarding', label: 'ごみ屋敷', sensitive: false },
  { code: 'animal_hoarding', label: '多頭飼育', sensitive: false },
  { code: 'reoffending', label: '犯罪をした者等（再犯防止）', sensitive: true },
  { code: 'foreign_language', label: '外国人・言語', sensitive: false },
  { code: 'medical', label: '医療', sensitive: false },
  { code: 'advocacy', label: '権利擁護・成年後見', sensitive: false },
];
