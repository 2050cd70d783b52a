import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { sessionPath, sessionsQuery } from './meeting-queries';

/** A meeting member's home: the meetings they attend next, and those under way (started, not yet recorded). */
export function UpcomingMeetings() {
  const started = useQuery(sessionsQuery('awaiting'));
  const coming = useQuery(sessionsQuery('upcoming'));
  if (!started.data || !coming.data) return null;
  const sessions = [...started.data.items, ...coming.data.items];
  if (sessions.length === 0) {
    return (
      <EmptyState title="出席予定の会議はありません">
        事務局（コーディネーター）があなたを会議の出席者に加えると、ここに表示されます。
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      {sessions.map((s) => (
        <Paper key={s.id} withBorder p="sm">
          <Group gap="sm">
            <Anchor component={Link} to={sessionPath(s.id)} fw={700}>
              {s.bodyName}
            </Anchor>
            <Text size="sm">
              <DateText value={s.startsAt} withTime />
              {s.place && `　${s.place}`}
            </Text>
            {s.awaitingRecord && (
              <Badge variant="outline" color="gray.8">
                開始時刻を過ぎています
              </Badge>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
