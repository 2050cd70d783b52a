import { Badge, Group, SegmentedControl, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { Case, TimelineEntry } from '../../../modules/cases/cases.schemas';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';

const KIND_COLORS: Record<TimelineEntry['kind'], string> = {
  status: 'blue',
  team: 'gray',
  decision: 'orange',
  record: 'teal',
  assessment: 'indigo',
  plan: 'indigo',
  evaluation: 'grape',
};

const FILTERS = [
  { value: 'all', label: 'すべて' },
  { value: 'record', label: '支援経過' },
  { value: 'milestones', label: '決定・段階・書類' },
];

/** Everything that happened on the case, newest first. */
export function CaseTimeline({ caseData }: { caseData: Case }) {
  const [filter, setFilter] = useState('all');
  const entries = caseData.timeline.filter((e) =>
    filter === 'all' ? true : filter === 'record' ? e.kind === 'record' : e.kind !== 'record',
  );
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="表示する経過"
          data={FILTERS}
          value={filter}
          onChange={setFilter}
        />
        <Text size="sm" c="gray.8">
          支援経過 {caseData.recordTotal}件
          {caseData.recordTotal > caseData.timeline.filter((e) => e.kind === 'record').length &&
            '（新しい500件を表示しています）'}
        </Text>
      </Group>
      {entries.length === 0 ? (
        <EmptyState title="まだ記録がありません">
          「支援経過を記録」から、面談・訪問・電話などを記録します。
        </EmptyState>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {entries.map((entry) => (
            <Timeline.Item
              key={entry.key}
              color={KIND_COLORS[entry.kind]}
              title={
                <Group gap="xs">
                  <Text fw={700} size="sm">
                    {entry.title}
                  </Text>
                  {entry.minutes !== null && (
                    <Badge size="xs" variant="light" color="gray">
                      {entry.minutes}分
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="xs" c="gray.8">
                <DateText value={entry.at} withTime={entry.at.includes('T')} />　{entry.organisationName}
                {'　'}
                {entry.userName}
              </Text>
              {entry.serves && (
                <Text size="xs" c="teal.9">
                  プラン：{entry.serves}
                </Text>
              )}
              {entry.detail && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.detail}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
