import { queryOptions } from '@tanstack/react-query';
import type {
  OutreachCounts,
  OutreachHistory,
  OutreachRecord,
  Partner,
  RecordSummary,
} from '../../../modules/outreach/outreach.schemas';
import type { ReporterKind, ReportFollowUp, Risk } from '../../../shared/outreach-vocabulary';
import { api, apiGet } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';

/** The outreach area (a plain string: the router's paths are declared at run time). */
export const OUTREACH: string = '/outreach';
export const recordPath = (id: string): string => `${OUTREACH}/${id}`;

export type RecordView = 'open' | 'mine' | 'stale' | 'closed';

export const recordsQuery = (view: RecordView) =>
  queryOptions({
    queryKey: ['outreach-records', view],
    queryFn: () =>
      apiGet<{ records: RecordSummary[]; staleDays: number }>(`/api/outreach/records?view=${view}`),
  });

export const recordQuery = (id: string) =>
  queryOptions({
    queryKey: ['outreach-record', id],
    queryFn: () => apiGet<OutreachRecord>(`/api/outreach/records/${id}`),
  });

export const outreachStaffQuery = queryOptions({
  queryKey: ['outreach-staff'],
  queryFn: async () =>
    (await apiGet<{ staff: { id: string; name: string; organisation: string }[] }>('/api/outreach/staff'))
      .staff,
});

export const partnersQuery = queryOptions({
  queryKey: ['watch-partners'],
  queryFn: () => apiGet<{ partners: Partner[]; canManage: boolean }>('/api/outreach/partners'),
});

export const myReportsQuery = queryOptions({
  queryKey: ['outreach-my-reports'],
  queryFn: () =>
    apiGet<{
      reports: { id: string; receivedOn: string; reporterKind: ReporterKind; followUp: ReportFollowUp }[];
    }>('/api/outreach/my-reports'),
});

export type OutreachQueueItem = {
  recordId: string;
  label: string;
  kind: 'life_risk' | 'unassigned' | 'contact_due' | 'stale';
  risk: Risk;
  since: string;
};
export const outreachQueueQuery = queryOptions({
  queryKey: ['outreach-work-queue'],
  queryFn: () => apiGet<{ items: OutreachQueueItem[] }>('/api/outreach/work-queue'),
});

export const outreachCountsQuery = queryOptions({
  queryKey: ['outreach-counts'],
  queryFn: () => apiGet<OutreachCounts>('/api/outreach/counts'),
});

export const historyQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['outreach-history', householdId],
    queryFn: () => apiGet<OutreachHistory>(`/api/outreach/history?householdId=${householdId}`),
  });

const CHANGED = [['outreach-records'], ['outreach-work-queue'], ['outreach-my-reports']];

/** A change to a record (…/api/outreach/records/:id…): the answer is the record as it now stands. */
export function useRecordChange<TInput>(
  recordId: string,
  method: 'POST' | 'PATCH',
  path: string,
  success: string,
  onDone?: () => void,
) {
  return useApiMutation(
    (body: TInput) => api<OutreachRecord>(method, `/api/outreach/records/${recordId}${path}`, body),
    {
      invalidate: [['outreach-record', recordId], ...CHANGED],
      success,
      onDone,
    },
  );
}

export function useReportFiling(onDone: (result: { reportId: string; recordId: string | null }) => void) {
  return useApiMutation(
    (body: unknown) =>
      api<{ reportId: string; recordId: string | null }>('POST', '/api/outreach/reports', body),
    {
      invalidate: [...CHANGED, ['outreach-record']],
      success: (r) =>
        r.recordId ? '報告を記録しました。' : '報告を受け付けました。アウトリーチの担当に届きました。',
      onDone,
    },
  );
}
