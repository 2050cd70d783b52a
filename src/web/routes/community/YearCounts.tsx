import { Stack, Text } from '@mantine/core';
import type { SafeCount } from '../../../shared/small-counts';
import { cellText } from './overview-cells';

/** A count of this year with last year's beneath it, small counts hidden as their threshold says. */
export function YearCounts({
  current,
  previous,
  threshold,
}: {
  current: SafeCount | undefined;
  previous: SafeCount | undefined;
  threshold: number;
}) {
  return (
    <Stack gap={0} align="center" style={{ whiteSpace: 'nowrap' }}>
      <Text fw={700}>{cellText(current, threshold)}</Text>
      <Text size="xs" c="gray.8">
        前年度 {cellText(previous, threshold)}
      </Text>
    </Stack>
  );
}
