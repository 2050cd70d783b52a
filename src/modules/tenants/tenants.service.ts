import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError, conflict } from '../../server/errors';
import { type Actor, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { organisations } from '../organisations/organisations.tables';
import { memberships, users } from '../users/users.tables';
import type { UpdateTenantSettings } from './tenants.schemas';
import { tenants } from './tenants.tables';

export type BootstrapInput = {
  tenantCode: string;
  tenantName: string;
  organisationName: string;
  loginId: string;
  displayName: string;
  password: string;
};

export async function countTenants(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return row?.n ?? 0;
}

/**
 * Creates the municipality (if new) and its first administrator. Refuses once the
 * municipality has an administrator: later ones are added from the admin screens.
 */
export async function bootstrapTenant(db: Database, input: BootstrapInput) {
  if (!/^\d{6}$/.test(input.tenantCode)) {
    throw new AppError(
      400,
      'INVALID_TENANT_CODE',
      '自治体コードは6桁の数字（全国地方公共団体コード）で指定してください。',
    );
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    let [tenant] = await tx.select().from(tenants).where(eq(tenants.code, input.tenantCode));
    if (tenant) {
      const [admins] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.role, 'administrator')));
      if ((admins?.n ?? 0) > 0) {
        throw conflict(
          'ADMIN_EXISTS',
          'この自治体にはすでに管理者がいます。追加の管理者は管理画面から登録してください。',
        );
      }
    } else {
      [tenant] = await tx
        .insert(tenants)
        .values({ code: input.tenantCode, name: input.tenantName })
        .returning();
    }
    if (!tenant) throw new Error('tenant not created');
    const [organisation] = await tx
      .insert(organisations)
      .values({ tenantId: tenant.id, name: input.organisationName, kind: 'municipal_department' })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        tenantId: tenant.id,
        loginId: input.loginId.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
      })
      .onConflictDoNothing()
      .returning();
    if (!user) throw conflict('LOGIN_ID_TAKEN', 'このログインIDはすでに使われています。');
    if (!organisation) throw new Error('organisation not created');
    await tx.insert(memberships).values({
      tenantId: tenant.id,
      userId: user.id,
      organisationId: organisation.id,
      role: 'administrator',
    });
    const context = { actor: null, tenantId: tenant.id, clientIp: null };
    await recordAudit(tx, context, { action: 'tenant.create', targetType: 'tenant', targetId: tenant.id });
    await recordAudit(tx, context, { action: 'user.create', targetType: 'user', targetId: user.id });
    return { tenantId: tenant.id, userId: user.id, organisationId: organisation.id };
  });
}

export async function getTenantSettings(db: Database, actor: Actor) {
  requirePermission(actor, 'directory.read');
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
  if (!tenant) throw new AppError(404, 'NOT_FOUND', '自治体が見つかりません。');
  return {
    name: tenant.name,
    code: tenant.code,
    referralOverdueDays: tenant.referralOverdueDays,
    caseInactivityDays: tenant.caseInactivityDays,
    packetWindowDays: tenant.packetWindowDays,
    outreachStaleDays: tenant.outreachStaleDays,
    backdateLimitDays: tenant.backdateLimitDays,
    resourceVerifyDays: tenant.resourceVerifyDays,
    publicDirectory: tenant.publicDirectory,
    version: tenant.version,
  };
}

export async function updateTenantSettings(db: Database, context: ActorContext, input: UpdateTenantSettings) {
  requirePermission(context.actor, 'admin.organisations.manage');
  await db.transaction(async (tx) => {
    const { version, ...fields } = input;
    await requireVersion(tx, tenants, context.actor.tenantId, version);
    if (Object.keys(fields).length > 0) {
      await tx.update(tenants).set(fields).where(eq(tenants.id, context.actor.tenantId));
    }
    await recordAudit(tx, context, {
      action: 'tenant.update',
      targetType: 'tenant',
      targetId: context.actor.tenantId,
      detail: { fields: Object.keys(fields) },
    });
  });
  return getTenantSettings(db, context.actor);
}
