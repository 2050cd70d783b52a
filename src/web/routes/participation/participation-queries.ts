import { queryOptions } from '@tanstack/react-query';
import type {
  Match,
  ParticipationCounts,
  Support,
  SupportSummary,
} from '../../../modules/participation/participation.schemas';
import type { Operator, Resource } from '../../../modules/resources/resources.schemas';
import type { Wish } from '../../../shared/participation-vocabulary';
import type { SafeCount } from '../../../shared/small-counts';
import { apiGet } from '../../lib/api';

/** The participation area (plain strings: the router's paths are declared at run time). */
export const PARTICIPATION: string = '/participation';
export const RESOURCES: string = '/participation/resources';
export const supportPath = (id: string): string => `${PARTICIPATION}/supports/${id}`;
export const resourcePath = (id: string): string => `${RESOURCES}/${id}`;

export type ResourceFilters = {
  kind?: string;
  areaId?: string;
  weekday?: string;
  status?: string;
  stale?: 'true';
  q?: string;
};

export const resourcesQuery = (filters: ResourceFilters) =>
  queryOptions({
    queryKey: ['resources', filters],
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
      );
      return apiGet<{ resources: Resource[]; canManage: boolean; verifyDays: number }>(
        `/api/resources?${params}`,
      );
    },
  });

export const resourceQuery = (id: string) =>
  queryOptions({ queryKey: ['resource', id], queryFn: () => apiGet<Resource>(`/api/resources/${id}`) });

export const operatorsQuery = queryOptions({
  queryKey: ['resource-operators'],
  queryFn: () => apiGet<{ operators: Operator[]; canManage: boolean }>('/api/resources/operators'),
});

export type SupportLogEntry = {
  id: string;
  kind: 'consultation' | 'coordination' | 'training' | 'accompany';
  happenedOn: string;
  note: string;
  userName: string;
  organisationName: string | null;
};
export const supportLogQuery = (id: string) =>
  queryOptions({
    queryKey: ['resource-support-log', id],
    queryFn: () => apiGet<{ entries: SupportLogEntry[] }>(`/api/resources/${id}/support-log`),
  });

export const supportsQuery = (filter: { view?: 'mine' | 'all'; caseId?: string }) =>
  queryOptions({
    queryKey: ['participation-supports', filter],
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
      );
      return apiGet<{ supports: SupportSummary[] }>(`/api/participation?${params}`);
    },
  });

export const supportQuery = (id: string) =>
  queryOptions({
    queryKey: ['participation-support', id],
    queryFn: () => apiGet<Support>(`/api/participation/${id}`),
  });

export const matchesQuery = (id: string) =>
  queryOptions({
    queryKey: ['participation-matches', id],
    queryFn: () => apiGet<{ matches: Match[]; considered: number }>(`/api/participation/${id}/matches`),
  });

export type QueueItem = {
  followUpId: string;
  supportId: string;
  personName: string;
  resourceName: string;
  dueOn: string;
  overdue: boolean;
};
export const participationQueueQuery = queryOptions({
  queryKey: ['participation-queue'],
  queryFn: () => apiGet<{ followUps: QueueItem[] }>('/api/participation/work-queue'),
});

export const participationStaffQuery = queryOptions({
  queryKey: ['participation-staff'],
  queryFn: async () =>
    (
      await apiGet<{ staff: { id: string; name: string; organisation: string }[] }>(
        '/api/participation/staff',
      )
    ).staff,
});

export type UnmetGroup = {
  wish: Wish;
  areaId: string | null;
  areaName: string | null;
  open: SafeCount;
  answered: SafeCount;
};
export const unmetQuery = queryOptions({
  queryKey: ['participation-unmet'],
  queryFn: () => apiGet<{ groups: UnmetGroup[] }>('/api/participation/unmet-needs'),
});

export const participationCountsQuery = (fiscalYear?: number) =>
  queryOptions({
    queryKey: ['participation-counts', fiscalYear],
    queryFn: () =>
      apiGet<ParticipationCounts>(
        `/api/participation/counts${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`,
      ),
  });

/** Everything the participation screens show, refreshed after a write. */
export const PARTICIPATION_KEYS = [
  ['participation-support'],
  ['participation-supports'],
  ['participation-matches'],
  ['participation-queue'],
  ['participation-unmet'],
];
