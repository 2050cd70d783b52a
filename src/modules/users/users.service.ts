import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { now } from '../../server/clock';
import { conflict, notFound } from '../../server/errors';
import { type Actor, requirePermission, requireSameTenant } from '../access/access.policy';
import { type AuditContext, recordAudit } from '../audit/audit.service';
import { revokeSessionsOfUser } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { requireOrganisationInTenant } from '../organisations/organisations.service';
import { organisations } from '../organisations/organisations.tables';
import type { CreateUserRequest, MembershipInput, UpdateUserRequest, User } from './users.schemas';
import { memberships, users } from './users.tables';

type Context = AuditContext & { actor: Actor };

async function presentUsers(db: Database, rows: (typeof users.$inferSelect)[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const membershipRows = await db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      inArray(
        memberships.userId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  return rows.map((row) => ({
    id: row.id,
    loginId: row.loginId,
    displayName: row.displayName,
    displayNameKana: row.displayNameKana,
    isActive: row.isActive,
    memberships: membershipRows
      .filter((m) => m.userId === row.id)
      .map(({ userId: _userId, ...membership }) => membership),
  }));
}

async function presentUser(db: Database, row: typeof users.$inferSelect): Promise<User> {
  const [presented] = await presentUsers(db, [row]);
  if (!presented) throw new Error('user vanished');
  return presented;
}

async function loadUser(tx: Database, actor: Actor, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return requireSameTenant(actor, row, '利用者');
}

export async function listUsers(db: Database, actor: Actor): Promise<User[]> {
  requirePermission(actor, 'admin.users.manage');
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.tenantId, actor.tenantId))
    .orderBy(asc(users.displayNameKana), asc(users.loginId));
  return presentUsers(db, rows);
}

async function insertMembership(tx: Database, context: Context, userId: string, input: MembershipInput) {
  const organisation = await requireOrganisationInTenant(tx, context.actor, input.organisationId);
  if (organisation.external) {
    throw conflict(
      'EXTERNAL_HAS_NO_STAFF',
      `${organisation.name}は外部の関係機関として登録されているため、職員のアカウントは作れません。`,
    );
  }
  const [row] = await tx
    .insert(memberships)
    .values({ ...input, userId, tenantId: context.actor.tenantId })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  if (!row) throw conflict('MEMBERSHIP_EXISTS', 'この機関・役割の所属はすでに登録されています。');
  await recordAudit(tx, context, {
    action: 'membership.create',
    targetType: 'user',
    targetId: userId,
    detail: { membershipId: row.id, organisationId: input.organisationId, role: input.role },
  });
}

export async function createUser(db: Database, context: Context, input: CreateUserRequest): Promise<User> {
  requirePermission(context.actor, 'admin.users.manage');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        tenantId: context.actor.tenantId,
        loginId: input.loginId,
        displayName: input.displayName,
        displayNameKana: input.displayNameKana,
        passwordHash,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw conflict('LOGIN_ID_TAKEN', 'このログインIDはすでに使われています。別のIDにしてください。');
    await recordAudit(tx, context, { action: 'user.create', targetType: 'user', targetId: row.id });
    for (const membership of input.memberships) await insertMembership(tx, context, row.id, membership);
    return presentUser(tx, row);
  });
}

export async function updateUser(db: Database, context: Context, id: string, input: UpdateUserRequest) {
  requirePermission(context.actor, 'admin.users.manage');
  return db.transaction(async (tx) => {
    await loadUser(tx, context.actor, id);
    if (input.isActive === false && id === context.actor.userId) {
      throw conflict('SELF_LOCKOUT', '自分自身のアカウントは停止できません。別の管理者に依頼してください。');
    }
    const [row] = await tx
      .update(users)
      .set({ ...input, updatedAt: now() })
      .where(and(eq(users.id, id), eq(users.tenantId, context.actor.tenantId)))
      .returning();
    if (!row) throw new Error('update returned nothing');
    if (input.isActive === false) await revokeSessionsOfUser(tx, id);
    await recordAudit(tx, context, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      detail: { fields: Object.keys(input) },
    });
    return presentUser(tx, row);
  });
}

export async function resetPassword(db: Database, context: Context, id: string, password: string) {
  requirePermission(context.actor, 'admin.users.manage');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await loadUser(tx, context.actor, id);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now(), updatedAt: now() })
      .where(eq(users.id, id));
    await revokeSessionsOfUser(tx, id);
    await recordAudit(tx, context, { action: 'user.reset_password', targetType: 'user', targetId: id });
  });
}

export async function addMembership(db: Database, context: Context, userId: string, input: MembershipInput) {
  requirePermission(context.actor, 'admin.users.manage');
  refuseOwnMemberships(context, userId);
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, context.actor, userId);
    await insertMembership(tx, context, userId, input);
    return presentUser(tx, user);
  });
}

/** Nobody grants themselves access: their own memberships are changed by another administrator. */
function refuseOwnMemberships(context: Context, userId: string) {
  if (userId === context.actor.userId) {
    throw conflict(
      'SELF_MEMBERSHIP',
      '自分自身の所属や役割は変更できません。別のシステム管理者に依頼してください。',
    );
  }
}

export async function removeMembership(db: Database, context: Context, userId: string, membershipId: string) {
  requirePermission(context.actor, 'admin.users.manage');
  refuseOwnMemberships(context, userId);
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, context.actor, userId);
    if (membershipId === context.actor.membershipId) {
      throw conflict(
        'SELF_LOCKOUT',
        '現在使用中の自分の所属は削除できません。別の管理者に依頼してください。',
      );
    }
    const [removed] = await tx
      .delete(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)))
      .returning();
    if (!removed) throw notFound('所属');
    await recordAudit(tx, context, {
      action: 'membership.delete',
      targetType: 'user',
      targetId: userId,
      detail: { membershipId, organisationId: removed.organisationId, role: removed.role },
    });
    return presentUser(tx, user);
  });
}
