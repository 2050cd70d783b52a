import type { Field, OrganisationKind, Role, StatutoryFunction } from '../../shared/vocabulary';

// A fictional city modelled on the seed documents. Every name here is invented.
export const DEMO_TENANT = { code: '990001', name: 'つなぐ市（デモ）' };
export const DEMO_PASSWORD = 'tsunagu-demo';

export const DEMO_ZONES: { name: string; districts: string[] }[] = [
  { name: '北部圏域', districts: ['北山地区', '川辺地区', '緑ヶ丘地区'] },
  { name: '東部圏域', districts: ['朝日地区', '東町地区'] },
  { name: '南部圏域', districts: ['港地区', '南浜地区', '汐見地区'] },
  { name: '西部圏域', districts: ['西原地区', '桜台地区'] },
];

type DemoOrganisation = {
  key: string;
  name: string;
  kind: OrganisationKind;
  functions: StatutoryFunction[];
  fields: Field[];
  zone?: string;
  phone: string;
  /** 外部の関係機関: no staff accounts; the 支援会議 brings them in */
  external?: boolean;
  contactPerson?: string;
};

const partner = (
  key: string,
  name: string,
  kind: OrganisationKind,
  contactPerson: string,
  phone: string,
) => ({
  key,
  name,
  kind,
  functions: [],
  fields: [],
  phone,
  external: true,
  contactPerson,
});

const centre = (zone: string, key: string, phone: string): DemoOrganisation => ({
  key,
  name: `${zone.replace('圏域', '')}地域包括支援センター`,
  kind: 'community_general_support_center',
  functions: ['consult_elderly'],
  fields: ['elderly'],
  zone,
  phone,
});

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  centre('北部圏域', 'hokubu', '0120-000-101'),
  centre('東部圏域', 'toubu', '0120-000-102'),
  centre('南部圏域', 'nanbu', '0120-000-103'),
  centre('西部圏域', 'seibu', '0120-000-104'),
  {
    key: 'disability',
    name: 'つなぐ市障がい者基幹相談支援センター',
    kind: 'disability_consultation_center',
    functions: ['consult_disability'],
    fields: ['disability', 'health'],
    phone: '0120-000-201',
  },
  {
    key: 'child',
    name: 'つなぐ市こども家庭センター',
    kind: 'child_family_center',
    functions: ['consult_child'],
    fields: ['child', 'education'],
    phone: '0120-000-301',
  },
  {
    key: 'jiritsu',
    name: '福祉総合相談窓口（自立相談支援機関）',
    kind: 'self_reliance_support',
    functions: ['consult_poverty'],
    fields: ['poverty', 'housing', 'employment'],
    phone: '0120-000-401',
  },
  {
    key: 'shakyo',
    name: 'つなぐ市社会福祉協議会',
    kind: 'social_welfare_council',
    functions: ['participation', 'community', 'outreach', 'multi_agency', 'support_plan'],
    fields: ['community', 'poverty'],
    phone: '0120-000-501',
  },
  {
    key: 'chiikifukushi',
    name: 'つなぐ市 福祉部 地域福祉課',
    kind: 'municipal_department',
    functions: [],
    fields: ['community'],
    phone: '0120-000-601',
  },
  {
    key: 'npo-ibasho',
    name: 'NPO法人 ひだまりの居場所',
    kind: 'npo',
    functions: ['participation'],
    fields: ['community', 'employment'],
    phone: '0120-000-701',
  },
  {
    key: 'npo-youth',
    name: 'NPO法人 わかものサポートネット',
    kind: 'npo',
    functions: ['outreach', 'participation'],
    fields: ['child', 'employment'],
    phone: '0120-000-702',
  },
  {
    key: 'law',
    name: 'つなぐ総合法律事務所',
    kind: 'law_office',
    functions: [],
    fields: ['justice'],
    phone: '0120-000-801',
  },
  partner('probation', 'つなぐ保護観察所', 'probation_office', '保護観察官 森田', '0120-000-901'),
  partner(
    'hellowork',
    'ハローワークつなぐ',
    'public_employment_office',
    '就労支援ナビゲーター 岡',
    '0120-000-902',
  ),
  partner(
    'hospital',
    'つなぐ市民病院 地域医療連携室',
    'medical_institution',
    '医療ソーシャルワーカー 林',
    '0120-000-903',
  ),
  partner(
    'housing',
    '居住支援法人 すまいサポートつなぐ',
    'housing_support_corporation',
    '相談員 石田',
    '0120-000-904',
  ),
];

export type DemoUser = {
  loginId: string;
  displayName: string;
  kana: string;
  organisation: string;
  role: Role;
};

export const DEMO_USERS: DemoUser[] = [
  {
    loginId: 'demo-consultant',
    displayName: '北村 さくら',
    kana: 'キタムラ サクラ',
    organisation: 'hokubu',
    role: 'consultant',
  },
  {
    loginId: 'demo-jiritsu',
    displayName: '東 健一',
    kana: 'ヒガシ ケンイチ',
    organisation: 'jiritsu',
    role: 'consultant',
  },
  {
    loginId: 'demo-disability',
    displayName: '森 由紀',
    kana: 'モリ ユキ',
    organisation: 'disability',
    role: 'consultant',
  },
  {
    loginId: 'demo-child',
    displayName: '林 真理',
    kana: 'ハヤシ マリ',
    organisation: 'child',
    role: 'consultant',
  },
  {
    loginId: 'demo-coordinator',
    displayName: '中川 陽子',
    kana: 'ナカガワ ヨウコ',
    organisation: 'shakyo',
    role: 'coordinator',
  },
  {
    loginId: 'demo-outreach',
    displayName: '西田 翔',
    kana: 'ニシダ ショウ',
    organisation: 'shakyo',
    role: 'outreach_worker',
  },
  {
    loginId: 'demo-participation',
    displayName: '南 美咲',
    kana: 'ミナミ ミサキ',
    organisation: 'shakyo',
    role: 'participation_coordinator',
  },
  {
    loginId: 'demo-community',
    displayName: '岡本 大輔',
    kana: 'オカモト ダイスケ',
    organisation: 'shakyo',
    role: 'community_worker',
  },
  {
    loginId: 'demo-manager',
    displayName: '上田 誠',
    kana: 'ウエダ マコト',
    organisation: 'chiikifukushi',
    role: 'program_manager',
  },
  {
    loginId: 'demo-lawyer',
    displayName: '石井 弁護士',
    kana: 'イシイ',
    organisation: 'law',
    role: 'meeting_member',
  },
  {
    loginId: 'demo-admin',
    displayName: '管理 太郎',
    kana: 'カンリ タロウ',
    organisation: 'chiikifukushi',
    role: 'administrator',
  },
];
