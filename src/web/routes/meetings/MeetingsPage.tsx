import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { SESSION_STATE_LABELS } from '../../../shared/meeting-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { MEETINGS, sessionsQuery } from './meeting-queries';
import { NewSessionDialog } from './NewSessionDialog';

const STATE_COLORS = { planned: 'gray', prepared: 'indigo', held: 'teal' } as const;
type When = 'upcoming' | 'awaiting' | 'past';
const WHEN_LABELS: Record<When, string> = { upcoming: 'これから', awaiting: '記録待ち', past: '開催済み' };
const EMPTY: Record<When, string> = {
  upcoming: 'これからの会議はありません',
  awaiting: '記録待ちの会議はありません',
  past: '開催済みの会議はありません',
};

export function MeetingsPage() {
  const [when, setWhen] = useState<When>('upcoming');
  // 記録待ち is counted whichever list is shown, so a forgotten record is not missed
  const awaiting = useQuery(sessionsQuery('awaiting'));
  const awaitingCount = awaiting.data?.items.length ?? 0;
  const [creating, setCreating] = useState(false);
  const sessions = useQuery(sessionsQuery(when));
  const canRun = sessions.data?.canRun ?? false;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            会議
          </Title>
          <Text c="gray.8">
            {canRun
              ? 'この自治体の会議です。会議を予定し、議題（事例・テーマ）と出席者を整え、決定を記録します。'
              : 'あなたが構成員・出席者になっている会議です。'}
          </Text>
        </div>
        <Group>
          <SegmentedControl
            aria-label="表示する会議"
            data={(['upcoming', 'awaiting', 'past'] as const).map((w) => ({
              value: w,
              label: w === 'awaiting' && awaitingCount > 0 ? `記録待ち（${awaitingCount}）` : WHEN_LABELS[w],
            }))}
            value={when}
            onChange={(value) => setWhen(value as When)}
          />
          <ExportButton
            list="meeting-sessions"
            filters={{ when }}
            label={`${WHEN_LABELS[when]}の会議の一覧`}
          />
          <Button variant="default" component={Link} to={`${MEETINGS}/bodies`}>
            会議体
          </Button>
          {canRun && <Button onClick={() => setCreating(true)}>会議を予定する</Button>}
        </Group>
      </Group>
      <ErrorAlert error={sessions.error} title="会議を表示できません" />
      {sessions.data?.items.length === 0 && (
        <EmptyState title={EMPTY[when]}>
          {when === 'awaiting'
            ? '開始時刻を過ぎて、開催の記録がまだない会議はありません。'
            : canRun
              ? '「会議を予定する」で会議体と日時を選ぶと、構成員が出席者として入った会議ができます。'
              : '事務局（コーディネーター）が会議を予定し、あなたを出席者に加えると、ここに表示されます。'}
        </EmptyState>
      )}
      {(sessions.data?.items.length ?? 0) > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>日時</Table.Th>
              <Table.Th>会議体</Table.Th>
              <Table.Th>場所</Table.Th>
              <Table.Th>状態</Table.Th>
              <Table.Th>議題</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/meetings/${s.id}`} fw={700}>
                    <DateText value={s.startsAt} withTime />
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.bodyName}</Table.Td>
                <Table.Td>
                  {s.place ?? '—'}
                  {s.online && '（オンライン併用）'}
                </Table.Td>
                <Table.Td>
                  {s.awaitingRecord ? (
                    <Badge color="orange" variant="outline">
                      記録待ち
                    </Badge>
                  ) : (
                    <Badge color={STATE_COLORS[s.state]} variant="light">
                      {SESSION_STATE_LABELS[s.state]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  事例 {s.caseCount} 件・テーマ {s.topicCount} 件
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <NewSessionDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
