import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Session } from '../../../modules/meetings/meetings.schemas';
import { confirmAction } from '../../components/confirm';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { todayInJapan } from '../cases/case-queries';
import { staffQuery, useSessionChange } from './meeting-queries';

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
              <Table.Th>区分</Table.Th>
              {session.confidentialityBound && <Table.Th>守秘義務の説明</Table.Th>}
              {session.canRun && open && <Table.Th>操作</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {session.attendees.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.affiliation ?? '—'}</Table.Td>
                <Table.Td>
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
  const staff = useQuery(staffQuery);
  const [userId, setUserId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [notifiedOn, setNotifiedOn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({
      body: {
        userId,
        name: userId ? null : name,
        affiliation,
        confidentialityNotifiedOn: notifiedOn || null,
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title="ゲストを加える" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={add.error} />
          <Select
            label="システムを使う職員・構成員から選ぶ"
            description="弁護士・保護観察官など、ログインして資料を見る方はここから選びます。"
            searchable
            clearable
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.organisation}）` }))}
            value={userId}
            onChange={setUserId}
          />
          {!userId && (
            <Group grow>
              <TextInput label="または氏名" value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <TextInput
                label="所属"
                value={affiliation}
                onChange={(e) => setAffiliation(e.currentTarget.value)}
              />
            </Group>
          )}
          {session.confidentialityBound && (
            <TextInput
              type="date"
              label="守秘義務を説明した日"
              description="記録がないゲストは、議題と資料を見られません。"
              max={todayInJapan()}
              value={notifiedOn}
              onChange={(e) => setNotifiedOn(e.currentTarget.value)}
            />
          )}
          <FormButtons onCancel={onClose} busy={add.isPending} label="加える" />
        </Stack>
      </form>
    </Modal>
  );
}
