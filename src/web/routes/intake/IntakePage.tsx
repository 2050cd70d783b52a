import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Consultation } from '../../../modules/intake/intake.schemas';
import { CHANNEL_LABELS, OUTCOME_LABELS } from '../../../shared/intake-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { apiGet } from '../../lib/api';

export const consultationsQuery = queryOptions({
  queryKey: ['consultations'],
  queryFn: async () => (await apiGet<{ consultations: Consultation[] }>('/api/consultations')).consultations,
});

export function IntakePage() {
  const { data: consultations } = useSuspenseQuery(consultationsQuery);
  const newButton = (
    <Button component={Link} to="/intake/new">
      相談を受け付ける
    </Button>
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          相談受付
        </Title>
        <Group>
          {consultations.length > 0 && <ExportButton list="consultations" label="この機関の相談受付一覧" />}
          {newButton}
        </Group>
      </Group>
      <Text c="gray.8">
        どなたの、どんな相談でも受け付けます。つなぎ先がわからないときは、コーディネーターへつなげます。
      </Text>
      {consultations.length === 0 ? (
        <EmptyState title="この機関で受け付けた相談はまだありません" action={newButton}>
          相談を受けたら「相談を受け付ける」から記録してください。本人の登録、同意、つなぎまで一度に行えます。
        </EmptyState>
      ) : (
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>受付日時</Table.Th>
              <Table.Th>本人</Table.Th>
              <Table.Th>経路</Table.Th>
              <Table.Th>主訴</Table.Th>
              <Table.Th>対応</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consultations.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td className="nowrap">
                  <DateText value={c.receivedAt} withTime />
                  {c.urgent && (
                    <Badge color="red" ml="xs">
                      緊急
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {c.householdId ? (
                    <Anchor component={Link} to={`/households/${c.householdId}`}>
                      {c.personName ?? '（氏名不明）'}
                    </Anchor>
                  ) : (
                    (c.personName ?? '（氏名不明）')
                  )}
                </Table.Td>
                <Table.Td>{CHANNEL_LABELS[c.channel]}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {c.mainComplaint}
                  </Text>
                </Table.Td>
                <Table.Td>{OUTCOME_LABELS[c.outcome]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
