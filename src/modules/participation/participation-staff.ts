import type { Database } from '../../db/client';
import { notFound } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import type { ActorContext } from '../audit/audit.service';
import { staffWithRoles } from '../users/staff-by-role';

/** 参加支援担当 of the municipality: whom a support may be given to. */
export async function participationStaff(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'case_content.write');
  return { staff: await staffWithRoles(db, context.actor.tenantId, ['participation_coordinator']) };
}

/** The 担当 named for a new support: the actor, or a participation coordinator of the municipality. */
export async function requireParticipationStaff(tx: Database, context: ActorContext, userId: string) {
  if (userId === context.actor.userId) return;
  const staff = await staffWithRoles(tx, context.actor.tenantId, ['participation_coordinator']);
  if (!staff.some((s) => s.id === userId)) throw notFound('参加支援担当');
}
