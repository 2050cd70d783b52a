import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import { TransactionRollbackError } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { enterTenant } from '../db/client';
import { auditRefusal } from '../modules/audit/audit.service';
import { loadSession, sessionTokenHash } from '../modules/auth/auth.service';
import { entryWindowDays, entryWindowOf } from './entry-window';
import type { AppEnv, Deps } from './env';
import { AppError } from './errors';

export const SESSION_COOKIE = 'tsunagu_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * An address as the audit entry can hold it: IPv4 or IPv6 (45 characters at most), without an
 * IPv6 zone (`fe80::1%…`), which isIP accepts at any length and which only the client wrote.
 */
const isForwardedAddress = (value: string) => value.length <= 45 && !value.includes('%') && isIP(value) !== 0;

export const provideDeps = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps);
    // The last entry is the one the reverse proxy added (the address it saw); those before it came
    // with the request and anyone can write them. Only an address: the audit entry holds it (at
    // most 64 characters), and an entry that cannot be written fails the request.
    const forwarded = deps.config.trustProxy
      ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
      : undefined;
    let address: string | null = forwarded && isForwardedAddress(forwarded) ? forwarded : null;
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
    c.set('entryWindow', null);
    await next();
  });

/**
 * Each API request is one transaction of the application role, in which only the rows of the
 * municipality named by the session cookie are visible (row-level security). The services'
 * own transactions nest inside it as savepoints, so a refused or failed step undoes only its
 * own work; a refusal (404/403 to a logged-in user) is audited before the commit.
 */
export const applicationTransaction = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.get('deps');
  const token = getCookie(c, SESSION_COOKIE);
  try {
    await deps.db.transaction(async (tx) => {
      // not awaited: the session is read in the same round trip, behind it (enterTenant)
      const entered = enterTenant(tx, token ? { sessionTokenHash: sessionTokenHash(token) } : null).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      c.set('deps', { ...deps, db: tx });
      await next();
      const failed = await entered;
      if (failed) throw failed.error;
      const error = c.error;
      // an unexpected failure leaves nothing of the request behind
      if (error && !(error instanceof AppError)) tx.rollback();
      const actor = c.get('actor');
      if (actor && error instanceof AppError && (error.status === 404 || error.status === 403)) {
        await auditRefusal(tx, { actor, clientIp: c.get('clientIp') }, error, c.req.method, c.req.path);
      }
    });
  } catch (error) {
    // The answer is already an error and its transaction was rolled back on purpose: keep that
    // answer. Any other failure (the commit, or an audit entry that could not be written behind
    // a refusal) answers 500: a refusal or a login's answer does not leave without its entry.
    if (!(c.error && error instanceof TransactionRollbackError)) throw error;
  } finally {
    c.set('deps', deps);
  }
});

export const resolveSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const { db, config } = c.get('deps');
    // a write's dates may go back only as far as the municipality allows (read with the session)
    const days = c.req.method === 'GET' ? undefined : entryWindowDays(db);
    // a failure of this read is the session read's too (same connection), or the write's below
    days?.catch(() => undefined);
    const session = await loadSession(db, config, token);
    if (session) {
      c.set('actor', session.actor);
      c.set('session', { tokenHash: session.tokenHash, csrfToken: session.csrfToken });
      const allowed = await days;
      // held to by the body's entry dates (router.ts)
      if (allowed !== undefined) c.set('entryWindow', entryWindowOf(allowed));
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
