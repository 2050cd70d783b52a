import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fiscalYearLabel } from '../../../shared/dates';
import { REPORTER_KIND_LABELS } from '../../../shared/outreach-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { outreachCountsQuery } from './outreach-queries';

/** 第4号 KPIs for the program manager: counts and medians, never a person. */
export function OutreachCounts() {
  const counts = useQuery(outreachCountsQuery);
  const c = counts.data;
  const days = (value: number | null) => (value === null ? '—' : `${value}日`);
  return (
    <section aria-labelledby="outreach-counts-title">
      <Title order={2} size="h3" id="outreach-counts-title" mb="sm">
        アウトリーチ{c && `（${fiscalYearLabel(c.fiscalYear)}）`}
      </Title>
      <ErrorAlert error={counts.error} title="件数を表示できません" />
      {c && (
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {[
              ['会えた人', `${c.reached}人`],
              ['相談できる関係になった', `${c.relationshipsFormed}人`],
              ['支援につながった', `${c.connected}人`],
              ['報告から初めて会えるまで（中央値）', days(c.medianDaysToFirstContact)],
              ['報告から同意まで（中央値）', days(c.medianDaysToConsent)],
            ].map(([label, value]) => (
              <Paper key={label} withBorder p="sm">
                <Text size="sm" c="gray.8">
                  {label}
                </Text>
                <Text fw={700} size="xl">
                  {value}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Table withTableBorder maw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>情報の出どころ</Table.Th>
                <Table.Th ta="right">報告</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.reportsBySource.map((s) => (
                <Table.Tr key={s.reporterKind}>
                  <Table.Td>{REPORTER_KIND_LABELS[s.reporterKind]}</Table.Td>
                  <Table.Td ta="right">{s.count}件</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </section>
  );
}
