import type { Permission } from '../../modules/access/access.permissions';

export type NavItem = {
  to: string;
  label: string;
  description: string;
  ready: boolean;
  permission?: Permission;
};

// Areas of the product in the order of the support flow (the front-line areas for those who
// write records; 会議 also for meeting members, who only read what is tabled); "ready: false" areas are announced
// so that users see where their work will live, and say what is coming.
export const WORK_AREAS: NavItem[] = [
  {
    to: '/intake',
    label: '相談受付',
    description: 'どの機関でも、どなたの相談でも受け付け、必要な機関へつなぎます。',
    ready: true,
    permission: 'case_content.write',
  },
  {
    to: '/referrals',
    label: 'つなぎ',
    description: '受け取ったつなぎに応え、送ったつなぎの経過を追います。',
    ready: true,
    permission: 'case_content.write',
  },
  {
    to: '/households',
    label: '世帯・本人',
    description: '世帯の構成、ジェノグラム・エコマップ、これまでの相談とつなぎの経過を見ます。',
    ready: true,
    permission: 'case_content.write',
  },
  {
    to: '/imports',
    label: '台帳の取り込み',
    description: 'kintone や Excel の台帳（CSV・Excel）から、本人・世帯・相談をまとめて登録します。',
    ready: true,
    permission: 'records.import',
  },
  {
    to: '/cases',
    label: '多機関協働',
    description: 'スクリーニング、アセスメント、支援プラン、支援経過、評価、終結を記録します。',
    ready: true,
    permission: 'case_content.write',
  },
  {
    to: '/meetings',
    label: '会議',
    description: '重層的支援会議・支援会議などの開催、同意の確認、決定事項を記録します。',
    ready: true,
    permission: 'case_content.read',
  },
  {
    to: '/outreach',
    label: 'アウトリーチ',
    description: '見守りからの情報を受け、時間をかけた関係づくりを記録します。',
    ready: true,
    permission: 'outreach.report',
  },
  {
    to: '/participation',
    label: '参加支援',
    description: '本人の希望と地域の資源をつなぎ、定着まで支えます。',
    ready: true,
    permission: 'case_content.write',
  },
  {
    to: '/participation/resources',
    label: '社会資源',
    description: '居場所・サロン・子ども食堂・就労体験先などの一覧。情報の確認日も管理します。',
    ready: true,
    permission: 'directory.read',
  },
  {
    to: '/community',
    label: '地域づくり',
    description: '課題×地区の俯瞰から地域課題を提起し、協議・プロジェクト・資源づくりにつなげます。',
    ready: true,
    permission: 'community.read',
  },
  {
    to: '/program',
    label: '事業管理',
    description: '年度の成果目標と実績、事業計画の進み具合を集計します（個人は特定されません）。',
    ready: true,
    permission: 'aggregates.read',
  },
];

export const ADMIN_AREAS: NavItem[] = [
  {
    to: '/admin/organisations',
    label: '機関',
    description: '',
    ready: true,
    permission: 'admin.organisations.manage',
  },
  {
    to: '/partners',
    label: '外部の関係機関',
    description: '保護観察所・ハローワーク・医療機関など、ログインしない機関',
    ready: true,
    permission: 'partners.manage',
  },
  {
    to: '/admin/areas',
    label: '地区',
    description: '市・日常生活圏域・地区',
    ready: true,
    permission: 'admin.areas.manage',
  },
  {
    to: '/admin/users',
    label: '職員・権限',
    description: '職員の登録、所属と役割',
    ready: true,
    permission: 'admin.users.manage',
  },
  {
    to: '/admin/settings',
    label: '自治体の設定',
    description: 'つなぎの受理期限、事例の記録の日数、課題の語彙',
    ready: true,
    permission: 'admin.organisations.manage',
  },
  {
    to: '/audit',
    label: '監査ログ',
    description: 'ログインと操作の記録',
    ready: true,
    permission: 'audit.read',
  },
];
