import { queryOptions } from '@tanstack/react-query';
import type { Area } from '../../modules/areas/areas.schemas';
import type { Organisation } from '../../modules/organisations/organisations.schemas';
import { AREA_LEVEL_LABELS } from '../../shared/vocabulary';
import { apiGet } from './api';

export const organisationsQuery = queryOptions({
  queryKey: ['organisations'],
  queryFn: async () => (await apiGet<{ organisations: Organisation[] }>('/api/organisations')).organisations,
});

export const areasQuery = queryOptions({
  queryKey: ['areas'],
  queryFn: async () => (await apiGet<{ areas: Area[] }>('/api/areas')).areas,
});

/** Areas as select options, indented by level: 市 > 圏域 > 地区. */
export function areaOptions(areas: Area[]) {
  const out: { value: string; label: string }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const area of areas.filter((a) => a.parentId === parentId)) {
      out.push({
        value: area.id,
        label: `${'　'.repeat(depth)}${area.name}（${AREA_LEVEL_LABELS[area.level]}）`,
      });
      walk(area.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
