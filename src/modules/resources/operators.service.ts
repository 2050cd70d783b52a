import { and, asc, count, desc, eq } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import type { OperatorKind } from '../../shared/participation-vocabulary';
import type { OrganisationKind } from '../../shared/vocabulary';
import { can, requirePermission } from '../access/access.policy';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { organisations } from '../organisations/organisations.tables';
import { users } from '../users/users.tables';
import type { Operator, OperatorInput, SupportLogInput } from './resources.schemas';
import { resourceOperators, resourceSupportLogs, resources } from './resources.tables';

/** 運営団体: the organisations of the directory, with how many resources each runs. */
export async function listOperators(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'directory.read');
  const rows = await db
    .select({ o: resourceOperators, resourceCount: count(resources.id) })
    .from(resourceOperators)
    .leftJoin(resources, eq(resources.operatorId, resourceOperators.id))
    .where(eq(resourceOperators.tenantId, context.actor.tenantId))
    .groupBy(resourceOperators.id)
    .orderBy(asc(resourceOperators.name));
  return {
    operators: rows.map(
      ({ o, resourceCount }): Operator => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        organisationId: o.organisationId,
        phone: o.phone,
        email: o.email,
        website: o.website,
        description: o.description,
        resourceCount: Number(resourceCount),
      }),
    ),
    canManage: can(context.actor, 'resources.manage'),
  };
}

export async function saveOperator(
  db: Database,
  context: ActorContext,
  id: string | null,
  input: OperatorInput,
) {
  requirePermission(context.actor, 'resources.manage');
  const savedId = await db.transaction(async (tx) => {
    await requireVisibleIfGiven(tx, context.actor, 'organisation', input.organisationId);
    let operatorId: string;
    if (id) {
      operatorId = await requireVisible(tx, context.actor, 'resourceOperator', id);
      await tx.update(resourceOperators).set(input).where(eq(resourceOperators.id, operatorId));
    } else {
      const [row] = await tx
        .insert(resourceOperators)
        .values({ ...input, tenantId: context.actor.tenantId })
        .returning({ id: resourceOperators.id });
      if (!row) throw new Error('insert returned nothing');
      operatorId = row.id;
    }
    await recordAudit(tx, context, {
      action: 'resource.operator',
      targetType: 'resource_operator',
      targetId: operatorId,
      detail: { change: id ? 'update' : 'create' },
    });
    return operatorId;
  });
  const list = await listOperators(db, context);
  return { ...list, savedId };
}

const OPERATOR_KIND_OF: Partial<Record<OrganisationKind, OperatorKind>> = {
  npo: 'npo',
  social_welfare_council: 'social_welfare_council',
  municipal_department: 'municipality',
};

/** A newly registered organisation listed among the directory's operators, naming it. */
export async function listOrganisationAsOperator(
  tx: Database,
  context: ActorContext,
  organisation: typeof organisations.$inferSelect,
) {
  const [row] = await tx
    .insert(resourceOperators)
    .values({
      tenantId: organisation.tenantId,
      name: organisation.name,
      kind: OPERATOR_KIND_OF[organisation.kind] ?? 'other',
      organisationId: organisation.id,
      phone: organisation.phone,
    })
    .returning({ id: resourceOperators.id });
  await recordAudit(tx, context, {
    action: 'resource.operator',
    targetType: 'resource_operator',
    targetId: row?.id,
    detail: { change: 'create', organisationId: organisation.id },
  });
}

/** 受け入れ先へのサポート: visible to participation and community staff. */
export async function listSupportLog(db: Database, context: ActorContext, resourceId: string) {
  requirePermission(context.actor, 'resources.support');
  return readTransaction(db, async (tx) => {
    await requireVisible(tx, context.actor, 'resource', resourceId);
    const rows = await tx
      .select({
        id: resourceSupportLogs.id,
        kind: resourceSupportLogs.kind,
        happenedOn: resourceSupportLogs.happenedOn,
        note: resourceSupportLogs.note,
        userName: users.displayName,
        organisationName: organisations.name,
      })
      .from(resourceSupportLogs)
      .innerJoin(users, eq(users.id, resourceSupportLogs.userId))
      .leftJoin(organisations, eq(organisations.id, resourceSupportLogs.organisationId))
      .where(
        and(
          eq(resourceSupportLogs.tenantId, context.actor.tenantId),
          eq(resourceSupportLogs.resourceId, resourceId),
        ),
      )
      .orderBy(desc(resourceSupportLogs.happenedOn), desc(resourceSupportLogs.createdAt));
    await recordAudit(tx, context, {
      action: 'resource.support_log_read',
      targetType: 'resource',
      targetId: resourceId,
    });
    return { entries: rows };
  });
}

export async function addSupportLog(
  db: Database,
  context: ActorContext,
  resourceId: string,
  input: SupportLogInput,
) {
  requirePermission(context.actor, 'resources.support');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'resource', resourceId);
    await tx.insert(resourceSupportLogs).values({
      ...input,
      tenantId: context.actor.tenantId,
      resourceId,
      userId: context.actor.userId,
      organisationId: context.actor.organisationId,
    });
    await recordAudit(tx, context, {
      action: 'resource.support_log',
      targetType: 'resource',
      targetId: resourceId,
    });
  });
  return listSupportLog(db, context, resourceId);
}
