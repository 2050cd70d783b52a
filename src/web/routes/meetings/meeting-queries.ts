import { queryOptions } from '@tanstack/react-query';
import type { MeetingCounts } from '../../../modules/meetings/meeting-counts.schemas';
import type {
  ActionItem,
  Body,
  Packet,
  Session,
  SessionSummary,
} from '../../../modules/meetings/meetings.schemas';
import { api, apiGet } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';

/** The meetings area (a plain string: the router's paths are declared at run time). */
export const MEETINGS: string = '/meetings';
export const sessionPath = (id: string): string => `${MEETINGS}/${id}`;

export const bodiesQuery = queryOptions({
  queryKey: ['meeting-bodies'],
  queryFn: () => apiGet<{ items: Body[]; canRun: boolean }>('/api/meetings/bodies'),
});

export const staffQuery = queryOptions({
  queryKey: ['meeting-staff'],
  queryFn: async () =>
    (
      await apiGet<{ staff: { id: string; name: string; organisation: string }[] }>(
        '/api/meetings/bodies/staff',
      )
    ).staff,
});

export const sessionsQuery = (when: 'upcoming' | 'awaiting' | 'past') =>
  queryOptions({
    queryKey: ['meeting-sessions', when],
    queryFn: () =>
      apiGet<{ items: SessionSummary[]; canRun: boolean }>(`/api/meetings/sessions?when=${when}`),
  });

/** Sessions with this case on the agenda: held ones (where a decision may have been taken), or coming ones. */
export const caseSessionsQuery = (caseId: string, when: 'past' | 'upcoming' = 'past') =>
  queryOptions({
    queryKey: ['meeting-sessions', when, caseId],
    queryFn: () =>
      apiGet<{ items: SessionSummary[]; canRun: boolean }>(
        `/api/meetings/sessions?when=${when}&caseId=${caseId}`,
      ),
  });

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: ['meeting-session', id],
    queryFn: () => apiGet<Session>(`/api/meetings/sessions/${id}`),
  });

export const packetQuery = (id: string, caseId: string) =>
  queryOptions({
    queryKey: ['meeting-packet', id, caseId],
    queryFn: () => apiGet<Packet>(`/api/meetings/sessions/${id}/packets/${caseId}`),
  });

export const actionItemsQuery = queryOptions({
  queryKey: ['meeting-action-items'],
  queryFn: async () =>
    (
      await apiGet<{ items: (ActionItem & { bodyName: string; startsAt: string })[] }>(
        '/api/meetings/action-items',
      )
    ).items,
});

export const meetingCountsQuery = queryOptions({
  queryKey: ['meeting-counts'],
  queryFn: () => apiGet<MeetingCounts>('/api/meetings/counts'),
});

/** A change to a session (…/api/meetings/sessions/:id/…): the answer is the session as it now stands. */
export function useSessionChange<TInput>(
  sessionId: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  success: string,
  onDone?: () => void,
) {
  return useApiMutation(
    (input: { body?: TInput; sub?: string }) =>
      api<Session>(method, `/api/meetings/sessions/${sessionId}${path}${input.sub ?? ''}`, input.body),
    {
      invalidate: [
        ['meeting-session', sessionId],
        ['meeting-sessions'],
        ['case'],
        ['meeting-packet', sessionId],
      ],
      success,
      onDone,
    },
  );
}
