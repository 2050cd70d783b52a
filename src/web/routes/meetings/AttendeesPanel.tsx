import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../modules/meetings/meetings.schemas';
import { confirmAction } from '../../components/confirm';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInJapan } from '../cases/case-queries';
import { MeetingPersonDialog } from './MeetingPersonDialog';
import { useSessionChange } from './meeting-queries';

/** 出席者: members and guests; at a confidentiality-bound body, when each was told of the duty. */
export function AttendeesPanel({ session }: { session: Session }) {
  const [adding, setAdding] = useState(false);
  const notice = useSessionChange(session.id, 'PATCH', '/attendees/', '守秘義務の説明を記録しました。');
  const remove = useSessionChange(session.id, 'DELETE', '/attendees/', '出席者から外しました。');
  const open = session.state !== 'held';
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            出席者（{session.attendees.length}人）
          </Title>
          {session.canRun && open && (
            <Button variant="default" onClick={() => setAdding(true)}>
              ゲストを加える
            </Button>
          )}
        </Group>
        <ErrorAlert error={notice.error ?? remove.error} />
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>氏名</Table.Th>
              <Table.Th>所属</Table.Th>
              <Table.Th className="nowrap">区分</Table.Th>
              {session.confidentialityBound && <Table.Th>守秘義務の説明</Table.Th>}
              {session.canRun && open && <Table.Th>操作</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {session.attendees.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.affiliation ?? '—'}</Table.Td>
                <Table.Td className="nowrap">
                  <Badge variant="light" color={a.isGuest ? 'grape' : 'gray'}>
                    {a.isGuest ? 'ゲスト' : '構成員'}
                  </Badge>
                </Table.Td>
                {session.confidentialityBound && (
                  <Table.Td>
                    {a.confidentialityNotifiedOn ? (
                      <DateText value={a.confidentialityNotifiedOn} />
                    ) : (
                      <Group gap="xs">
                        <Text size="sm" c="orange.9" fw={700}>
                          未記録（議題・資料は見られません）
                        </Text>
                        {session.canRun && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() =>
                              notice.mutate({
                                sub: a.id,
                                body: { confidentialityNotifiedOn: todayInJapan() },
                              })
                            }
                          >
                            今日説明した
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                )}
                {session.canRun && open && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        confirmAction({
                          title: '出席者から外しますか',
                          message: `${a.name}さんをこの会議の出席者から外します。議題と資料は見られなくなります。`,
                          confirmLabel: '外す',
                          danger: true,
                          onConfirm: () => remove.mutate({ sub: a.id }),
                        })
                      }
                    >
                      外す
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {adding && <GuestDialog session={session} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function GuestDialog({ session, onClose }: { session: Session; onClose: () => void }) {
  const add = useSessionChange(session.id, 'POST', '/attendees', 'ゲストを加えました。', onClose);
  return (
    <MeetingPersonDialog
      title="ゲストを加える"
      pickLabel="システムを使う職員・構成員から選ぶ"
      pickDescription="弁護士・保護観察官など、ログインして資料を見る方はここから選びます。"
      nameLabel="または氏名"
      confidentialityBound={session.confidentialityBound}
      submitLabel="加える"
      busy={add.isPending}
      error={add.error}
      onSubmit={(input) => add.mutate({ body: input })}
      onClose={onClose}
    />
  );
}
