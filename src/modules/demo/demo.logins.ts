import { and, eq, inArray } from 'drizzle-orm';
import { type Database, enterTenant } from '../../db/client';
import { organisations } from '../organisations/organisations.tables';
import { tenants } from '../tenants/tenants.tables';
import { memberships, users } from '../users/users.tables';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.city';

/**
 * The demo accounts that still exist in the demo municipality, for the login page: read as
 * that municipality (row-level security), which in demo mode publishes them by design.
 */
export async function listDemoLogins(db: Database) {
  const [demo] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.isDemo, true)).limit(1);
  if (!demo) return [];
  await enterTenant(db, { tenantId: demo.id });
  try {
    return await demoLoginsOf(db);
  } finally {
    await enterTenant(db, null); // the rest of the request stays without a municipality
  }
}

async function demoLoginsOf(db: Database) {
  const rows = await db
    .select({
      loginId: users.loginId,
      displayName: users.displayName,
      role: memberships.role,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(tenants.isDemo, true),
        eq(users.isActive, true),
        inArray(
          users.loginId,
          DEMO_USERS.map((u) => u.loginId),
        ),
      ),
    );
  const order = DEMO_USERS.map((u) => u.loginId);
  return rows
    .filter((row, i) => rows.findIndex((other) => other.loginId === row.loginId) === i)
    .sort((a, b) => order.indexOf(a.loginId) - order.indexOf(b.loginId))
    .map((row) => ({ ...row, password: DEMO_PASSWORD }));
}
