import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatWestern } from '../../../shared/dates';
import {
  RECEIVER_SUPPORT_KIND_LABELS,
  RECEIVER_SUPPORT_KINDS,
  type ReceiverSupportKind,
} from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { supportLogQuery } from './participation-queries';

/** 受け入れ先へのサポート: what was done for the receiving place. */
export function SupportLog({ resourceId }: { resourceId: string }) {
  const log = useQuery(supportLogQuery(resourceId));
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          受け入れ先へのサポート
        </Title>
        <Button variant="light" onClick={() => setAdding(true)}>
          サポートを記録
        </Button>
      </Group>
      <ErrorAlert error={log.error} title="記録を読み込めませんでした" />
      {log.data?.entries.length === 0 ? (
        <Text c="gray.7">
          まだ記録はありません。受け入れ側からの相談、調整、研修、同行などを行ったら記録してください。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>日付</Table.Th>
              <Table.Th>種類</Table.Th>
              <Table.Th>内容</Table.Th>
              <Table.Th>記録した人</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data?.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="nowrap">
                  <DateText value={e.happenedOn} />
                </Table.Td>
                <Table.Td className="nowrap">{RECEIVER_SUPPORT_KIND_LABELS[e.kind]}</Table.Td>
                <Table.Td>{e.note}</Table.Td>
                <Table.Td>
                  {e.userName}
                  {e.organisationName && <Text size="sm">{e.organisationName}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddLogDialog resourceId={resourceId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function AddLogDialog({ resourceId, onClose }: { resourceId: string; onClose: () => void }) {
  const [kind, setKind] = useState<ReceiverSupportKind | null>(null);
  const [happenedOn, setHappenedOn] = useState(formatWestern(new Date()));
  const [note, setNote] = useState('');
  const save = useApiMutation(
    () => api('POST', `/api/resources/${resourceId}/support-log`, { kind, happenedOn, note }),
    {
      invalidate: [['resource-support-log', resourceId]],
      success: 'サポートを記録しました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="受け入れ先へのサポートを記録">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label="種類"
            required
            data={RECEIVER_SUPPORT_KINDS.map((k) => ({ value: k, label: RECEIVER_SUPPORT_KIND_LABELS[k] }))}
            value={kind}
            onChange={(v) => setKind(v as ReceiverSupportKind | null)}
            error={fieldError(save.error, 'kind')}
          />
          <TextInput
            label="日付"
            type="date"
            required
            value={happenedOn}
            onChange={(e) => setHappenedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'happenedOn')}
          />
          <Textarea
            label="内容"
            required
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(save.error, 'note')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
