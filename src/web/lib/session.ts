import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { SessionResponse } from '../../modules/auth/auth.schemas';
import { ApiError, apiGet, setCsrfToken } from './api';

export type Session = SessionResponse;

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await apiGet<Session>('/api/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

/** Inside the logged-in shell the session is always there. */
export function useSession(): Session {
  const { data } = useSuspenseQuery(sessionQuery);
  if (!data) throw new ApiError(401, 'UNAUTHENTICATED', 'ログインしてください。');
  return data;
}

export function activeMembership(session: Session) {
  return session.memberships.find((m) => m.id === session.activeMembershipId) ?? null;
}

export const hasPermission = (session: Session, permission: string) =>
  session.permissions.includes(permission);
