import { Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fiscalYearLabel } from '../../../shared/dates';
import { REPORTER_KIND_LABELS } from '../../../shared/outreach-vocabulary';
import { formatSafeCount } from '../../../shared/small-counts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { outreachCountsQuery } from './outreach-queries';

/** 第4号 KPIs for the program manager: counts and medians, never a person. */
export function OutreachCounts() {
  const counts = useQuery(outreachCountsQuery);
  const c = counts.data;
  const days = (value: number | null) => (value === null ? '—' : `${value}日`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outreach-counts-title">
      <Title order={2} size="h4" id="outreach-counts-title" mb="sm">
        アウトリーチの件数{c && `（${fiscalYearLabel(c.fiscalYear)}）`}
      </Title>
      <ErrorAlert error={counts.error} title="件数を表示できません" />
      {c && (
        <Group align="flex-start" gap="xl">
          <SimpleGrid cols={{ base: 2, sm: 3 }} style={{ flex: 1 }}>
            {[
              ['会えた人', formatSafeCount(c.reached, '人')],
              ['相談できる関係になった人', formatSafeCount(c.relationshipsFormed, '人')],
              ['支援につながった人', formatSafeCount(c.connected, '人')],
              ['報告から初めて会えるまで（中央値）', days(c.medianDaysToFirstContact)],
              ['報告から同意まで（中央値）', days(c.medianDaysToConsent)],
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
          </SimpleGrid>
          <Table withTableBorder w={320}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>報告の出どころ</Table.Th>
                <Table.Th ta="right">件数</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.reportsBySource.map((s) => (
                <Table.Tr key={s.reporterKind}>
                  <Table.Td>{REPORTER_KIND_LABELS[s.reporterKind]}</Table.Td>
                  <Table.Td ta="right">{formatSafeCount(s.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
      )}
      <Text size="sm" c="gray.8" mt="sm">
        件数のみを表示しています。個別の記録の内容は表示されません。人数は、その段階に年度内に至った記録の数です。1〜4件は「5件未満」とし、5人未満の中央値は表示しません。
      </Text>
    </Paper>
  );
}
