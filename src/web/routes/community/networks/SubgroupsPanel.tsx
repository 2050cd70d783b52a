import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import { confirmAction } from '../../../components/confirm';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useNetworkChange } from './network-change';

type Subgroup = Network['subgroups'][number];

/** 部会: add, rename, and remove one that nothing uses any more. */
export function SubgroupsPanel({ network }: { network: Network }) {
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const add = useNetworkChange(network.id, '部会を加えました。', () => setName(''));
  const rename = useNetworkChange(network.id, '部会の名前を変えました。', () => setRenaming(null));
  const remove = useNetworkChange(network.id, '部会を削除しました。');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ method: 'POST', path: '/subgroups', body: { name } });
  };
  const saveName = (event: FormEvent) => {
    event.preventDefault();
    if (renaming)
      rename.mutate({ method: 'PUT', path: `/subgroups/${renaming.id}`, body: { name: renaming.name } });
  };
  const askRemove = (s: Subgroup) =>
    confirmAction({
      title: `「${s.name}」を削除しますか`,
      message: '会員・イベント・会議体が結びついている部会は削除できません。削除すると元に戻せません。',
      confirmLabel: '部会を削除',
      danger: true,
      onConfirm: () => remove.mutate({ method: 'DELETE', path: `/subgroups/${s.id}` }),
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subgroups-title">
      <Stack>
        <Title order={2} size="h4" id="subgroups-title">
          部会
        </Title>
        <ErrorAlert error={add.error ?? rename.error ?? remove.error} />
        {network.subgroups.length === 0 ? (
          <Text c="gray.8" size="sm">
            部会はありません。{network.canWrite && '部会に分けて活動する場合は、下の欄から加えてください。'}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>部会</Table.Th>
                <Table.Th ta="right">会員</Table.Th>
                <Table.Th ta="right" className="nowrap">
                  イベント
                </Table.Th>
                <Table.Th ta="right" className="nowrap">
                  会議体
                </Table.Th>
                {network.canWrite && <Table.Th aria-label="操作" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {network.subgroups.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {renaming?.id === s.id ? (
                      <form onSubmit={saveName}>
                        <Group gap="xs" wrap="nowrap">
                          <TextInput
                            aria-label="部会の新しい名前"
                            size="xs"
                            data-autofocus
                            value={renaming.name}
                            onChange={(e) => setRenaming({ id: s.id, name: e.currentTarget.value })}
                          />
                          <Button size="xs" type="submit" loading={rename.isPending}>
                            保存
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setRenaming(null)}>
                            キャンセル
                          </Button>
                        </Group>
                      </form>
                    ) : (
                      s.name
                    )}
                  </Table.Td>
                  <Table.Td ta="right" className="nowrap">
                    {s.memberCount}団体
                  </Table.Td>
                  <Table.Td ta="right" className="nowrap">
                    {s.eventCount}件
                  </Table.Td>
                  <Table.Td ta="right">{s.bodyCount}</Table.Td>
                  {network.canWrite && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setRenaming({ id: s.id, name: s.name })}
                        >
                          名前を変える
                        </Button>
                        <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => askRemove(s)}>
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
        {network.canWrite && (
          <form onSubmit={submit}>
            <Group align="flex-end">
              <TextInput
                label="部会を加える"
                placeholder="例：居場所部会"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <Button type="submit" variant="light" loading={add.isPending} disabled={!name.trim()}>
                加える
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
