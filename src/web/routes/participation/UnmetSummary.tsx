import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { WISH_LABELS } from '../../../shared/participation-vocabulary';
import { formatSafeCount } from '../../../shared/small-counts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { unmetQuery } from './participation-queries';

/** Wishes no resource met, by kind and area: the input of 新たなメニューの創造 (never names anyone). */
export function UnmetSummary() {
  const summary = useQuery(unmetQuery);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unmet-title">
      <Title order={2} size="h4" id="unmet-title" mb="xs">
        合う場が見つからなかった希望（地区・種類ごと）
      </Title>
      <ErrorAlert error={summary.error} title="件数を表示できません" />
      {summary.data?.groups.length === 0 ? (
        <Text c="gray.7">まだ記録はありません。</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>希望</Table.Th>
              <Table.Th>地区</Table.Th>
              <Table.Th ta="right">応えられていない</Table.Th>
              <Table.Th ta="right">新しい場で応えた</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.data?.groups.map((g) => (
              <Table.Tr key={`${g.wish}-${g.areaId}`}>
                <Table.Td>{WISH_LABELS[g.wish]}</Table.Td>
                <Table.Td>{g.areaName ?? '地区未設定'}</Table.Td>
                <Table.Td ta="right">{formatSafeCount(g.open)}</Table.Td>
                <Table.Td ta="right">{formatSafeCount(g.answered)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="gray.8" mt="xs">
        件数だけを表示しています。1〜4件は「5件未満」と表示され、個人は特定されません。
      </Text>
    </Paper>
  );
}
