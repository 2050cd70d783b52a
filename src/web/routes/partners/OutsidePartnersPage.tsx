import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import { ORGANISATION_KIND_LABELS } from '../../../shared/vocabulary';
import { confirmAction } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { api } from '../../lib/api';
import { organisationsQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';
import { OutsidePartnerForm } from './OutsidePartnerForm';

/** 外部の関係機関: partners of the 支援会議 that have no login (保護観察所, ハローワーク, 医療機関…). */
export function OutsidePartnersPage() {
  const { data: organisations } = useSuspenseQuery(organisationsQuery);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const partners = organisations
    .filter((o) => o.external)
    .sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, 'ja'));
  const toggleActive = useApiMutation(
    (o: Organisation) =>
      api('PATCH', `/api/organisations/${o.id}`, { isActive: !o.isActive, version: o.version }),
    { invalidate: [organisationsQuery.queryKey], success: '外部の関係機関の状態を変更しました。' },
  );
  const confirmToggle = (o: Organisation) =>
    confirmAction({
      title: o.isActive ? '外部の関係機関を停止しますか' : '外部の関係機関を再開しますか',
      message: o.isActive
        ? `「${o.name}」を停止すると、チームやつなぎ先の候補に表示されなくなります。これまでの記録は残ります。`
        : `「${o.name}」を再びチームやつなぎ先の候補に表示します。`,
      confirmLabel: o.isActive ? '停止する' : '再開する',
      danger: o.isActive,
      onConfirm: () => toggleActive.mutate(o),
    });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            外部の関係機関
          </Title>
          <Text c="gray.8" maw={820}>
            保護観察所・保護司・居住支援法人・ハローワーク・医療機関・弁護士など、システムにログインしない機関です。事例のチームに加えて、プランの役割や会議の宿題を担当できます。記録は主担当の機関かコーディネーターが行い、つなぎは送った機関が「連絡した」「受け入れ」「見送り」を記録します。
          </Text>
        </div>
        <Button onClick={() => setEditing('new')}>外部の関係機関を登録</Button>
      </Group>
      {partners.length === 0 ? (
        <EmptyState
          title="外部の関係機関はまだ登録されていません"
          action={<Button onClick={() => setEditing('new')}>最初の機関を登録</Button>}
        >
          支援会議に加わる保護観察所やハローワークなどを登録すると、事例のチーム・エコマップ・つなぎ先に選べるようになります。
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>機関名</Table.Th>
              <Table.Th>種別</Table.Th>
              <Table.Th>先方の担当者</Table.Th>
              <Table.Th>電話番号</Table.Th>
              <Table.Th>状態</Table.Th>
              <Table.Th>
                <span className="visually-hidden">操作</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partners.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td fw={500}>{o.name}</Table.Td>
                <Table.Td className="nowrap">{ORGANISATION_KIND_LABELS[o.kind]}</Table.Td>
                <Table.Td>{o.contactPerson ?? '—'}</Table.Td>
                <Table.Td className="nowrap">{o.phone ?? '—'}</Table.Td>
                <Table.Td className="nowrap">
                  {o.isActive ? '利用中' : <Badge color="gray">停止中</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`${o.name}を編集`}
                      onClick={() => setEditing(o)}
                    >
                      編集
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color={o.isActive ? 'red' : 'teal'}
                      aria-label={`${o.name}を${o.isActive ? '停止' : '再開'}`}
                      onClick={() => confirmToggle(o)}
                    >
                      {o.isActive ? '停止' : '再開'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <OutsidePartnerForm partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
