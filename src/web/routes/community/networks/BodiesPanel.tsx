import { Badge, Button, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import {
  type LegalBasis,
  NETWORK_LEGAL_BASES,
  SESSION_STATE_LABELS,
  TOPIC_KIND_LABELS,
} from '../../../../shared/meeting-vocabulary';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiGet } from '../../../lib/api';
import { useNetworkChange } from './network-change';

const bodiesQuery = {
  queryKey: ['meeting-bodies-names'],
  queryFn: () =>
    apiGet<{ items: { id: string; name: string; legalBasis: LegalBasis }[] }>('/api/meetings/bodies'),
};

/** The meeting bodies the network meets in; their sessions show topic items only. */
export function BodiesPanel({ network }: { network: Network }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bodies-title">
      <Stack>
        <Title order={2} size="h4" id="bodies-title">
          会議（{network.fiscalYearLabel}）
        </Title>
        <Text size="sm" c="gray.8">
          会議の記録から、地域課題・社会資源の開発などのテーマの議題だけを表示します（個別の事例は表示しません）。
        </Text>
        {network.bodies.length === 0 && (
          <Text size="sm">
            結びついた会議体はありません。
            {network.canWrite && '協議体や部会の会議を会議の画面で登録してから、下で結びつけてください。'}
          </Text>
        )}
        {network.bodies.map((b) => (
          <BodySessions key={b.id} network={network} body={b} />
        ))}
        {network.canWrite && <LinkBodyForm network={network} />}
      </Stack>
    </Paper>
  );
}

function BodySessions({ network, body }: { network: Network; body: Network['bodies'][number] }) {
  const unlink = useNetworkChange(network.id, '会議体の結びつきを外しました。');
  const subgroup = network.subgroups.find((s) => s.id === body.subgroupId)?.name;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={700}>{body.bodyName}</Text>
          {subgroup && (
            <Badge variant="outline" color="teal.9" radius="sm">
              {subgroup}
            </Badge>
          )}
        </Group>
        {network.canWrite && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            c="red.9"
            onClick={() =>
              confirmAction({
                title: `「${body.bodyName}」の結びつきを外しますか`,
                message: '会議の記録はそのまま残ります。このネットワークの画面に表示されなくなります。',
                confirmLabel: '結びつきを外す',
                danger: true,
                onConfirm: () => unlink.mutate({ method: 'DELETE', path: `/bodies/${body.id}` }),
              })
            }
          >
            結びつきを外す
          </Button>
        )}
      </Group>
      <ErrorAlert error={unlink.error} />
      {body.sessions.length === 0 ? (
        <Text size="sm" c="gray.8">
          この年度の開催はありません。
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>開催日</Table.Th>
              <Table.Th w={120}>状態</Table.Th>
              <Table.Th>テーマの議題</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td className="nowrap">
                  <DateText value={s.heldOn ?? s.startsAt} />
                </Table.Td>
                <Table.Td>{SESSION_STATE_LABELS[s.state]}</Table.Td>
                <Table.Td>
                  {s.topics.length === 0 ? (
                    '—'
                  ) : (
                    <List size="sm">
                      {s.topics.map((t) => (
                        <List.Item key={t.id}>
                          {TOPIC_KIND_LABELS[t.kind]}：{t.title ?? '（題名なし）'}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function LinkBodyForm({ network }: { network: Network }) {
  const bodies = useQuery(bodiesQuery);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [subgroupId, setSubgroupId] = useState<string | null>(null);
  const link = useNetworkChange(network.id, '会議体を結びつけました。', () => setBodyId(null));
  const linked = new Set(network.bodies.map((b) => b.bodyId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate({ method: 'POST', path: '/bodies', body: { bodyId, subgroupId } });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <ErrorAlert error={link.error ?? bodies.error} />
        <Group align="flex-end">
          <Select
            label="会議体を結びつける"
            w={320}
            searchable
            data={(bodies.data?.items ?? [])
              .filter((b) => !linked.has(b.id) && NETWORK_LEGAL_BASES.includes(b.legalBasis))
              .map((b) => ({ value: b.id, label: b.name }))}
            value={bodyId}
            onChange={setBodyId}
          />
          <Select
            label="部会（任意）"
            w={240}
            clearable
            data={network.subgroups.map((s) => ({ value: s.id, label: s.name }))}
            value={subgroupId}
            onChange={setSubgroupId}
          />
          <Button type="submit" variant="light" loading={link.isPending} disabled={!bodyId}>
            結びつける
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
