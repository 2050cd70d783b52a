import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../server/env';
import { unauthenticated } from '../../server/errors';
import { SESSION_COOKIE } from '../../server/middleware';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { listDemoLogins } from '../demo/demo.logins';
import { countTenants } from '../tenants/tenants.service';
import {
  ZLoginInfoResponse,
  ZLoginRequest,
  ZSessionResponse,
  ZSwitchMembershipRequest,
} from './auth.schemas';
import { describeSession, loadSession, login, logout, switchMembership } from './auth.service';

const isHttps = (c: Context<AppEnv>) =>
  new URL(c.req.url).protocol === 'https:' ||
  (c.get('deps').config.trustProxy && c.req.header('x-forwarded-proto') === 'https');

function currentSession(c: Context<AppEnv>) {
  const session = c.get('session');
  if (!session) throw unauthenticated();
  return { ...requestContext(c), ...session };
}

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['認証'],
      summary: 'ログイン',
      request: { body: jsonBody(ZLoginRequest) },
      responses: { 200: jsonResponse(ZSessionResponse, 'logged in; session cookie set') },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      const { token, expiresAt } = await login(db, config, c.req.valid('json'), c.get('clientIp'));
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c),
        path: '/',
        expires: expiresAt,
      });
      const session = await loadSession(db, config, token);
      if (!session) throw unauthenticated();
      return c.json(await describeSession(db, config, session), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['認証'],
      summary: 'ログアウト',
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'logged out') },
    }),
    async (c) => {
      const { tokenHash, ...context } = currentSession(c);
      await logout(c.get('deps').db, context, tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['認証'],
      summary: '現在のセッション',
      responses: { 200: jsonResponse(ZSessionResponse, 'the current session') },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      const { actor, tokenHash, csrfToken } = currentSession(c);
      return c.json(await describeSession(db, config, { actor, tokenHash, csrfToken }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/session/membership',
      tags: ['認証'],
      summary: '所属・役割の切替',
      request: { body: jsonBody(ZSwitchMembershipRequest) },
      responses: { 200: jsonResponse(ZSessionResponse, 'switched') },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      const { tokenHash, csrfToken, ...context } = currentSession(c);
      const actor = await switchMembership(db, context, tokenHash, c.req.valid('json').membershipId);
      return c.json(await describeSession(db, config, { actor, tokenHash, csrfToken }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/login-info',
      tags: ['認証'],
      summary: 'ログイン画面の案内（デモ用ログインはデモモードのみ）',
      responses: { 200: jsonResponse(ZLoginInfoResponse, 'what the login page should tell') },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      const setupRequired = (await countTenants(db)) === 0;
      const logins = config.demo ? await listDemoLogins(db) : [];
      return c.json({ demo: config.demo, setupRequired, logins }, 200);
    },
  );
