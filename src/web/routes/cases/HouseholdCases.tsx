import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { CASE_STATUS_COLORS } from '../../lib/labels';
import { hasPermission, useSession } from '../../lib/session';
import { casesQuery } from './case-queries';
import { OpenCaseDialog } from './OpenCaseDialog';

/** The household page's section on 多機関協働 cases about the household. */
export function HouseholdCases({ householdId }: { householdId: string }) {
  const session = useSession();
  const coordinator = hasPermission(session, 'cases.coordinate');
  const cases = useQuery(casesQuery('all', householdId));
  const [opening, setOpening] = useState(false);
  if (!coordinator && !cases.data?.length) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          多機関協働事例
        </Title>
        {coordinator && (
          <Button size="xs" variant="default" onClick={() => setOpening(true)}>
            多機関協働事例を開く
          </Button>
        )}
      </Group>
      {cases.data?.length === 0 && <Text c="gray.8">この世帯の事例はまだありません。</Text>}
      <Stack gap="xs">
        {cases.data?.map((c) => (
          <Group key={c.id} gap="sm">
            <Badge color={CASE_STATUS_COLORS[c.status]} variant="light">
              {CASE_STATUS_LABELS[c.status]}
            </Badge>
            <Anchor component={Link} to={`/cases/${c.id}`}>
              {c.summary}
            </Anchor>
            <Text size="sm" c="gray.8">
              開始 <DateText value={c.openedOn} />
              {'　'}主担当 {c.leadOrganisationName}
            </Text>
          </Group>
        ))}
      </Stack>
      {opening && <OpenCaseDialog householdId={householdId} onClose={() => setOpening(false)} />}
    </Paper>
  );
}
