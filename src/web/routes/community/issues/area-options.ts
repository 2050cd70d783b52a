type AreaRow = { id: string; name: string; level: string; parentId: string | null };

/** 圏域 and their 地区 as grouped options, in the municipality's order. */
export const areaGroups = (areas: AreaRow[]) =>
  areas
    .filter((a) => a.level === 'zone')
    .map((zone) => ({
      group: zone.name,
      items: [
        { value: zone.id, label: `${zone.name}（圏域全体）` },
        ...areas.filter((a) => a.parentId === zone.id).map((d) => ({ value: d.id, label: d.name })),
      ],
    }));

export const NO_NAMES_HINT =
  '地域づくりにかかわる職員全員が読みます。個人名・世帯名は書かず、「東町地区の50代の男性」のように書いてください。';
