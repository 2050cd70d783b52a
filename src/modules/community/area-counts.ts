import { type SafeCount, safeCount, suppressTree } from '../../shared/small-counts';
import { type AreaTree, NO_AREA } from './area-tree';

/**
 * Counts per 地区 summed up to their 圏域 and suppressed together (small-counts
 * suppressTree), so that a 圏域 and its 地区 shown side by side never let anyone subtract to a
 * small count. No city total is shown: it would make every 圏域 a part to protect. Records
 * without a 地区 are one cell of their own.
 */
export function suppressedByArea(
  tree: AreaTree,
  countOf: (districtId: string | null) => number,
  threshold: number,
): Map<string, SafeCount> {
  const cells = new Map<string, SafeCount>();
  for (const zone of tree.zones) {
    const parts = tree.districtsOf(zone.id).map((d) => ({ key: d.id, value: countOf(d.id) }));
    const zoneTree = { key: zone.id, value: parts.reduce((s, p) => s + p.value, 0), parts };
    for (const [key, value] of suppressTree(zoneTree, threshold)) cells.set(key, value);
  }
  cells.set(NO_AREA, safeCount(countOf(null), threshold));
  return cells;
}
