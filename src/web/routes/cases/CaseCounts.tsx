import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../../../shared/case-vocabulary';
import { fiscalYearLabel } from '../../../shared/dates';
import { formatSafeCount, type SafeCount, safeCount } from '../../../shared/small-counts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { apiGet } from '../../lib/api';

type Counts = {
  byStatus: Record<string, SafeCount>;
  openedThisYear: SafeCount;
  closedThisYear: SafeCount;
  fiscalYear: number;
};

/** For the program manager: how many 多機関協働 cases are where, never who. */
export function CaseCounts() {
  const counts = useQuery({
    queryKey: ['case-counts'],
    queryFn: () => apiGet<Counts>('/api/cases/counts'),
  });
  if (counts.error) return <ErrorAlert error={counts.error} title="件数を表示できません" />;
  const data = counts.data;
  if (!data) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          多機関協働事例の件数
        </Title>
        <Text size="sm" c="gray.8">
          {fiscalYearLabel(data.fiscalYear)}：開始 {formatSafeCount(data.openedThisYear)}・終結{' '}
          {formatSafeCount(data.closedThisYear)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {CASE_STATUSES.map((status) => (
          <div key={status}>
            <Text size="sm" c="gray.8">
              {CASE_STATUS_LABELS[status]}
            </Text>
            <Text fw={700} size="lg">
              {formatSafeCount(data.byStatus[status] ?? safeCount(0))}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" c="gray.8" mt="sm">
        件数のみを表示しています。個別の事例の内容は表示されません。1〜4件は「5件未満」と表示し、合計との差からわからないよう、ほかの段階もあわせて伏せることがあります。
      </Text>
    </Paper>
  );
}
