import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateText } from '../../components/DateText';
import { RESOURCES, resourcePath, resourcesQuery } from './participation-queries';

/** Resources whose information was not verified within the municipal number of days, by area. */
export function StaleResources() {
  const list = useQuery(resourcesQuery({ stale: 'true' }));
  const stale = list.data?.resources ?? [];
  if (!list.data) return null;
  if (stale.length === 0)
    return (
      <Text c="gray.8">
        情報の確認が必要な社会資源はありません（最終確認から{list.data.verifyDays}日以内）。
      </Text>
    );
  const byArea = new Map<string, typeof stale>();
  for (const r of stale)
    byArea.set(r.areaName ?? '地区未設定', [...(byArea.get(r.areaName ?? '地区未設定') ?? []), r]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stale-title">
      <Title order={2} size="h4" id="stale-title" mb="xs">
        情報の確認が必要な社会資源（{stale.length}件）
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        最終確認から{list.data.verifyDays}
        日以上たっています。先方に連絡し、資源の画面の「情報を確認した」で記録してください。
      </Text>
      <Stack gap="sm">
        {[...byArea.entries()].map(([area, items]) => (
          <div key={area}>
            <Text fw={700}>{area}</Text>
            {items.map((r) => (
              <Group key={r.id} gap="xs" ml="md">
                <Anchor component={Link} to={resourcePath(r.id)}>
                  {r.name}
                </Anchor>
                <Text size="sm" c="gray.7">
                  最終確認 {r.verifiedOn ? <DateText value={r.verifiedOn} /> : '未確認'}
                </Text>
                {r.status === 'paused' && (
                  <Badge color="gray" variant="outline">
                    休止中
                  </Badge>
                )}
              </Group>
            ))}
          </div>
        ))}
      </Stack>
      <Anchor component={Link} to={RESOURCES} size="sm" mt="sm" display="block">
        社会資源の一覧へ
      </Anchor>
    </Paper>
  );
}
