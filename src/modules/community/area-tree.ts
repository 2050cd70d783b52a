import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { AreaLevel } from '../../shared/vocabulary';
import { areas } from '../areas/areas.tables';

export type AreaNode = { id: string; name: string; level: AreaLevel; parentId: string | null };

/** The municipality's areas: the city, its 日常生活圏域 and their 地区, in their order. */
export async function loadAreaTree(tx: Database, tenantId: string) {
  const rows: AreaNode[] = await tx
    .select({ id: areas.id, name: areas.name, level: areas.level, parentId: areas.parentId })
    .from(areas)
    .where(eq(areas.tenantId, tenantId))
    .orderBy(asc(areas.sortOrder), asc(areas.name));
  const city = rows.find((a) => a.level === 'city') ?? null;
  const zones = rows.filter((a) => a.level === 'zone');
  const districtsOf = (zoneId: string) => rows.filter((a) => a.level === 'district' && a.parentId === zoneId);
  const byId = new Map(rows.map((a) => [a.id, a]));
  /** The districts an area stands for (a zone: its districts; the city: all). */
  const districtsUnder = (id: string): string[] => {
    const area = byId.get(id);
    if (!area) return [];
    if (area.level === 'district') return [id];
    if (area.level === 'zone') return districtsOf(id).map((d) => d.id);
    return rows.filter((a) => a.level === 'district').map((d) => d.id);
  };
  return { rows, city, zones, districtsOf, byId, districtsUnder };
}
export type AreaTree = Awaited<ReturnType<typeof loadAreaTree>>;

/** The key of the cell of records with no 地区. */
export const NO_AREA = 'none';
