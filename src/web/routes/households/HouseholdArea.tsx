import { Button, Group, Select, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { areasQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';

/** The 地区 the household lives in: where its cases count in 地域づくり (never who they are). */
export function HouseholdArea({ householdId, areaId }: { householdId: string; areaId: string | null }) {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<string | null>(areaId);
  const save = useApiMutation(() => api('PUT', `/api/households/${householdId}/area`, { areaId: value }), {
    invalidate: [['household'], ['community-overview']],
    success: '地区を保存しました。',
    onDone: () => setEditing(false),
  });
  const zones = areas.filter((a) => a.level === 'zone');
  const current = areas.find((a) => a.id === areaId);
  if (!editing) {
    return (
      <Group gap="xs">
        <Text c="gray.8">地区：{current?.name ?? '未設定'}</Text>
        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
          {current ? '地区を変える' : '地区を設定'}
        </Button>
      </Group>
    );
  }
  return (
    <Group align="flex-end" gap="xs">
      <ErrorAlert error={save.error} />
      <Select
        label="地区"
        description="地域づくりの件数（個人は特定されない）に使います"
        searchable
        clearable
        data={zones.map((z) => ({
          group: z.name,
          items: areas.filter((a) => a.parentId === z.id).map((d) => ({ value: d.id, label: d.name })),
        }))}
        value={value}
        onChange={setValue}
        w={280}
      />
      <Button loading={save.isPending} onClick={() => save.mutate(undefined)}>
        保存
      </Button>
      <Button variant="default" onClick={() => setEditing(false)}>
        キャンセル
      </Button>
    </Group>
  );
}
