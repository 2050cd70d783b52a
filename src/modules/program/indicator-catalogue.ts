import type { FunctionCode } from '../../shared/program-vocabulary';
import type { CountedKey } from './indicator-events';

// 成果目標の指標: what the product counts from its records, with the definition shown
// beside every number (what is counted, from which records, on which day).

export type Unit = '件' | '人' | '回' | 'か所' | '団体' | '%' | '件/10万人・月';

export type IndicatorDefinition = {
  key: string;
  label: string;
  unit: Unit;
  functions: FunctionCode[];
  definition: string;
  /** Counts of people or of what happened to people: small counts are suppressed. */
  aboutPeople: boolean;
};

type Counted = IndicatorDefinition & { key: CountedKey };

export const COUNTED_INDICATORS: Counted[] = [
  {
    key: 'consultations.new',
    label: '新規相談件数',
    unit: '件',
    functions: ['1i', '1ro', '1ha', '1ni'],
    definition: '相談受付の記録の件数。受付日時（日本時間）の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'consultations.at_places',
    label: '地域の場での相談件数',
    unit: '件',
    functions: ['3', '4'],
    definition:
      '「相談を受けた場所」に社会資源（サロン・居場所など）が記録された相談受付の件数。受付日時の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'referrals.sent',
    label: 'つなぎ（依頼）件数',
    unit: '件',
    functions: ['1i', '1ro', '1ha', '1ni', '5'],
    definition: '他機関・多機関協働へ送ったつなぎの件数（下書きを除く）。送った日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'referrals.concluded',
    label: '結果の出たつなぎ件数',
    unit: '件',
    functions: ['1i', '1ro', '1ha', '1ni', '5'],
    definition: 'その年度に送ったつなぎのうち、現在「完了」「不調」「辞退」のもの。送った日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'cases.opened',
    label: '多機関協働事例 開始件数',
    unit: '件',
    functions: ['5'],
    definition: '多機関協働事例として開いた件数。開始日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'cases.supported',
    label: '多機関協働事例 支援件数',
    unit: '件',
    functions: ['5'],
    definition: '年度内に支援記録が1件以上ある多機関協働事例の数。その年度の最初の支援記録の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'cases.closed',
    label: '多機関協働事例 終結件数',
    unit: '件',
    functions: ['5'],
    definition: '終結（またはつながり継続へ移行）した多機関協働事例の数。終結日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'cases.reviewed',
    label: '多機関協働による事例検討件数',
    unit: '件',
    functions: ['5'],
    definition:
      '開催済みの会議に付議された事例の件数（取り下げを除く。同じ事例を2回検討すれば2件）。開催日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'cases.collaborative',
    label: '関係機関との連携・協働ケース',
    unit: '件',
    functions: ['5'],
    definition:
      '年度内に2つ以上の機関が同時にチームにいた多機関協働事例の数。そろった日（年度初めより前なら4月）の月に数えます。入れ替わりで1機関ずつだった期間は数えません。',
    aboutPeople: true,
  },
  {
    key: 'plans.made',
    label: '支援プラン作成件数',
    unit: '件',
    functions: ['6'],
    definition: '支援プランの作成・見直しの件数（版ごと）。作成日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'meetings.held',
    label: '会議の開催回数（全会議体）',
    unit: '回',
    functions: ['5'],
    definition: '開催済みとして記録された会議の回数。開催日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'outreach.reports',
    label: '気になる人の情報提供件数',
    unit: '件',
    functions: ['4'],
    definition: '住民・見守り協力者などから受けた情報提供の件数。受けた日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'outreach.reached',
    label: 'アウトリーチで会えた人数',
    unit: '人',
    functions: ['4'],
    definition: 'アウトリーチの記録で段階が「会えた」になった対象の数（1年度に1回）。その日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'outreach.connected',
    label: 'アウトリーチから相談につながった人数',
    unit: '人',
    functions: ['4'],
    definition: 'アウトリーチの記録で本人の同意を得て相談受付につながった対象の数。その日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'participation.people',
    label: '参加支援の対象者数',
    unit: '人',
    functions: ['2'],
    definition: '年度内に参加支援が開いていた人の数。開始日（年度初めより前なら4月）の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'participation.placed',
    label: '活動参加の場の利用につながった人数',
    unit: '人',
    functions: ['2'],
    definition: '参加先で「参加開始」が記録された人の数（1年度に1回）。開始日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'participation.placements',
    label: '参加開始の件数',
    unit: '件',
    functions: ['2'],
    definition: '参加先で「参加開始」が記録された件数（同じ人が2か所で始めれば2件）。開始日の月に数えます。',
    aboutPeople: true,
  },
  {
    key: 'participation.companies',
    label: '就労体験・参加の協力企業・団体数',
    unit: '団体',
    functions: ['2'],
    definition:
      '参加支援で体験または参加開始を受け入れた社会資源の運営者の数。最初の受け入れの月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'resources.created',
    label: '創出した社会資源の数',
    unit: 'か所',
    functions: ['3', '2'],
    definition:
      '地域づくりのプロジェクトが生み出したと結びつけられた社会資源の数。結びつけた日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'issues.raised',
    label: '地域課題の提起件数',
    unit: '件',
    functions: ['3', '5'],
    definition: '地域課題として記録された件数（事例・会議・参加支援・観察から）。提起した日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'issues.projects',
    label: 'プロジェクト化した件数',
    unit: '件',
    functions: ['3', '5'],
    definition: '地域課題から立ち上げたプロジェクトの数。立ち上げた日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'community.activities',
    label: '地域への働きかけの回数',
    unit: '回',
    functions: ['3', '3ro'],
    definition:
      '地区の「地域への働きかけ」（地域の会議への参加・訪問・相談会・イベント・話し合い）の記録の数。実施日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'trainings.internal',
    label: '研修の実施回数（庁内）',
    unit: '回',
    functions: ['5'],
    definition: '範囲が「庁内」の研修の回数。実施日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'trainings.external',
    label: '研修の実施回数（庁外）',
    unit: '回',
    functions: ['3'],
    definition: '範囲が「庁外」の研修の回数。実施日の月に数えます。',
    aboutPeople: false,
  },
];

/** Indicators computed from other numbers than events. */
export const DERIVED_INDICATORS: IndicatorDefinition[] = [
  {
    key: 'trainings.participants',
    label: '研修の参加者数',
    unit: '人',
    functions: ['3', '5'],
    definition: '研修の記録の参加者数（合計）。実施日の月に数えます。',
    aboutPeople: false,
  },
  {
    key: 'consultations.per100k',
    label: '人口10万人あたり月平均の新規相談件数',
    unit: '件/10万人・月',
    functions: ['1i', '1ro', '1ha', '1ni'],
    definition:
      '新規相談件数 ÷ 経過月数 ÷ 年度の人口（年度の設定で入力）× 100,000。人口が未入力のときは地区の地域プロフィールの人口の合計を使います。',
    aboutPeople: true,
  },
  {
    key: 'referrals.conclusion_rate',
    label: 'つなぎの完結率',
    unit: '%',
    functions: ['1i', '1ro', '1ha', '1ni', '5'],
    definition: '結果の出たつなぎ件数 ÷ つなぎ件数（どちらもその年度に送ったもの）。',
    aboutPeople: true,
  },
];

export const MEETING_BODY_PREFIX = 'meetings.held:';
export const CUSTOM_PREFIX = 'custom:';
