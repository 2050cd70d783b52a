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

/**
 * Organisations as grouped select options: the agencies of the 事業 first, then the partners
 * without a login (外部の関係機関), so that a worker sees which is which before choosing.
 */
export function agencyGroups(organisations: Organisation[]) {
  const option = (o: Organisation) => ({ value: o.id, label: o.name });
  const agencies = organisations.filter((o) => !o.external).map(option);
  const partners = organisations.filter((o) => o.external).map(option);
  return [
    { group: '事業の機関', items: agencies },
    ...(partners.length ? [{ group: '外部の関係機関（ログインしない機関）', items: partners }] : []),
  ];
}
