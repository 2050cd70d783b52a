import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AreaPage, ZCommunityAreaList } from '../../../../modules/community/areas-community.schemas';
import type { AreaWorkerRole } from '../../../../shared/community-vocabulary';
import { fiscalYearLabel, fiscalYearOf } from '../../../../shared/dates';
import { api, apiGet } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { AREAS, COMMUNITY_KEYS } from '../community-queries';

export type CommunityAreaList = z.infer<typeof ZCommunityAreaList>;
export type CommunityArea = CommunityAreaList['areas'][number];
export type AreaWorker = AreaPage['workers'][number];

export const AREAS_IMPORT: string = `${AREAS}/import`;

export const areasListQuery = queryOptions({
  queryKey: ['community-areas'],
  queryFn: () => apiGet<CommunityAreaList>('/api/community/areas'),
});

/** Short role names for tables; the full name is in AREA_WORKER_ROLE_LABELS. */
export const AREA_WORKER_ROLE_SHORT: Record<AreaWorkerRole, string> = {
  csw: 'CSW',
  sc_first: 'SC（第1層）',
  sc_second: 'SC（第2層）',
  district_worker: '地区担当',
  other: 'その他',
};

/** The fiscal years offered: this one and five before it, and any year with a profile. */
export function fiscalYearOptions(profileYears: number[] = []) {
  const current = fiscalYearOf(new Date());
  const years = new Set([0, 1, 2, 3, 4, 5].map((back) => current - back));
  for (const y of profileYears) years.add(y);
  return [...years]
    .sort((a, b) => b - a)
    .map((y) => ({
      value: String(y),
      label: `${fiscalYearLabel(y)}${profileYears.includes(y) ? '' : '（プロフィールなし）'}`,
    }));
}

export const formatNumber = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined ? '—' : `${value.toLocaleString('ja-JP')}${unit}`;

/** 高齢化率: aged65 / population, one decimal; "—" when either is unknown. */
export function agingRate(aged65: number | null | undefined, population: number | null | undefined) {
  if (aged65 == null || !population) return null;
  return Math.round((aged65 / population) * 1000) / 10;
}

export const formatRate = (rate: number | null) =>
  rate === null
    ? '—'
    : `${rate.toLocaleString('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

type Change = { method: 'POST' | 'PATCH' | 'DELETE'; path: string; body?: unknown };

/** A write to an area (profile, workers, community work); answers the area's page. */
export function useAreaChange(success: string, onDone?: () => void) {
  return useApiMutation(
    ({ method, path, body }: Change) => api<AreaPage>(method, `/api/community${path}`, body),
    { invalidate: COMMUNITY_KEYS, success, onDone },
  );
}
