import { Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Session } from '../../../modules/meetings/meetings.schemas';
import { DateText } from '../../components/DateText';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { agencyGroups, organisationsQuery } from '../../lib/directory';
import { useSessionChange } from './meeting-queries';

/** 宿題: who undertook what by when; each shows in its organisation's work queue until done. */
export function ActionItemsPanel({ session }: { session: Session }) {
  const [adding, setAdding] = useState(false);
  const itemTitle = (id: string | null) => {
    const item = session.items.find((i) => i.id === id);
    return item ? (item.caseTitle ?? item.title) : '会議全体';
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h5">
          宿題（担当・期限）
        </Title>
        {session.canRun && (
          <Button variant="default" size="xs" onClick={() => setAdding(true)}>
            宿題を加える
          </Button>
        )}
      </Group>
      {session.actionItems.length === 0 ? (
        <Text size="sm" c="gray.8">
          宿題はまだありません。会議で引き受けたことを、担当の機関と期限つきで記録すると、その機関の「対応が必要なこと」に出ます。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>内容</Table.Th>
              <Table.Th>議題</Table.Th>
              <Table.Th>担当</Table.Th>
              <Table.Th>期限</Table.Th>
              <Table.Th>状況</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {session.actionItems.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.description}</Table.Td>
                <Table.Td>{itemTitle(a.itemId)}</Table.Td>
                <Table.Td>
                  {a.ownerOrganisationName}
                  {a.ownerUserName && `（${a.ownerUserName}）`}
                </Table.Td>
                <Table.Td>
                  <DateText value={a.dueOn} />
                </Table.Td>
                <Table.Td>{a.doneOn ? '完了' : '未完了'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <ActionItemDialog session={session} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function ActionItemDialog({ session, onClose }: { session: Session; onClose: () => void }) {
  const add = useSessionChange(session.id, 'POST', '/action-items', '宿題を記録しました。', onClose);
  const organisations = useQuery(organisationsQuery);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ body: { description, ownerOrganisationId: owner, itemId, dueOn } });
  };
  return (
    <Modal opened onClose={onClose} title="宿題を加える" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={add.error} />
          <Textarea
            label="内容"
            required
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(add.error, 'description')}
            data-autofocus
          />
          <Select
            label="議題"
            clearable
            placeholder="会議全体"
            data={session.items
              .filter((i) => !i.removedOn)
              .map((i) => ({ value: i.id, label: i.caseTitle ?? i.title ?? '' }))}
            value={itemId}
            onChange={setItemId}
          />
          <Group grow align="flex-start">
            <Select
              label="担当の機関"
              required
              searchable
              data={agencyGroups((organisations.data ?? []).filter((o) => o.isActive))}
              value={owner}
              onChange={setOwner}
              description={
                organisations.data?.find((o) => o.id === owner)?.external
                  ? '外部の関係機関（ログインしない機関）です。事例の議題なら主担当の機関とコーディネーターが、それ以外はコーディネーターが、完了を記録します。'
                  : undefined
              }
            />
            <TextInput
              type="date"
              label="期限"
              required
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={fieldError(add.error, 'dueOn')}
            />
          </Group>
          <FormButtons onCancel={onClose} busy={add.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
