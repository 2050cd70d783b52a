import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCustomIndicator,
  ZDashboard,
  ZIndicatorResult,
  ZPlanView,
  ZProgramList,
  ZResults,
  ZYearSettingsView,
} from '../../../modules/program/program.schemas';
import { apiGet } from '../../lib/api';

export type Results = z.infer<typeof ZResults>;
export type IndicatorResult = z.infer<typeof ZIndicatorResult>;
export type Dashboard = z.infer<typeof ZDashboard>;
export type ProgramList = z.infer<typeof ZProgramList>;
export type Program = ProgramList['programs'][number];
export type PlanView = z.infer<typeof ZPlanView>;
export type PlanItem = PlanView['items'][number];
export type CustomIndicator = z.infer<typeof ZCustomIndicator>;
export type YearSettings = z.infer<typeof ZYearSettingsView>;

export const resultsQuery = (fiscalYear: number) =>
  queryOptions({
    queryKey: ['program', 'results', fiscalYear],
    queryFn: () => apiGet<Results>(`/api/program/results?fiscalYear=${fiscalYear}`),
  });
export const dashboardQuery = (fiscalYear: number) =>
  queryOptions({
    queryKey: ['program', 'dashboard', fiscalYear],
    queryFn: () => apiGet<Dashboard>(`/api/program/dashboard?fiscalYear=${fiscalYear}`),
  });
export const programsQuery = (fiscalYear: number) =>
  queryOptions({
    queryKey: ['program', 'programs', fiscalYear],
    queryFn: () => apiGet<ProgramList>(`/api/program/programs?fiscalYear=${fiscalYear}`),
  });
export const planQuery = () =>
  queryOptions({ queryKey: ['program', 'plan'], queryFn: () => apiGet<PlanView>('/api/program/plan') });
export const customIndicatorsQuery = (fiscalYear: number) =>
  queryOptions({
    queryKey: ['program', 'indicators', fiscalYear],
    queryFn: () => apiGet<CustomIndicator[]>(`/api/program/indicators?fiscalYear=${fiscalYear}`),
  });
export const yearSettingsQuery = (fiscalYear: number) =>
  queryOptions({
    queryKey: ['program', 'year', fiscalYear],
    queryFn: () => apiGet<YearSettings>(`/api/program/years/${fiscalYear}`),
  });

/** 4月 … 3月 for month 1 … 12 of a fiscal year. */
export const monthLabel = (month: number) => `${((month + 2) % 12) + 1}月`;

/** A figure as the manager reads it: the number with its unit, or why there is none. */
export function figureText(i: Pick<IndicatorResult, 'toDate' | 'missing' | 'unit'>) {
  if (i.toDate !== null) return `${i.toDate.toLocaleString('ja-JP')}${unitSuffix(i.unit)}`;
  if (i.missing === 'suppressed') return `5${countUnit(i.unit)}未満`;
  if (i.missing === 'needs_population') return '人口が未入力';
  return '—';
}
export const unitSuffix = (unit: string) => (unit === '件/10万人・月' ? '' : unit);

/** The unit a hidden count is told in: 人 for people, 件 otherwise. */
export const countUnit = (unit: string) => (unit === '人' ? '人' : '件');
