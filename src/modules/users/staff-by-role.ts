import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Role } from '../../shared/vocabulary';
import { organisations } from '../organisations/organisations.tables';
import { memberships, users } from './users.tables';

/** Active staff of the municipality holding one of these roles, once each, by name (for pickers). */
export async function staffWithRoles(db: Database, tenantId: string, roles: Role[]) {
  const rows = await db
    .selectDistinctOn([users.id], {
      id: users.id,
      name: users.displayName,
      organisation: organisations.name,
      organisationId: organisations.id,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true), inArray(memberships.role, roles)))
    .orderBy(users.id);
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}
