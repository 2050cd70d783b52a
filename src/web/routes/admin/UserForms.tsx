import { Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import type { User } from '../../../modules/users/users.schemas';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';

const invalidate = [['admin-users']];
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const organisationOptions = (organisations: Organisation[]) =>
  organisations.filter((o) => o.isActive).map((o) => ({ value: o.id, label: o.name }));

export function NewUserForm({
  organisations,
  onClose,
}: {
  organisations: Organisation[];
  onClose: () => void;
}) {
  const [loginId, setLoginId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [kana, setKana] = useState('');
  const [password, setPassword] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const save = useApiMutation((body: unknown) => api('POST', '/api/admin/users', body), {
    invalidate,
    success: '職員を登録しました。',
    onDone: onClose,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      loginId,
      displayName,
      displayNameKana: kana || null,
      password,
      memberships: organisationId && role ? [{ organisationId, role }] : [],
    });
  };
  return (
    <Modal opened onClose={onClose} title="職員の追加" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="氏名"
            required
            data-autofocus
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldError(save.error, 'displayName')}
          />
          <TextInput label="フリガナ" value={kana} onChange={(e) => setKana(e.currentTarget.value)} />
          <TextInput
            label="ログインID"
            description="半角英数字と . _ - （3〜64文字）"
            required
            value={loginId}
            onChange={(e) => setLoginId(e.currentTarget.value)}
            error={fieldError(save.error, 'loginId')}
          />
          <PasswordInput
            label="初期パスワード"
            description="10文字以上。本人に安全な方法で伝えてください。"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(save.error, 'password')}
          />
          <Group grow align="flex-start">
            <Select
              label="所属機関"
              data={organisationOptions(organisations)}
              value={organisationId}
              onChange={setOrganisationId}
              searchable
            />
            <Select
              label="役割"
              data={roleOptions}
              value={role}
              onChange={(v) => setRole(v as Role | null)}
            />
          </Group>
          <FormButtons onCancel={onClose} busy={save.isPending} label="登録" />
        </Stack>
      </form>
    </Modal>
  );
}

export function MembershipForm({
  user,
  organisations,
  onClose,
}: {
  user: User;
  organisations: Organisation[];
  onClose: () => void;
}) {
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const save = useApiMutation(
    (body: unknown) => api('POST', `/api/admin/users/${user.id}/memberships`, body),
    {
      invalidate,
      success: '所属を追加しました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ organisationId, role });
  };
  return (
    <Modal opened onClose={onClose} title={`${user.displayName}さんの所属を追加`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label="所属機関"
            required
            data-autofocus
            data={organisationOptions(organisations)}
            value={organisationId}
            onChange={setOrganisationId}
            searchable
            error={fieldError(save.error, 'organisationId')}
          />
          <Select
            label="役割"
            required
            data={roleOptions}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            error={fieldError(save.error, 'role')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="追加" />
        </Stack>
      </form>
    </Modal>
  );
}

export function PasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const save = useApiMutation(
    (value: string) => api('POST', `/api/admin/users/${user.id}/password`, { password: value }),
    {
      invalidate,
      success: 'パスワードを再設定しました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(password);
  };
  return (
    <Modal opened onClose={onClose} title={`${user.displayName}さんのパスワード再設定`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">再設定すると、この職員のログイン中の画面はすべて終了します。</Text>
          <ErrorAlert error={save.error} />
          <PasswordInput
            label="新しいパスワード"
            description="10文字以上"
            required
            data-autofocus
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(save.error, 'password')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="再設定" />
        </Stack>
      </form>
    </Modal>
  );
}
