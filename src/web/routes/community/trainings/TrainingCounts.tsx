import { Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { TrainingList } from '../../../../modules/community/trainings.schemas';
import {
  TRAINING_AUDIENCE_LABELS,
  TRAINING_SCOPE_LABELS,
  TRAINING_TOPIC_LABELS,
} from '../../../../shared/community-vocabulary';

type Row = { label: string; trainings: number; participants: number };

function CountTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption}</Table.Th>
          <Table.Th ta="right">回数</Table.Th>
          <Table.Th ta="right">参加者</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{r.trainings}回</Table.Td>
            <Table.Td ta="right">{r.participants}人</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The counts of a fiscal year: 庁内・庁外, participants, by audience and by topic. */
export function TrainingCounts({ list }: { list: TrainingList }) {
  const { counts } = list;
  const scope = (s: 'internal' | 'external') => counts.byScope.find((r) => r.scope === s);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="training-counts-title">
      <Title order={2} size="h4" id="training-counts-title" mb="sm">
        {list.fiscalYearLabel}の集計
      </Title>
      <Group gap="xl" mb="md">
        {[
          ['研修の回数', `${counts.total.trainings}回`],
          ['庁内', `${scope('internal')?.trainings ?? 0}回`],
          ['庁外', `${scope('external')?.trainings ?? 0}回`],
          ['参加者（延べ）', `${counts.total.participants}人`],
        ].map(([label, value]) => (
          <div key={label}>
            <Text size="sm" c="gray.8">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </div>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} style={{ alignItems: 'start' }}>
        <CountTable
          caption="庁内・庁外"
          rows={counts.byScope.map((r) => ({ ...r, label: TRAINING_SCOPE_LABELS[r.scope] }))}
        />
        <CountTable
          caption="対象"
          rows={counts.byAudience.map((r) => ({ ...r, label: TRAINING_AUDIENCE_LABELS[r.audience] }))}
        />
        <CountTable
          caption="テーマ"
          rows={counts.byTopic
            .filter((r) => r.trainings > 0)
            .map((r) => ({ ...r, label: TRAINING_TOPIC_LABELS[r.topic] }))}
        />
      </SimpleGrid>
      <Text size="xs" c="gray.8" mt="xs">
        対象・テーマは1つの研修に複数あるため、足し合わせると回数の合計を超えることがあります。
      </Text>
    </Paper>
  );
}
