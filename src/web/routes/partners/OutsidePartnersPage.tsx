import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import { ORGANISATION_KIND_LABELS } from '../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { organisationsQuery } from '../../lib/directory';
import { OrganisationRowActions, OrganisationStatus } from '../admin/OrganisationRowActions';
import { OutsidePartnerForm } from './OutsidePartnerForm';

/** 外部の関係機関: partners of the 支援会議 that have no login (保護観察所, ハローワーク, 医療機関…). */
export function OutsidePartnersPage() {
  const { data: organisations } = useSuspenseQuery(organisationsQuery);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const partners = organisations
    .filter((o) => o.external)
    .sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, 'ja'));
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
                  <OrganisationStatus active={o.isActive} />
                </Table.Td>
                <Table.Td>
                  <OrganisationRowActions
                    organisation={o}
                    noun="外部の関係機関"
                    shownAs="チームやつなぎ先の候補"
                    onEdit={() => setEditing(o)}
                  />
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
