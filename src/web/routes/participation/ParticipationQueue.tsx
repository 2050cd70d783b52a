import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateText } from '../../components/DateText';
import { participationQueueQuery, supportPath } from './participation-queries';

/** 定着支援 follow-ups of the worker's own supports, due now or within the week. */
export function ParticipationQueue() {
  const queue = useQuery(participationQueueQuery);
  const items = queue.data?.followUps ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participation-queue-title">
      <Title order={2} size="h4" id="participation-queue-title" mb="xs">
        定着支援の連絡予定
      </Title>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Group key={item.followUpId} gap="sm" wrap="nowrap" component="li">
            {item.overdue ? (
              <Badge color="red" variant="outline">
                期限超過
              </Badge>
            ) : (
              <Badge variant="light">予定</Badge>
            )}
            <Anchor component={Link} to={supportPath(item.supportId)}>
              {item.personName}さん：{item.resourceName}
            </Anchor>
            <Text size="sm" c="gray.7">
              （予定日 <DateText value={item.dueOn} />）
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
