import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Training } from '../../../../modules/community/trainings.schemas';
import {
  TRAINING_AUDIENCE_LABELS,
  TRAINING_SCOPE_LABELS,
  TRAINING_TOPIC_LABELS,
  type TrainingScope,
} from '../../../../shared/community-vocabulary';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { CommunityTabs } from '../CommunityTabs';
import { TrainingCounts } from './TrainingCounts';
import { TrainingForm } from './TrainingForm';
import { trainingsQuery } from './training-queries';

/** 研修・人材育成: the trainings of a fiscal year, 庁内 and 庁外, with the year's counts. */
export function TrainingsPage() {
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const [scope, setScope] = useState<TrainingScope | 'all'>('all');
  const list = useQuery(trainingsQuery({ fiscalYear, scope: scope === 'all' ? undefined : scope }));
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const remove = useApiMutation((t: Training) => api('DELETE', `/api/community/trainings/${t.id}`), {
    invalidate: [['trainings']],
    success: '研修の記録を削除しました。',
  });
  const data = list.data;
  const askRemove = (t: Training) =>
    confirmAction({
      title: `「${t.title}」の記録を削除しますか`,
      message: '年度の集計からも除かれます。元に戻せません。',
      confirmLabel: '削除',
      danger: true,
      onConfirm: () => remove.mutate(t),
    });
  return (
    <Stack>
      <CommunityTabs current={'/community/trainings'} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            研修・人材育成
          </Title>
          <Text c="gray.8">
            庁内・庁外で開いた研修の記録です。年度ごとの回数と参加者数を、対象・テーマ別に集計します。
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label="年度"
            w={220}
            allowDeselect={false}
            data={(data?.fiscalYears ?? []).map((y) => ({ value: String(y.fiscalYear), label: y.label }))}
            value={data ? String(data.fiscalYear) : null}
            onChange={(v) => setFiscalYear(v ? Number(v) : undefined)}
          />
          {data?.canWrite && <Button onClick={() => setEditing('new')}>研修を記録</Button>}
        </Group>
      </Group>
      <ErrorAlert error={list.error ?? remove.error} title="研修を表示・削除できませんでした" />
      {data && <TrainingCounts list={data} />}
      <Group justify="space-between">
        <SegmentedControl
          aria-label="庁内・庁外で絞り込む"
          w={320}
          data={[
            { value: 'all', label: 'すべて' },
            { value: 'internal', label: TRAINING_SCOPE_LABELS.internal },
            { value: 'external', label: TRAINING_SCOPE_LABELS.external },
          ]}
          value={scope}
          onChange={(v) => setScope(v as TrainingScope | 'all')}
        />
        <ExportButton
          list="trainings"
          filters={{ fiscalYear: data?.fiscalYear, scope: scope === 'all' ? undefined : scope }}
        />
      </Group>
      {data && data.trainings.length === 0 ? (
        <EmptyState title={`${data.fiscalYearLabel}の研修の記録はありません`}>
          {data.canWrite
            ? '研修を開いたら「研修を記録」から、開催日・対象・参加者数を記録してください。'
            : '年度や庁内・庁外の絞り込みを変えると、ほかの記録を見られます。'}
        </EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>開催日</Table.Th>
              <Table.Th>研修名・主催</Table.Th>
              <Table.Th className="nowrap">庁内・庁外</Table.Th>
              <Table.Th>対象</Table.Th>
              <Table.Th>テーマ</Table.Th>
              <Table.Th ta="right" className="nowrap">
                参加者
              </Table.Th>
              {data?.canWrite && <Table.Th aria-label="操作" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.trainings.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td className="nowrap">
                  <DateText value={t.heldOn} />
                </Table.Td>
                <Table.Td>
                  <Text fw={700}>{t.title}</Text>
                  <Text size="sm" c="gray.7">
                    {t.organiser}
                  </Text>
                  {t.materials && (
                    <Text size="xs" c="gray.8">
                      資料：{t.materials}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={t.scope === 'internal' ? 'blue.9' : 'teal.9'}>
                    {TRAINING_SCOPE_LABELS[t.scope]}
                  </Badge>
                </Table.Td>
                <Table.Td>{t.audiences.map((a) => TRAINING_AUDIENCE_LABELS[a]).join('、')}</Table.Td>
                <Table.Td>{t.topics.map((a) => TRAINING_TOPIC_LABELS[a]).join('、') || '—'}</Table.Td>
                <Table.Td ta="right" className="nowrap">
                  {t.participantsTotal}人
                </Table.Td>
                {data.canWrite && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(t)}>
                        変更
                      </Button>
                      <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => askRemove(t)}>
                        削除
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <TrainingForm training={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
