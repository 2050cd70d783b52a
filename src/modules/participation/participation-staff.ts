import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notFound } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import type { ActorContext } from '../audit/audit.service';
import { organisations } from '../organisations/organisations.tables';
import { memberships, users } from '../users/users.tables';

const staffQuery = (tx: Database, tenantId: string) =>
  tx
    .selectDistinctOn([users.id], {
      id: users.id,
      name: users.displayName,
      organisation: organisations.name,
      organisationId: organisations.id,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.isActive, true),
        eq(memberships.role, 'participation_coordinator'),
      ),
    )
    .orderBy(users.id);

/** 参加支援担当 of the municipality: whom a support may be given to. */
export async function participationStaff(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'case_content.write');
  const rows = await staffQuery(db, context.actor.tenantId);
  return { staff: rows.sort((a, b) => a.name.localeCompare(b.name, 'ja')) };
}

/** The 担当 named for a new support: the actor, or a participation coordinator of the municipality. */
export async function requireParticipationStaff(tx: Database, context: ActorContext, userId: string) {
  if (userId === context.actor.userId) return;
  const rows = await staffQuery(tx, context.actor.tenantId);
  if (!rows.some((r) => r.id === userId)) throw notFound('参加支援担当');
}
