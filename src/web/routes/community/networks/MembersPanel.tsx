import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import { OPERATOR_KIND_LABELS } from '../../../../shared/participation-vocabulary';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MemberDialog } from './MemberDialog';
import { useNetworkChange } from './network-change';

type Member = Network['members'][number];

/** 会員: the operators of the resource directory that take part, by 部会. */
export function MembersPanel({ network }: { network: Network }) {
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const remove = useNetworkChange(network.id, '会員から外しました。');
  const subgroupName = (id: string) => network.subgroups.find((s) => s.id === id)?.name;
  const askRemove = (m: Member) =>
    confirmAction({
      title: `「${m.operatorName}」を会員から外しますか`,
      message: '社会資源の運営団体としての登録はそのまま残ります。',
      confirmLabel: '会員から外す',
      danger: true,
      onConfirm: () => remove.mutate({ method: 'DELETE', path: `/members/${m.id}` }),
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="members-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="members-title">
            会員（{network.members.length}団体）
          </Title>
          {network.canWrite && <Button onClick={() => setEditing('new')}>会員を加える</Button>}
        </Group>
        <ErrorAlert error={remove.error} />
        {network.members.length === 0 ? (
          <EmptyState title="会員はまだいません">
            {network.canWrite
              ? '「会員を加える」から、社会資源の運営団体を選んでください。まだ登録されていない団体もその場で登録できます。'
              : '会員の登録は、地域づくりの担当者が行います。'}
          </EmptyState>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>団体</Table.Th>
                <Table.Th>種別</Table.Th>
                <Table.Th>部会</Table.Th>
                <Table.Th>参加した日</Table.Th>
                {network.canWrite && <Table.Th aria-label="操作" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {network.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={700}>{m.operatorName}</Table.Td>
                  <Table.Td className="nowrap">{OPERATOR_KIND_LABELS[m.operatorKind]}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.subgroupIds.map((id) => (
                        <Badge key={id} variant="outline" color="teal.9" radius="sm">
                          {subgroupName(id)}
                        </Badge>
                      ))}
                      {m.subgroupIds.length === 0 && <Text size="sm">—</Text>}
                    </Group>
                  </Table.Td>
                  <Table.Td className="nowrap">{m.joinedOn ? <DateText value={m.joinedOn} /> : '—'}</Table.Td>
                  {network.canWrite && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(m)}>
                          部会・参加日
                        </Button>
                        <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => askRemove(m)}>
                          外す
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
        <MemberDialog
          network={network}
          member={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
