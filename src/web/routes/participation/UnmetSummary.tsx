import { Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { WISH_LABELS } from '../../../shared/participation-vocabulary';
import { formatSafeCount } from '../../../shared/small-counts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { resourcesQuery, type UnmetGroup, unmetQuery } from './participation-queries';

/** Wishes no resource met, by kind and area: the input of 新たなメニューの創造 (never names anyone). */
export function UnmetSummary() {
  const summary = useQuery(unmetQuery);
  const [answering, setAnswering] = useState<UnmetGroup | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unmet-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="unmet-title">
          合う場が見つからなかった希望（地区・種類ごと）
        </Title>
        {(summary.data?.groups.length ?? 0) > 0 && <ExportButton list="unmet-needs" />}
      </Group>
      <ErrorAlert error={summary.error} title="件数を表示できません" />
      {summary.data?.groups.length === 0 ? (
        <Text c="gray.7">まだ記録はありません。</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>希望</Table.Th>
              <Table.Th>地区</Table.Th>
              <Table.Th ta="right">応えられていない</Table.Th>
              <Table.Th ta="right">新しい場で応えた</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.data?.groups.map((g) => (
              <Table.Tr key={`${g.wish}-${g.areaId}`}>
                <Table.Td>{WISH_LABELS[g.wish]}</Table.Td>
                <Table.Td>{g.areaName ?? '地区未設定'}</Table.Td>
                <Table.Td ta="right">{formatSafeCount(g.open)}</Table.Td>
                <Table.Td ta="right">{formatSafeCount(g.answered)}</Table.Td>
                <Table.Td>
                  {(g.open.count ?? 1) > 0 && (
                    <Button size="xs" variant="default" onClick={() => setAnswering(g)}>
                      新しい場と結びつける
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="gray.8" mt="xs">
        件数だけを表示しています。1〜4件は「5件未満」と表示され、個人は特定されません。希望に応える場をつくったら、
        社会資源に登録して「新しい場と結びつける」で記録します。
      </Text>
      {answering && <AnswerDialog group={answering} onClose={() => setAnswering(null)} />}
    </Paper>
  );
}

/** 新たなメニューの創造: the resource created for them answers the open wishes of that kind and area. */
function AnswerDialog({ group, onClose }: { group: UnmetGroup; onClose: () => void }) {
  const list = useQuery(resourcesQuery({ areaId: group.areaId ?? undefined }));
  const [resourceId, setResourceId] = useState<string | null>(null);
  const save = useApiMutation(
    () =>
      api('POST', '/api/participation/unmet-needs/answer', {
        resourceId,
        wish: group.wish,
        areaId: group.areaId,
      }),
    { invalidate: [['participation-unmet']], success: '新しい場と結びつけました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="新しい場と結びつける">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm">
            「{WISH_LABELS[group.wish]}」（{group.areaName ?? '地区未設定'}
            ）の、まだ応えられていない希望を、選んだ社会資源で
            応えたものとして記録します。資源がまだ一覧にないときは、先に「社会資源」で登録してください。
          </Text>
          <Select
            label="応えた社会資源"
            required
            searchable
            data={(list.data?.resources ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={resourceId}
            onChange={setResourceId}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="結びつける" />
        </Stack>
      </form>
    </Modal>
  );
}
