import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import { type Database, enterTenant } from '../../db/client';
import { prepared } from '../../db/prepared';
import { now } from '../../server/clock';
import type { Config } from '../../server/config';
import { AppError } from '../../server/errors';
import { permissionsOf } from '../access/access.permissions';
import type { Actor } from '../access/access.policy';
import { type AuditContext, recordAudit, recordAuditAlone } from '../audit/audit.service';
import { organisations } from '../organisations/organisations.tables';
import { tenants } from '../tenants/tenants.tables';
import { memberships, users } from '../users/users.tables';
import type { LoginRequest, SessionResponse } from './auth.schemas';
import { loginAttempts, sessions } from './auth.tables';
import { dummyPasswordHash, verifyPassword } from './passwords';

const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures of one login ID from one address: the person at that desk waits. */
const MAX_FAILURES_PER_LOGIN_AT_ADDRESS = 5;
/** Failures of one login ID from anywhere: guessing one account from many addresses. */
const MAX_FAILURES_PER_LOGIN_ID = 20;
const TOUCH_INTERVAL_MS = 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** Only this hash of a session token is stored. */
export const sessionTokenHash = sha256;
const normaliseLoginId = (loginId: string) => loginId.trim().toLowerCase();

const loginRefused = () => new AppError(401, 'AUTH_FAILED', 'ログインIDまたはパスワードが正しくありません。');
const throttled = () =>
  new AppError(
    429,
    'AUTH_THROTTLED',
    'ログインに続けて失敗したため、一時的にログインを制限しています。15分ほど待ってから、もう一度お試しください。',
  );

/**
 * Throttling is per login ID (and per login ID at one address), never per address alone:
 * municipal staff share one NAT address, so failures by one person or one script must not
 * lock out the colleagues at it. Unknown IDs are counted the same way as real ones.
 */
async function isThrottled(db: Database, loginId: string, clientIp: string | null): Promise<boolean> {
  const since = new Date(now().getTime() - THROTTLE_WINDOW_MS);
  const [row] = await db
    .select({
      anywhere: count(),
      // Without a known address, every failure counts as if from the same desk.
      here: clientIp
        ? sql<number>`count(*) filter (where ${loginAttempts.clientIp} = ${clientIp})::int`
        : count(),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.loginId, loginId),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.at, since),
      ),
    );
  return (
    (row?.anywhere ?? 0) >= MAX_FAILURES_PER_LOGIN_ID || (row?.here ?? 0) >= MAX_FAILURES_PER_LOGIN_AT_ADDRESS
  );
}

export type LoginResult = { token: string; expiresAt: Date };

export async function login(
  db: Database,
  config: Config,
  request: LoginRequest,
  clientIp: string | null,
): Promise<LoginResult> {
  const loginId = normaliseLoginId(request.loginId);
  await enterTenant(db, { loginId });
  const [user] = await db.select().from(users).where(eq(users.loginId, loginId)).limit(1);
  const audit: AuditContext = { actor: null, tenantId: user?.tenantId ?? null, clientIp };

  if (await isThrottled(db, loginId, clientIp)) {
    await recordAuditAlone(db, audit, {
      action: 'auth.login',
      outcome: 'denied',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      detail: { reason: 'throttled' },
    });
    throw throttled();
  }

  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    request.password,
  );
  const at = now();
  if (!user || !passwordOk || !user.isActive) {
    await db.transaction(async (tx) => {
      await tx
        .insert(loginAttempts)
        .values({ tenantId: user?.tenantId, loginId, clientIp, succeeded: false, at });
      await recordAudit(tx, audit, {
        action: 'auth.login',
        outcome: 'failure',
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        detail: { reason: !user ? 'unknown_login_id' : !passwordOk ? 'wrong_password' : 'inactive_user' },
      });
    });
    throw loginRefused();
  }

  const [firstMembership] = await db
    .select({ id: memberships.id, organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .limit(1);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + config.sessionAbsoluteHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: sha256(token),
      tenantId: user.tenantId,
      userId: user.id,
      membershipId: firstMembership?.id ?? null,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      clientIp,
    });
    await tx
      .insert(loginAttempts)
      .values({ tenantId: user.tenantId, loginId, clientIp, succeeded: true, at });
    const actor: Actor = {
      userId: user.id,
      tenantId: user.tenantId,
      membershipId: firstMembership?.id ?? null,
      organisationId: firstMembership?.organisationId ?? null,
      role: firstMembership?.role ?? null,
    };
    await recordAudit(
      tx,
      { actor, clientIp },
      { action: 'auth.login', targetType: 'user', targetId: user.id },
    );
  });
  return { token, expiresAt };
}

export type LoadedSession = { actor: Actor; tokenHash: string; csrfToken: string };

/** Resolves a cookie token to an actor, enforcing idle and absolute expiry. */
export async function loadSession(
  db: Database,
  config: Config,
  token: string,
): Promise<LoadedSession | null> {
  const tokenHash = sha256(token);
  const [row] = await prepared(db, 'session_of_token', (d) =>
    d
      .select({
        session: sessions,
        userActive: users.isActive,
        organisationId: memberships.organisationId,
        role: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(memberships, eq(memberships.id, sessions.membershipId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .limit(1)
      .prepare('session_of_token'),
  ).execute({ tokenHash });
  if (!row) return null;
  const at = now();
  const idleLimit = row.session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (!row.userActive || at >= row.session.expiresAt || at.getTime() >= idleLimit) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (at.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    tokenHash,
    csrfToken: row.session.csrfToken,
    actor: {
      userId: row.session.userId,
      tenantId: row.session.tenantId,
      membershipId: row.session.membershipId,
      organisationId: row.organisationId ?? null,
      role: row.role ?? null,
    },
  };
}

export async function logout(db: Database, context: AuditContext & { actor: Actor }, tokenHash: string) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    await recordAudit(tx, context, {
      action: 'auth.logout',
      targetType: 'user',
      targetId: context.actor.userId,
    });
  });
}

export async function switchMembership(
  db: Database,
  context: AuditContext & { actor: Actor },
  tokenHash: string,
  membershipId: string,
): Promise<Actor> {
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ id: memberships.id, organisationId: memberships.organisationId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, context.actor.userId)));
    if (!membership) throw new AppError(404, 'NOT_FOUND', '指定された所属が見つかりません。');
    await tx.update(sessions).set({ membershipId }).where(eq(sessions.tokenHash, tokenHash));
    await recordAudit(tx, context, {
      action: 'auth.switch_membership',
      targetType: 'membership',
      targetId: membershipId,
    });
    return {
      ...context.actor,
      membershipId,
      organisationId: membership.organisationId,
      role: membership.role,
    };
  });
}

export async function revokeSessionsOfUser(tx: Database, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpired(db: Database): Promise<void> {
  const at = now();
  await db.delete(sessions).where(lt(sessions.expiresAt, at));
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(at.getTime() - 30 * 86_400_000)));
}

export async function describeSession(
  db: Database,
  config: Config,
  session: LoadedSession,
): Promise<SessionResponse> {
  const { actor } = session;
  const [row] = await db
    .select({ user: users, tenant: tenants, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(eq(sessions.tokenHash, session.tokenHash));
  if (!row) throw loginRefused();
  const membershipRows = await db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  return {
    user: { id: row.user.id, loginId: row.user.loginId, displayName: row.user.displayName },
    tenant: { id: row.tenant.id, code: row.tenant.code, name: row.tenant.name, isDemo: row.tenant.isDemo },
    memberships: membershipRows,
    activeMembershipId: actor.membershipId,
    permissions: actor.role ? [...permissionsOf(actor.role)] : [],
    csrfToken: session.csrfToken,
    idleMinutes: config.sessionIdleMinutes,
    expiresAt: row.expiresAt.toISOString(),
  };
}
