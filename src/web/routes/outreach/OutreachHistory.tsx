import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateText } from '../../components/DateText';
import { OutreachTimeline } from './OutreachTimeline';
import { historyQuery } from './outreach-queries';

/** On the household and case pages: the outreach that led to consent, carried with the household. */
export function OutreachHistory({ householdId }: { householdId: string }) {
  const history = useQuery(historyQuery(householdId));
  const records = history.data?.records ?? [];
  if (records.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="outreach-history-title" gap="sm" mt="md">
      <Title order={2} size="h4" id="outreach-history-title">
        同意に至るまでのアウトリーチの経過
      </Title>
      {records.map((r) => (
        <Stack key={r.id} gap="sm" mb="md">
          <Text size="sm" c="gray.8">
            「{r.label}」（
            <DateText value={r.openedOn} /> 受付）
          </Text>
          <OutreachTimeline record={r} titleLevel={3} />
        </Stack>
      ))}
    </Stack>
  );
}
