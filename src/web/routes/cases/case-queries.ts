import { queryOptions } from '@tanstack/react-query';
import type { Case, CaseSummary } from '../../../modules/cases/cases.schemas';

import { api, apiGet } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';

export const caseQuery = (id: string) =>
  queryOptions({ queryKey: ['case', id], queryFn: () => apiGet<Case>(`/api/cases/${id}`) });

export const casesQuery = (status: 'active' | 'closed' | 'all', householdId?: string, q = '') =>
  queryOptions({
    queryKey: ['cases', status, householdId ?? null, q],
    queryFn: async () => {
      const params = new URLSearchParams({ status });
      if (householdId) params.set('householdId', householdId);
      if (q) params.set('q', q);
      return (await apiGet<{ cases: CaseSummary[] }>(`/api/cases?${params}`)).cases;
    },
  });

export const workersQuery = (organisationId: string | null) =>
  queryOptions({
    queryKey: ['workers', organisationId],
    queryFn: async () =>
      organisationId
        ? (
            await apiGet<{ workers: { userId: string; displayName: string }[] }>(
              `/api/organisations/${organisationId}/workers`,
            )
          ).workers
        : [],
  });

/** A step on a case (POST /api/cases/:id/…): the answer is the case as it now stands. */
export function useCaseStep<TInput>(caseId: string, path: string, success: string, onDone?: () => void) {
  return useApiMutation((body: TInput) => api<Case>('POST', `/api/cases/${caseId}${path}`, body ?? {}), {
    answer: ['case', caseId],
    invalidate: [['cases'], ['case-work-queue']],
    success,
    onDone,
  });
}

export const todayInJapan = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

/** A short key for a new goal or action of a plan (kept across versions to compare them). */
export const newKey = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
