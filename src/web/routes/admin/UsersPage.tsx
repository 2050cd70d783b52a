import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '../../../modules/users/users.schemas';
import { ROLE_LABELS } from '../../../shared/vocabulary';
import { confirmAction } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { api, apiGet } from '../../lib/api';
import { organisationsQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';
import { useSession } from '../../lib/session';
import { MembershipForm, NewUserForm, PasswordForm } from './UserForms';

export const usersQuery = queryOptions({
  queryKey: ['admin-users'],
  queryFn: async () => (await apiGet<{ users: User[] }>('/api/admin/users')).users,
});

type Dialog = { kind: 'new' } | { kind: 'membership'; user: User } | { kind: 'password'; user: User };

export function UsersPage() {
  const session = useSession();
  const { data: users } = useSuspenseQuery(usersQuery);
  const { data: organisations } = useSuspenseQuery(organisationsQuery);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const invalidate = [usersQuery.queryKey];

  const setActive = useApiMutation(
    (user: User) => api('PATCH', `/api/admin/users/${user.id}`, { isActive: !user.isActive }),
    { invalidate, success: '利用者の状態を変更しました。' },
  );
  const removeMembership = useApiMutation(
    ({ user, membershipId }: { user: User; membershipId: string }) =>
      api('DELETE', `/api/admin/users/${user.id}/memberships/${membershipId}`),
    { invalidate, success: '所属を削除しました。' },
  );

  const confirmActive = (user: User) =>
    confirmAction({
      title: user.isActive ? 'アカウントを停止しますか' : 'アカウントを再開しますか',
      message: user.isActive
        ? `${user.displayName}さんはログインできなくなり、ログイン中の画面も終了します。記録は残ります。`
        : `${user.displayName}さんが再びログインできるようにします。`,
      confirmLabel: user.isActive ? '停止する' : '再開する',
      danger: user.isActive,
      onConfirm: () => setActive.mutate(user),
    });

  const confirmRemove = (user: User, membership: User['memberships'][number]) =>
    confirmAction({
      title: '所属を削除しますか',
      message: `${user.displayName}さんの「${membership.organisationName}／${ROLE_LABELS[membership.role]}」を削除します。この所属でしかできない操作は、できなくなります。`,
      confirmLabel: '削除する',
      danger: true,
      onConfirm: () => removeMembership.mutate({ user, membershipId: membership.id }),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          職員・権限
        </Title>
        <Button onClick={() => setDialog({ kind: 'new' })}>職員を追加</Button>
      </Group>
      <Text c="gray.8">
        一人の職員が複数の機関に所属できます。見られる情報とできる操作は、所属ごとの役割で決まります。
      </Text>
      {users.length === 0 ? (
        <EmptyState title="職員がまだ登録されていません">「職員を追加」から登録してください。</EmptyState>
      ) : (
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>氏名</Table.Th>
              <Table.Th>ログインID</Table.Th>
              <Table.Th>所属と役割</Table.Th>
              <Table.Th>状態</Table.Th>
              <Table.Th>
                <span className="visually-hidden">操作</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text fw={500}>{user.displayName}</Text>
                  <Text size="xs" c="gray.7">
                    {user.displayNameKana}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <code>{user.loginId}</code>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {user.memberships.length === 0 && (
                      <Text size="sm" c="red.8">
                        所属なし（何も表示されません）
                      </Text>
                    )}
                    {user.memberships.map((m) => (
                      <Group key={m.id} gap={6} wrap="nowrap">
                        <Text size="sm">
                          {m.organisationName}／{ROLE_LABELS[m.role]}
                        </Text>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => confirmRemove(user, m)}
                          aria-label={`${m.organisationName}の所属を削除`}
                        >
                          削除
                        </Button>
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td className="nowrap">
                  {user.isActive ? '利用中' : <Badge color="gray">停止中</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setDialog({ kind: 'membership', user })}
                    >
                      所属を追加
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setDialog({ kind: 'password', user })}
                    >
                      パスワード再設定
                    </Button>
                    {user.id !== session.user.id && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color={user.isActive ? 'red' : 'teal'}
                        onClick={() => confirmActive(user)}
                      >
                        {user.isActive ? '停止' : '再開'}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog?.kind === 'new' && (
        <NewUserForm organisations={organisations} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'membership' && (
        <MembershipForm user={dialog.user} organisations={organisations} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'password' && <PasswordForm user={dialog.user} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
