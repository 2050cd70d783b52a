import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fiscalYearLabel } from '../../../shared/dates';
import { ITEM_DECISION_TYPE_LABELS, ITEM_DECISION_TYPES } from '../../../shared/meeting-vocabulary';
import { formatSafeCount } from '../../../shared/small-counts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { meetingCountsQuery } from './meeting-queries';

/** For the program manager: sessions held, cases discussed and decisions by type, per body. */
export function MeetingCounts() {
  const counts = useQuery(meetingCountsQuery);
  if (counts.error) return <ErrorAlert error={counts.error} title="会議の件数を表示できません" />;
  const data = counts.data;
  if (!data) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        会議の開催状況（{fiscalYearLabel(data.fiscalYear)}）
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>会議体</Table.Th>
              <Table.Th ta="right">開催</Table.Th>
              <Table.Th ta="right">検討事例</Table.Th>
              {ITEM_DECISION_TYPES.map((t) => (
                <Table.Th key={t} ta="right">
                  {ITEM_DECISION_TYPE_LABELS[t]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.bodies.map((b) => (
              <Table.Tr key={b.bodyId}>
                <Table.Td>{b.bodyName}</Table.Td>
                <Table.Td ta="right">{b.sessionsHeld}回</Table.Td>
                <Table.Td ta="right">{formatSafeCount(b.casesDiscussed)}</Table.Td>
                {ITEM_DECISION_TYPES.map((t) => (
                  <Table.Td key={t} ta="right">
                    {formatSafeCount(b.decisions[t])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="gray.8" mt="sm">
        件数のみを表示しています。検討した事例の内容は表示されません。決定の欄は種類別の件数です。
      </Text>
    </Paper>
  );
}
