import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import { formatWestern } from '../../../../shared/dates';
import { CountInput } from '../../../components/CountInput';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { useNetworkChange } from './network-change';

type Event = Network['events'][number];

/** イベント・活動 of the fiscal year shown. */
export function EventsPanel({ network }: { network: Network }) {
  const [editing, setEditing] = useState<Event | 'new' | null>(null);
  const remove = useNetworkChange(network.id, 'イベント・活動の記録を削除しました。');
  const subgroupName = (id: string | null) => network.subgroups.find((s) => s.id === id)?.name ?? '全体';
  const participants = network.events.reduce((sum, e) => sum + (e.participants ?? 0), 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="events-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="events-title">
            イベント・活動（{network.fiscalYearLabel}：{network.events.length}回・延べ{participants}人）
          </Title>
          {network.canWrite && <Button onClick={() => setEditing('new')}>イベントを記録</Button>}
        </Group>
        <ErrorAlert error={remove.error} />
        {network.events.length === 0 ? (
          <EmptyState title="この年度のイベント・活動の記録はありません">
            {network.canWrite
              ? '開催したら「イベントを記録」から、開催日・名称・参加者数を記録してください。'
              : '年度を変えると、ほかの年度の記録を見られます。'}
          </EmptyState>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>開催日</Table.Th>
                <Table.Th>名称</Table.Th>
                <Table.Th>部会</Table.Th>
                <Table.Th ta="right">参加者</Table.Th>
                <Table.Th>メモ</Table.Th>
                {network.canWrite && <Table.Th aria-label="操作" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {network.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td className="nowrap">
                    <DateText value={e.heldOn} />
                  </Table.Td>
                  <Table.Td fw={700}>{e.title}</Table.Td>
                  <Table.Td className="nowrap">{subgroupName(e.subgroupId)}</Table.Td>
                  <Table.Td ta="right" className="nowrap">
                    {e.participants === null ? '—' : `${e.participants}人`}
                  </Table.Td>
                  <Table.Td>{e.notes ?? ''}</Table.Td>
                  {network.canWrite && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(e)}>
                          直す
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() =>
                            confirmAction({
                              title: `「${e.title}」の記録を削除しますか`,
                              message: '年度の開催数・参加者数からも除かれます。元に戻せません。',
                              confirmLabel: '削除',
                              danger: true,
                              onConfirm: () => remove.mutate({ method: 'DELETE', path: `/events/${e.id}` }),
                            })
                          }
                        >
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
      </Stack>
      {editing && (
        <EventDialog
          network={network}
          event={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

function EventDialog({
  network,
  event,
  onClose,
}: {
  network: Network;
  event: Event | null;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState({
    heldOn: event?.heldOn ?? formatWestern(new Date()),
    title: event?.title ?? '',
    subgroupId: event?.subgroupId ?? null,
    participants: event?.participants ?? null,
    notes: event?.notes ?? '',
  });
  const save = useNetworkChange(network.id, 'イベント・活動を記録しました。', onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...draft, notes: draft.notes || null };
    save.mutate(
      event
        ? { method: 'PUT', path: `/events/${event.id}`, body }
        : { method: 'POST', path: '/events', body },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={event ? 'イベント・活動の記録を直す' : 'イベント・活動を記録'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="名称"
            required
            data-autofocus
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            error={fieldError(save.error, 'title')}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label="開催日"
              type="date"
              required
              value={draft.heldOn}
              onChange={(e) => setDraft({ ...draft, heldOn: e.currentTarget.value })}
              error={fieldError(save.error, 'heldOn')}
            />
            <Select
              label="部会"
              clearable
              placeholder="全体"
              data={network.subgroups.map((s) => ({ value: s.id, label: s.name }))}
              value={draft.subgroupId}
              onChange={(v) => setDraft({ ...draft, subgroupId: v })}
            />
            <CountInput
              label="参加者数（人）"
              min={0}
              value={draft.participants ?? ''}
              onChange={(v) => setDraft({ ...draft, participants: typeof v === 'number' ? v : null })}
              error={fieldError(save.error, 'participants')}
            />
          </SimpleGrid>
          <Textarea
            label="メモ"
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
            error={fieldError(save.error, 'notes')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
