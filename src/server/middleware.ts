import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { loadSession } from '../modules/auth/auth.service';
import type { AppEnv, Deps } from './env';
import { AppError } from './errors';

export const SESSION_COOKIE = 'tsunagu_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const provideDeps = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps);
    const forwarded = deps.config.trustProxy
      ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      : undefined;
    let address: string | null = forwarded ?? null;
    if (!address) {
      try {
        address = getConnInfo(c).remote.address ?? null;
      } catch {
        address = null;
      }
    }
    c.set('clientIp', address);
    c.set('actor', null);
    c.set('session', null);
    await next();
  });

export const resolveSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const { db, config } = c.get('deps');
    const session = await loadSession(db, config, token);
    if (session) {
      c.set('actor', session.actor);
      c.set('session', { tokenHash: session.tokenHash, csrfToken: session.csrfToken });
    }
  }
  await next();
});

const csrfFailed = () =>
  new AppError(
    403,
    'CSRF_FAILED',
    '画面の有効期限が切れたか、不正な送信元からの操作です。画面を再読み込みしてください。',
  );

// Same-origin check for every state-changing request, plus the session's token once logged in.
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (STATE_CHANGING.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin) {
      const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== host) throw csrfFailed();
    }
    const session = c.get('session');
    if (session && c.req.header(CSRF_HEADER) !== session.csrfToken) throw csrfFailed();
  }
  await next();
});
