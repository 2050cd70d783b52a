import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PLACEMENT_STAGE_LABELS, WISH_LABELS } from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { hasPermission, useSession } from '../../lib/session';
import { ParticipationQueue } from './ParticipationQueue';
import { RESOURCES, supportPath, supportsQuery } from './participation-queries';
import { UnmetSummary } from './UnmetSummary';

const STAGE_COLORS = {
  proposed: 'gray.8',
  visited: 'blue.9',
  trial: 'blue.9',
  started: 'teal.9',
  ended: 'gray.8',
  interrupted: 'red.9',
} as const;

/** 参加支援: the people the worker supports toward a place to belong, and what is due. */
export function ParticipationPage() {
  const session = useSession();
  const [view, setView] = useState<'mine' | 'all'>('mine');
  const list = useQuery(supportsQuery({ view }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            参加支援
          </Title>
          <Text c="gray.8">
            本人の希望と地域の場をつなぎ、見学・体験・参加開始から定着まで支えます。参加支援は、事例・相談・アウトリーチの記録の画面から始めます。
          </Text>
        </div>
        <Button variant="default" component={Link} to={RESOURCES}>
          社会資源を見る
        </Button>
      </Group>
      <ParticipationQueue />
      <Group justify="space-between">
        <Title order={2} size="h4">
          参加支援の一覧
        </Title>
        <Group>
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as 'mine' | 'all')}
            data={[
              { value: 'mine', label: '自分が担当' },
              { value: 'all', label: '見られるすべて' },
            ]}
          />
          <ExportButton
            list="participation-supports"
            filters={{ view }}
            label={view === 'mine' ? '自分が担当の参加支援の一覧' : '参加支援の一覧'}
          />
        </Group>
      </Group>
      <ErrorAlert error={list.error} title="一覧を読み込めませんでした" />
      {list.data?.supports.length === 0 ? (
        <EmptyState title="参加支援の記録はまだありません">
          多機関協働の事例の画面の「参加支援」から、本人の希望を聞いて始めてください。担当に指名されると、ここに表示されます。
        </EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>本人</Table.Th>
              <Table.Th>希望</Table.Th>
              <Table.Th>参加先と段階</Table.Th>
              <Table.Th>担当</Table.Th>
              <Table.Th>開始日</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.supports.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={supportPath(s.id)} fw={700}>
                    {s.personName}さん
                  </Anchor>
                  {s.closedOn && (
                    <Badge ml="xs" color="gray" variant="outline">
                      終了
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.wishes.map((w) => WISH_LABELS[w]).join('、') || '—'}</Table.Td>
                <Table.Td>
                  {s.placements.length === 0
                    ? '候補を検討中'
                    : s.placements.map((p) => (
                        <Group key={`${p.resourceName}-${p.stage}`} gap={6} wrap="nowrap">
                          <Text size="sm">{p.resourceName}</Text>
                          <Badge variant="light" color={STAGE_COLORS[p.stage]} tt="none">
                            {PLACEMENT_STAGE_LABELS[p.stage]}
                          </Badge>
                        </Group>
                      ))}
                </Table.Td>
                <Table.Td>{s.coordinatorName}</Table.Td>
                <Table.Td className="nowrap">
                  <DateText value={s.openedOn} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {hasPermission(session, 'resources.manage') && <UnmetSummary />}
    </Stack>
  );
}
