import type { Profile } from '../../../../modules/community/areas-community.schemas';

export type FigureKey =
  | 'population'
  | 'households'
  | 'aged65'
  | 'aged75'
  | 'singleElderlyHouseholds'
  | 'children'
  | 'associationRate';

/** The figures of a 地域プロフィール, in the order they are shown and asked for. */
export const PROFILE_FIGURES: { key: FigureKey; label: string; unit: string; decimal?: boolean }[] = [
  { key: 'population', label: '人口', unit: '人' },
  { key: 'households', label: '世帯数', unit: '世帯' },
  { key: 'aged65', label: '65歳以上人口', unit: '人' },
  { key: 'aged75', label: '75歳以上人口', unit: '人' },
  { key: 'singleElderlyHouseholds', label: '高齢単身世帯数', unit: '世帯' },
  { key: 'children', label: '子ども（18歳未満）の数', unit: '人' },
  { key: 'associationRate', label: '自治会・町会加入率', unit: '%', decimal: true },
];

export const PROFILE_TEXTS: { key: 'strengths' | 'issues' | 'vision'; label: string; hint: string }[] = [
  { key: 'strengths', label: '地域の強み', hint: '見守り活動、顔の見える関係、担い手など' },
  { key: 'issues', label: '地域の課題', hint: '気になる傾向、足りない場・担い手など' },
  { key: 'vision', label: '地域ビジョン', hint: '住民と話し合って描いた、めざす地域の姿' },
];

export type ExtraFigure = Profile['extraFigures'][number];

const fmt = (value: number, decimal = false) =>
  value.toLocaleString('ja-JP', decimal ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {});

export const formatFigure = (value: number | null | undefined, unit: string, decimal = false) =>
  value === null || value === undefined ? '—' : `${fmt(value, decimal)}${unit}`;

/** This year minus last year: "+1,234人", "−56人", "±0人"; a rate's difference is in ポイント. */
export function formatDifference(
  current: number | null | undefined,
  previous: number | null | undefined,
  unit: string,
  decimal = false,
) {
  if (current == null || previous == null) return '—';
  const diff = decimal ? Math.round((current - previous) * 10) / 10 : current - previous;
  const unitText = unit === '%' ? 'ポイント' : unit;
  if (diff === 0) return `±0${unitText}`;
  return `${diff > 0 ? '+' : '−'}${fmt(Math.abs(diff), decimal)}${unitText}`;
}
