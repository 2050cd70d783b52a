import { Anchor, Button, Grid, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import { fiscalYearLabel } from '../../../../shared/dates';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { BodiesPanel } from './BodiesPanel';
import { EventsPanel } from './EventsPanel';
import { MembersPanel } from './MembersPanel';
import { NetworkForm } from './NetworkForm';
import { recentFiscalYears } from './NetworksPage';
import { NETWORKS, networkQuery } from './network-queries';
import { SubgroupsPanel } from './SubgroupsPanel';

export function NetworkPageRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <NetworkPage key={id} id={id} />;
}

/** One network: its 部会, members, meetings and events, and its activity year by year. */
function NetworkPage({ id }: { id: string }) {
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const query = useQuery(networkQuery(id, fiscalYear));
  const [editing, setEditing] = useState(false);
  const network = query.data;
  const years = network
    ? [
        ...new Map(
          [
            ...recentFiscalYears(),
            ...network.years.map((y) => ({ value: String(y.fiscalYear), label: y.label })),
          ].map((y) => [y.value, y]),
        ).values(),
      ].sort((a, b) => Number(b.value) - Number(a.value))
    : [];
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to="/community">
          地域づくり
        </Anchor>{' '}
        ／{' '}
        <Anchor component={Link} to={NETWORKS}>
          ネットワーク
        </Anchor>{' '}
        ／ {network?.name ?? ''}
      </Text>
      <ErrorAlert error={query.error} title="ネットワークを表示できません" />
      {network && (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={1} size="h2">
                {network.name}
              </Title>
              {network.description && <Text c="gray.8">{network.description}</Text>}
            </div>
            <Group align="flex-end">
              <Select
                label="年度"
                w={220}
                allowDeselect={false}
                data={years}
                value={String(network.fiscalYear)}
                onChange={(v) => setFiscalYear(v ? Number(v) : undefined)}
              />
              {network.canWrite && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  名称・説明を変更
                </Button>
              )}
            </Group>
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <YearCounts network={network} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <SubgroupsPanel network={network} />
            </Grid.Col>
          </Grid>
          <MembersPanel network={network} />
          <EventsPanel network={network} />
          <BodiesPanel network={network} />
          {editing && <NetworkForm network={network} onClose={() => setEditing(false)} />}
        </>
      )}
    </Stack>
  );
}

/** 年度ごとの開催数・参加者数. */
function YearCounts({ network }: { network: Network }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="years-title">
      <Title order={2} size="h4" id="years-title" mb="sm">
        年度ごとのイベント・活動
      </Title>
      {network.years.length === 0 ? (
        <Text size="sm" c="gray.8">
          イベント・活動の記録はまだありません。記録すると、年度ごとの開催数と参加者数がここに表示されます。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>年度</Table.Th>
              <Table.Th ta="right">開催数</Table.Th>
              <Table.Th ta="right">参加者（延べ）</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {network.years.map((y) => (
              <Table.Tr key={y.fiscalYear} fw={y.fiscalYear === network.fiscalYear ? 700 : undefined}>
                <Table.Td>{fiscalYearLabel(y.fiscalYear)}</Table.Td>
                <Table.Td ta="right">{y.events}回</Table.Td>
                <Table.Td ta="right">{y.participants}人</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
