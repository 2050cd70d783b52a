import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { DateText } from '../../components/DateText';
import { type OutreachQueueItem, recordPath } from './outreach-queries';

const KIND = {
  life_risk: { badge: '生命の危険', color: 'red', text: 'まだ接触できていません：すぐに確認を' },
  unassigned: { badge: 'アウトリーチ', color: 'orange', text: '担当が決まっていません' },
  contact_due: { badge: 'アウトリーチ', color: 'indigo', text: '接触の予定日です' },
  stale: { badge: 'アウトリーチ', color: 'orange', text: '接触が途絶えています' },
} as const;

/** The work queue's part from outreach: danger to life first, then who has no worker, then mine. */
export function OutreachQueue({ items }: { items: OutreachQueueItem[] }) {
  return items.map((item) => {
    const kind = KIND[item.kind];
    return (
      <Paper
        key={`${item.kind}-${item.recordId}`}
        withBorder
        p="sm"
        bg={item.kind === 'life_risk' ? 'red.0' : undefined}
      >
        <Group gap="sm" wrap="nowrap">
          <Badge color={kind.color} variant={item.kind === 'life_risk' ? 'filled' : 'light'}>
            {kind.badge}
          </Badge>
          <Anchor component={Link} to={recordPath(item.recordId)}>
            {item.label}
          </Anchor>
          <Text size="sm" c="gray.7">
            {kind.text}（<DateText value={item.since} />
            {item.kind === 'stale' ? '以降' : item.kind === 'contact_due' ? '' : '受付'}）
          </Text>
        </Group>
      </Paper>
    );
  });
}
