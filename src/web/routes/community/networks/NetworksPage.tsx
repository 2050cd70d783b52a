import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { fiscalYearLabel, fiscalYearOf } from '../../../../shared/dates';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { CommunityTabs } from '../CommunityTabs';
import { NetworkForm } from './NetworkForm';
import { networkPath, networksQuery } from './network-queries';

/** The fiscal years offered in a picker: this one and the four before it. */
export const recentFiscalYears = () => {
  const current = fiscalYearOf(new Date());
  return [0, 1, 2, 3, 4].map((back) => ({
    value: String(current - back),
    label: fiscalYearLabel(current - back),
  }));
};

/** ネットワーク・プラットフォーム: the networks of the municipality, with this year's activity. */
export function NetworksPage() {
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const list = useQuery(networksQuery(fiscalYear));
  const [creating, setCreating] = useState(false);
  const data = list.data;
  return (
    <Stack>
      <CommunityTabs current={'/community/networks'} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            ネットワーク・プラットフォーム
          </Title>
          <Text c="gray.8">
            地域の団体・事業所・住民がつながる場です。部会・会員・会議・イベントの記録と、年度ごとの開催数・参加者数を見られます。
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label="年度"
            w={220}
            allowDeselect={false}
            data={recentFiscalYears()}
            value={String(data?.fiscalYear ?? fiscalYearOf(new Date()))}
            onChange={(v) => setFiscalYear(v ? Number(v) : undefined)}
          />
          {data && data.networks.length > 0 && (
            <ExportButton list="networks" filters={{ fiscalYear: data.fiscalYear }} />
          )}
          {data?.canWrite && <Button onClick={() => setCreating(true)}>ネットワークを登録</Button>}
        </Group>
      </Group>
      <ErrorAlert error={list.error} title="一覧を読み込めませんでした" />
      {data && data.networks.length === 0 && (
        <EmptyState title="ネットワークはまだ登録されていません">
          {data.canWrite
            ? '「ネットワークを登録」から、名称と部会を登録してください。会員は社会資源の運営団体から選べます。'
            : 'ネットワークの登録は、地域づくりの担当者（生活支援コーディネーター等）が行います。'}
        </EmptyState>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {data?.networks.map((n) => (
          <Paper key={n.id} withBorder p="md" component="article" aria-labelledby={`network-${n.id}`}>
            <Stack gap="xs">
              <Title order={2} size="h4" id={`network-${n.id}`}>
                <Anchor component={Link} to={networkPath(n.id)}>
                  {n.name}
                </Anchor>
              </Title>
              {n.description && (
                <Text size="sm" c="gray.8" lineClamp={2}>
                  {n.description}
                </Text>
              )}
              <Group gap="xl">
                {[
                  ['会員', `${n.memberCount}団体`],
                  [`${data.fiscalYearLabel.replace(/（.*$/, '')}の開催`, `${n.eventsThisYear}回`],
                  ['参加者', `延べ${n.participantsThisYear}人`],
                  ['会議体', `${n.bodyCount}`],
                ].map(([label, value]) => (
                  <div key={label}>
                    <Text size="xs" c="gray.8">
                      {label}
                    </Text>
                    <Text fw={700}>{value}</Text>
                  </div>
                ))}
              </Group>
              {n.subgroups.length > 0 && (
                <Group gap="xs">
                  {n.subgroups.map((s) => (
                    <Badge key={s.id} variant="outline" color="teal.9" size="lg" radius="sm">
                      {s.name}（{s.memberCount}団体）
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {creating && <NetworkForm network={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
