import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { todayInJapan } from '../cases/case-queries';
import { actionItemsQuery, sessionPath } from './meeting-queries';

type Items = Awaited<ReturnType<NonNullable<typeof actionItemsQuery.queryFn>>>;

/** The work queue's part from meetings: what this organisation undertook, until done. */
export function MeetingActionItems({ items }: { items: Items }) {
  const done = useApiMutation((id: string) => api('POST', `/api/meetings/action-items/${id}/done`), {
    invalidate: [actionItemsQuery.queryKey, ['meeting-session']],
    success: '宿題を完了にしました。',
  });
  const today = todayInJapan();
  return (
    <>
      <ErrorAlert error={done.error} />
      {items.map((item) => (
        <Paper key={item.id} withBorder p="sm">
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap">
              {item.dueOn < today && (
                <Badge color="red" variant="outline">
                  期限超過
                </Badge>
              )}
              <Badge variant="light" color="grape">
                会議の宿題
              </Badge>
              <Anchor component={Link} to={sessionPath(item.sessionId)}>
                {item.description}
              </Anchor>
              <Text size="sm" c="gray.7">
                {item.bodyName}（期限 <DateText value={item.dueOn} />）
              </Text>
            </Group>
            <Button size="xs" variant="default" loading={done.isPending} onClick={() => done.mutate(item.id)}>
              完了にする
            </Button>
          </Group>
        </Paper>
      ))}
    </>
  );
}
