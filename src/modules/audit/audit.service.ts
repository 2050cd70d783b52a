import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { prepared } from '../../db/prepared';
import { now } from '../../server/clock';
import { type AppError, RecordNotVisible } from '../../server/errors';
import type { AuditAction, AuditOutcome } from '../../shared/audit-events';
import { type Actor, requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { organisations } from '../organisations/organisations.tables';
import { users } from '../users/users.tables';
import type { AuditSearchQuery } from './audit.schemas';
import { auditLog } from './audit.tables';

export const SYSTEM_CHAIN = 'system';

export type AuditContext = {
  actor: Actor | null;
  /** Tenant the event belongs to when there is no actor yet (e.g. a failed login). */
  tenantId?: string | null;
  clientIp: string | null;
};

/** A logged-in actor with the request's audit context: what every service call receives. */
export type ActorContext = AuditContext & { actor: Actor };

export type AuditEvent = {
  action: AuditAction;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string;
  /** Never personal data: ids, field names, counts. */
  detail?: Record<string, unknown>;
};

/**
 * Appends one entry, in the transaction of the work it records, without any lock: requests of
 * a municipality never queue behind one another. The sealer (audit.sealer.ts) gives it its place
 * in the chain and its MAC shortly after it commits.
 */
export async function recordAudit(tx: Database, context: AuditContext, event: AuditEvent): Promise<void> {
  const tenantId = context.actor?.tenantId ?? context.tenantId ?? null;
  // every request writes one: the statement is built once (db/prepared.ts)
  await prepared(tx, 'audit_append', (d) =>
    d
      .insert(auditLog)
      .values({
        chain: sql.placeholder('chain'),
        tenantId: sql.placeholder('tenantId'),
        at: sql.placeholder('at'),
        actorUserId: sql.placeholder('actorUserId'),
        actorOrganisationId: sql.placeholder('actorOrganisationId'),
        action: sql.placeholder('action'),
        outcome: sql.placeholder('outcome'),
        targetType: sql.placeholder('targetType'),
        targetId: sql.placeholder('targetId'),
        clientIp: sql.placeholder('clientIp'),
        detail: sql.placeholder('detail'),
      })
      .prepare('audit_append'),
  ).execute({
    chain: tenantId ?? SYSTEM_CHAIN,
    tenantId,
    at: now(),
    actorUserId: context.actor?.userId ?? null,
    actorOrganisationId: context.actor?.organisationId ?? null,
    action: event.action,
    outcome: event.outcome ?? 'success',
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    clientIp: context.clientIp,
    detail: event.detail ?? {},
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A read or an action refused (404 or 403 to a logged-in user), with what was asked for. */
export async function auditRefusal(
  tx: Database,
  context: ActorContext,
  error: AppError,
  method: string,
  path: string,
): Promise<void> {
  const named = error instanceof RecordNotVisible;
  await recordAudit(tx, context, {
    action: 'access.refused',
    outcome: 'denied',
    targetType: named ? error.kind : undefined,
    // otherwise the record named in the path, if any
    targetId: named ? error.recordId : path.match(UUID)?.[0],
    detail: { method, path, status: error.status, code: error.code },
  });
}

/** Convenience for events that are the whole of their work (logins, searches). */
export function recordAuditAlone(db: Database, context: AuditContext, event: AuditEvent): Promise<void> {
  return db.transaction((tx) => recordAudit(tx, context, event));
}

export async function searchAudit(
  db: Database,
  context: AuditContext & { actor: Actor },
  query: AuditSearchQuery,
) {
  requirePermission(context.actor, 'audit.read');
  const filters: SQL[] = [eq(auditLog.tenantId, context.actor.tenantId)];
  if (query.from) filters.push(gte(auditLog.at, new Date(`${query.from}T00:00:00+09:00`)));
  if (query.to)
    filters.push(lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00+09:00`).getTime() + 86_400_000)));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.outcome) filters.push(eq(auditLog.outcome, query.outcome));
  if (query.actorUserId) {
    await requireVisible(db, context.actor, 'user', query.actorUserId);
    filters.push(eq(auditLog.actorUserId, query.actorUserId));
  }
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  const where = and(...filters);

  return db.transaction(async (tx) => {
    const [total] = await tx.select({ n: count() }).from(auditLog).where(where);
    const rows = await tx
      .select({
        // the place in the municipality's own chain (a row id would show other municipalities' volume)
        seq: auditLog.seq,
        at: auditLog.at,
        action: auditLog.action,
        outcome: auditLog.outcome,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        clientIp: auditLog.clientIp,
        detail: auditLog.detail,
        actorUserId: auditLog.actorUserId,
        actorName: users.displayName,
        actorLoginId: users.loginId,
        organisationName: organisations.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(organisations, eq(organisations.id, auditLog.actorOrganisationId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    await recordAudit(tx, context, {
      action: 'audit.search',
      detail: { filters: Object.keys(query).filter((k) => !['page', 'pageSize'].includes(k)) },
    });
    return { total: total?.n ?? 0, rows };
  });
}
