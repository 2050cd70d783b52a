// The lists and reports that export to CSV and Excel (GET /api/exports/{key}), shared by the
// server's registry and the screens' 「書き出す」 button. Those holding residents' personal data
// are warned about before the download and audited with every id.

/** The Japanese title: the file's name and the sheet's. */
export const EXPORT_TITLES = {
  people: '世帯・本人の検索結果',
  consultations: '相談受付一覧',
  referrals: 'つなぎ一覧',
  cases: '多機関協働事例一覧',
  'case-work-queue': '事例の対応事項',
  'meeting-sessions': '会議一覧',
  'meeting-bodies': '会議体と構成員',
  'outreach-records': 'アウトリーチの記録一覧',
  'watch-partners': '見守り協定先一覧',
  'participation-supports': '参加支援の一覧',
  resources: '社会資源の一覧',
  'resource-operators': '運営団体の一覧',
  'participation-counts': '参加支援の件数',
  'unmet-needs': '合う資源がなかった希望',
  'regional-issues': '地域課題の一覧',
  projects: 'プロジェクトの一覧',
  'community-areas': '圏域・地区の一覧',
  networks: 'ネットワークの一覧',
  trainings: '研修の一覧',
  'community-overview': '課題×地区の俯瞰',
  'program-results': '成果目標と実績',
  programs: '事業の実施体制',
  'program-plan': '年度計画',
  'audit-log': '監査ログ',
} as const;
export type ExportKey = keyof typeof EXPORT_TITLES;
export const EXPORT_KEYS = Object.keys(EXPORT_TITLES) as ExportKey[];

const PERSONAL: ReadonlySet<ExportKey> = new Set<ExportKey>([
  'people',
  'consultations',
  'referrals',
  'cases',
  'case-work-queue',
  'outreach-records',
  'participation-supports',
  'audit-log',
]);

export const isPersonalExport = (key: ExportKey) => PERSONAL.has(key);
