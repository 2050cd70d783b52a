import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Body } from '../../../modules/meetings/meetings.schemas';
import { LEGAL_BASIS_LABELS, TIER_LABELS } from '../../../shared/meeting-vocabulary';
import { confirmAction } from '../../components/confirm';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { todayInJapan } from '../cases/case-queries';
import { BodyDialog, MemberDialog } from './BodyDialogs';
import { BulkMembersDialog } from './BulkMembersDialog';
import { MemberEditDialog } from './MemberEditDialog';
import { bodiesQuery, MEETINGS } from './meeting-queries';

/** 会議体: the municipality's standing meetings, the law they sit under, and their members. */
export function BodiesPage() {
  const { data } = useSuspenseQuery(bodiesQuery);
  const [editing, setEditing] = useState<Body | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text c="gray.8" size="sm">
            <Link to={MEETINGS}>会議</Link> ／ 会議体
          </Text>
          <Title order={1} size="h2">
            会議体
          </Title>
          <Text c="gray.8">
            会議の根拠（法律）によって、本人の同意がない事例を検討できるか、構成員に守秘義務の説明が要るかが決まります。
          </Text>
        </div>
        <Group>
          <ExportButton list="meeting-bodies" />
          {data.canRun && <Button onClick={() => setEditing('new')}>会議体を追加</Button>}
        </Group>
      </Group>
      {data.items.map((body) => (
        <BodyCard key={body.id} body={body} canRun={data.canRun} onEdit={() => setEditing(body)} />
      ))}
      {editing && <BodyDialog body={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function BodyCard({ body, canRun, onEdit }: { body: Body; canRun: boolean; onEdit: () => void }) {
  const [adding, setAdding] = useState(false);
  const [addingMany, setAddingMany] = useState(false);
  const [editingMember, setEditingMember] = useState<Body['members'][number] | null>(null);
  const notice = useApiMutation(
    (m: Body['members'][number]) =>
      api('PATCH', `/api/meetings/bodies/${body.id}/members/${m.id}`, {
        confidentialityNotifiedOn: todayInJapan(),
        version: m.version,
      }),
    { invalidate: [bodiesQuery.queryKey], success: '守秘義務の説明を記録しました。' },
  );
  const leave = useApiMutation(
    (m: Body['members'][number]) =>
      api('PATCH', `/api/meetings/bodies/${body.id}/members/${m.id}`, {
        leftOn: todayInJapan(),
        version: m.version,
      }),
    { invalidate: [bodiesQuery.queryKey], success: '退任を記録しました。これまでの構成員に残ります。' },
  );
  const restore = useApiMutation(
    (m: Body['members'][number]) =>
      api('PATCH', `/api/meetings/bodies/${body.id}/members/${m.id}`, { leftOn: null, version: m.version }),
    { invalidate: [bodiesQuery.queryKey], success: '構成員に戻しました。' },
  );
  const members = body.members.filter((m) => !m.leftOn);
  const former = body.members.filter((m) => m.leftOn);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h4">
              {body.name}
            </Title>
            <Badge variant="light">{LEGAL_BASIS_LABELS[body.legalBasis]}</Badge>
            {body.tier && (
              <Badge variant="light" color="grape">
                {TIER_LABELS[body.tier]}
              </Badge>
            )}
            {body.themesOnly ? (
              <Badge variant="outline" color="gray.8">
                事例は扱わない（テーマのみ）
              </Badge>
            ) : (
              <Badge variant="outline" color={body.requiresConsent ? 'teal' : 'indigo'}>
                {body.requiresConsent ? '本人の同意が必要' : '同意なしで検討できる（守秘義務）'}
              </Badge>
            )}
            {!body.isActive && <Badge color="gray">使用停止</Badge>}
          </Group>
          {canRun && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setAdding(true)}>
                構成員を追加
              </Button>
              <Button size="xs" variant="default" onClick={() => setAddingMany(true)}>
                まとめて追加
              </Button>
              <Button size="xs" variant="default" onClick={onEdit}>
                設定を変更
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">開催：{body.cadence ?? '—'}</Text>
        <ErrorAlert error={notice.error} />
        {members.length === 0 ? (
          <Text size="sm" c="gray.8">
            構成員はまだいません。「構成員を追加」で職員や外部の方を加えると、会議の出席者として入ります。
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>構成員</Table.Th>
                <Table.Th>所属</Table.Th>
                <Table.Th>役職</Table.Th>
                <Table.Th className="nowrap">構成員になった日</Table.Th>
                {body.confidentialityBound && <Table.Th>守秘義務の説明</Table.Th>}
                {canRun && <Table.Th aria-label="操作" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.affiliation ?? '—'}</Table.Td>
                  <Table.Td>{m.title ?? '—'}</Table.Td>
                  <Table.Td className="nowrap">
                    <DateText value={m.joinedOn} />
                  </Table.Td>
                  {body.confidentialityBound && (
                    <Table.Td>
                      {m.confidentialityNotifiedOn ? (
                        <DateText value={m.confidentialityNotifiedOn} />
                      ) : (
                        <Group gap="xs">
                          <Text size="sm" c="orange.9" fw={700}>
                            未記録
                          </Text>
                          {canRun && (
                            <Button size="xs" variant="default" onClick={() => notice.mutate(m)}>
                              今日説明した
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  )}
                  {canRun && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${m.name}さんの所属・役職を編集`}
                          onClick={() => setEditingMember(m)}
                        >
                          編集
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            confirmAction({
                              title: '退任を記録しますか',
                              message: `${m.name}さんを「${body.name}」の構成員から外します（今日の日付で退任）。これからの会議の出席予定者には入らなくなります。記録は「これまでの構成員」に残ります。`,
                              confirmLabel: '退任を記録',
                              danger: true,
                              onConfirm: () => leave.mutate(m),
                            })
                          }
                        >
                          退任
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <ErrorAlert error={leave.error ?? restore.error} />
        {former.length > 0 && (
          <details>
            <summary>これまでの構成員（{former.length}人）</summary>
            <List size="sm" mt={4}>
              {former.map((m) => (
                <List.Item key={m.id}>
                  {m.name}（{[m.affiliation, m.title].filter(Boolean).join('・') || '所属なし'}）：
                  <DateText value={m.joinedOn} />〜<DateText value={m.leftOn ?? ''} />
                  {canRun && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      ml="xs"
                      onClick={() =>
                        confirmAction({
                          title: '構成員に戻しますか',
                          message: `${m.name}さんの退任の記録を取り消し、「${body.name}」の構成員に戻します。これから予定する会議の出席予定者に入ります（すでに予定した会議には「出席者を加える」で加えてください）。`,
                          confirmLabel: '構成員に戻す',
                          onConfirm: () => restore.mutate(m),
                        })
                      }
                    >
                      構成員に戻す
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          </details>
        )}
      </Stack>
      {adding && <MemberDialog body={body} onClose={() => setAdding(false)} />}
      {addingMany && <BulkMembersDialog body={body} onClose={() => setAddingMany(false)} />}
      {editingMember && (
        <MemberEditDialog body={body} member={editingMember} onClose={() => setEditingMember(null)} />
      )}
    </Paper>
  );
}
