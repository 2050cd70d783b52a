import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import {
  FIELD_LABELS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  STATUTORY_FUNCTION_LABELS,
} from '../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { areasQuery, organisationsQuery } from '../../lib/directory';
import { OrganisationForm } from './OrganisationForm';
import { OrganisationRowActions, OrganisationStatus } from './OrganisationRowActions';

const kindOrder = (o: Organisation) => ORGANISATION_KINDS.indexOf(o.kind);

export function OrganisationsPage() {
  const { data: organisations } = useSuspenseQuery(organisationsQuery);
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const sorted = organisations
    .filter((o) => !o.external)
    .sort((a, b) => kindOrder(a) - kindOrder(b) || a.name.localeCompare(b.name, 'ja'));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          機関
        </Title>
        <Button onClick={() => setEditing('new')}>機関を追加</Button>
      </Group>
      <Text c="gray.8">
        相談を受け、つなぎ、支援にあたる機関と、その法定機能（第1号〜第6号）・分野です。保護観察所やハローワークなど、ログインしない機関は
        <Link to={'/partners' as string}>外部の関係機関</Link>で登録します。
      </Text>
      {sorted.length === 0 ? (
        <EmptyState
          title="機関がまだ登録されていません"
          action={<Button onClick={() => setEditing('new')}>最初の機関を追加</Button>}
        >
          地域包括支援センターや自立相談支援機関など、事業に参加する機関を登録してください。
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>機関名</Table.Th>
              <Table.Th>種別</Table.Th>
              <Table.Th>法定機能</Table.Th>
              <Table.Th>分野</Table.Th>
              <Table.Th>地区</Table.Th>
              <Table.Th>状態</Table.Th>
              <Table.Th>
                <span className="visually-hidden">操作</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td fw={500}>{o.name}</Table.Td>
                <Table.Td>{ORGANISATION_KIND_LABELS[o.kind]}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {o.functions.map((f) => (
                      <Badge key={f} variant="light" color="teal" title={STATUTORY_FUNCTION_LABELS[f]}>
                        {STATUTORY_FUNCTION_LABELS[f].split(' ')[0]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{o.fields.map((f) => FIELD_LABELS[f]).join('・')}</Table.Td>
                <Table.Td className="nowrap">{o.areaId ? areaName.get(o.areaId) : '—'}</Table.Td>
                <Table.Td className="nowrap">
                  <OrganisationStatus active={o.isActive} />
                </Table.Td>
                <Table.Td>
                  <OrganisationRowActions
                    organisation={o}
                    noun="機関"
                    shownAs="つなぎ先の候補"
                    onEdit={() => setEditing(o)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <OrganisationForm
          organisation={editing === 'new' ? null : editing}
          areas={areas}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
