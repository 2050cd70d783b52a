import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { badRequest } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { getHousehold } from './households.service';
import { households } from './households.tables';

/** A household lives in a 地区 (the lowest level of the municipality's areas). */
export async function requireDistrict(tx: Database, context: ActorContext, areaId: string | null) {
  if (!areaId) return null;
  await requireVisible(tx, context.actor, 'area', areaId);
  const [area] = await tx.select({ level: areas.level }).from(areas).where(eq(areas.id, areaId));
  if (area?.level !== 'district') {
    throw badRequest('AREA_NOT_DISTRICT', '世帯の地区には、圏域ではなく地区を選んでください。');
  }
  return areaId;
}

/** Sets or clears the 地区 of a household. */
export async function setHouseholdArea(
  db: Database,
  context: ActorContext,
  id: string,
  areaId: string | null,
) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'household', id);
    await requireDistrict(tx, context, areaId);
    await tx.update(households).set({ areaId, updatedAt: new Date() }).where(eq(households.id, id));
    await recordAudit(tx, context, {
      action: 'household.update',
      targetType: 'household',
      targetId: id,
      detail: { fields: ['areaId'] },
    });
  });
  return getHousehold(db, context, id);
}
