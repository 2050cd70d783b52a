import { badRequest, forbidden, notFound } from '../../server/errors';
import type { Role } from '../../shared/vocabulary';
import { type Permission, permissionsOf } from './access.permissions';

// Who is acting: the logged-in user wearing one membership (organisation + role).
export type Actor = {
  userId: string;
  tenantId: string;
  membershipId: string | null;
  organisationId: string | null;
  role: Role | null;
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.role !== null && permissionsOf(actor.role).includes(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** A record of another municipality is indistinguishable from one that does not exist. */
export function requireSameTenant<T extends { tenantId: string }>(
  actor: Actor,
  record: T | undefined,
  what?: string,
): T {
  if (!record || record.tenantId !== actor.tenantId) throw notFound(what);
  return record;
}

/** The organisation the actor works for in this session; records are made in its name. */
export function requireOrganisation(actor: Actor): string {
  if (!actor.organisationId) throw badRequest('NO_ORGANISATION', '所属機関が選ばれていません。');
  return actor.organisationId;
}
