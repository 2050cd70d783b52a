import type { Overview } from '../../../modules/community/areas-community.schemas';
import { formatSafeCount, type SafeCount } from '../../../shared/small-counts';

export type OverviewColumn = { key: string; label: string; zoneLabel?: string };

/** The columns of the overview: 圏域, or 地区 under their 圏域; then 地区未設定. */
export function overviewColumns(overview: Overview, by: 'zone' | 'district'): OverviewColumn[] {
  const zones = overview.areas.filter((a) => a.level === 'zone');
  const columns: OverviewColumn[] =
    by === 'zone'
      ? zones.map((z) => ({ key: z.id, label: z.name }))
      : zones.flatMap((z) =>
          overview.areas
            .filter((a) => a.parentId === z.id)
            .map((d) => ({ key: d.id, label: d.name, zoneLabel: z.name })),
        );
  return [...columns, { key: 'none', label: '地区未設定' }];
}

export const cellText = (value: SafeCount | undefined, threshold: number) =>
  value ? formatSafeCount(value, '件', threshold) : '0件';

/** A background that darkens with the count, so that where cases gather can be seen at a glance. */
export function cellShade(value: SafeCount | undefined, max: number) {
  if (!value || value.belowThreshold || !value.count || max === 0) return undefined;
  const step = Math.min(4, Math.ceil((value.count / max) * 4));
  return `var(--mantine-color-orange-${step})`;
}
