import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { sessionPath, sessionsQuery } from './meeting-queries';

/** A meeting member's home: the meetings they attend next. */
export function UpcomingMeetings() {
  const sessions = useQuery(sessionsQuery('upcoming'));
  if (sessions.data?.items.length === 0) {
    return (
      <EmptyState title="出席予定の会議はありません">
        事務局（コーディネーター）があなたを会議の出席者に加えると、ここに表示されます。
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      {sessions.data?.items.map((s) => (
        <Paper key={s.id} withBorder p="sm">
          <Group gap="sm">
            <Anchor component={Link} to={sessionPath(s.id)} fw={700}>
              {s.bodyName}
            </Anchor>
            <Text size="sm">
              <DateText value={s.startsAt} withTime />
              {s.place && `　${s.place}`}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
