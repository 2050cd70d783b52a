import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { now } from '../../server/clock';
import { conflict } from '../../server/errors';
import type { AreaLevel } from '../../shared/vocabulary';
import { type Actor, requirePermission, requireSameTenant } from '../access/access.policy';
import { type AuditContext, recordAudit } from '../audit/audit.service';
import type { Area, CreateAreaRequest, UpdateAreaRequest } from './areas.schemas';
import { areas } from './areas.tables';

type Context = AuditContext & { actor: Actor };

const CHILD_LEVEL: Record<AreaLevel, AreaLevel | null> = { city: 'zone', zone: 'district', district: null };

const present = (row: typeof areas.$inferSelect): Area => ({
  id: row.id,
  parentId: row.parentId,
  level: row.level,
  name: row.name,
  sortOrder: row.sortOrder,
});

export async function requireAreaInTenant(db: Database, actor: Actor, id: string) {
  const [row] = await db.select().from(areas).where(eq(areas.id, id));
  return requireSameTenant(actor, row, '地区');
}

export async function listAreas(db: Database, actor: Actor): Promise<Area[]> {
  requirePermission(actor, 'directory.read');
  const rows = await db
    .select()
    .from(areas)
    .where(eq(areas.tenantId, actor.tenantId))
    .orderBy(asc(areas.sortOrder), asc(areas.name));
  return rows.map(present);
}

export async function createArea(db: Database, context: Context, input: CreateAreaRequest): Promise<Area> {
  requirePermission(context.actor, 'admin.areas.manage');
  return db.transaction(async (tx) => {
    let level: AreaLevel = 'city';
    if (input.parentId) {
      const parent = await requireAreaInTenant(tx, context.actor, input.parentId);
      const child = CHILD_LEVEL[parent.level];
      if (!child)
        throw conflict(
          'AREA_TOO_DEEP',
          '地区の下には区域を作成できません（市 > 日常生活圏域 > 地区 の3階層です）。',
        );
      level = child;
    } else {
      const [city] = await tx
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.tenantId, context.actor.tenantId), isNull(areas.parentId)));
      if (city)
        throw conflict('CITY_EXISTS', '市はすでに登録されています。日常生活圏域は市の下に作成してください。');
    }
    const [row] = await tx
      .insert(areas)
      .values({ ...input, level, tenantId: context.actor.tenantId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, { action: 'area.create', targetType: 'area', targetId: row.id });
    return present(row);
  });
}

export async function updateArea(db: Database, context: Context, id: string, input: UpdateAreaRequest) {
  requirePermission(context.actor, 'admin.areas.manage');
  return db.transaction(async (tx) => {
    await requireAreaInTenant(tx, context.actor, id);
    const [row] = await tx
      .update(areas)
      .set({ ...input, updatedAt: now() })
      .where(and(eq(areas.id, id), eq(areas.tenantId, context.actor.tenantId)))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordAudit(tx, context, {
      action: 'area.update',
      targetType: 'area',
      targetId: id,
      detail: { fields: Object.keys(input) },
    });
    return present(row);
  });
}
