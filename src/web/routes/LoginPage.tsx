import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { LoginInfoResponse, SessionResponse } from '../../modules/auth/auth.schemas';
import { ROLE_LABELS } from '../../shared/vocabulary';
import { ErrorAlert } from '../components/ErrorAlert';
import { api, apiGet, setCsrfToken } from '../lib/api';
import { sessionQuery } from '../lib/session';

export function LoginPage() {
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const info = useQuery({
    queryKey: ['login-info'],
    queryFn: () => apiGet<LoginInfoResponse>('/api/auth/login-info'),
  });
  const demoLogins = info.data?.logins ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<SessionResponse>('POST', '/api/auth/login', { loginId, password });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQuery.queryKey, session);
      await navigate({ to: '/' });
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w={560} maw="100%">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={submit} aria-labelledby="login-title">
            <Stack>
              <div>
                <Title order={1} id="login-title" size="h2" c="teal.9">
                  tsunagu つなぐ
                </Title>
                <Text c="gray.8">重層的支援体制整備事業 事例調整システム</Text>
              </div>
              <ErrorAlert error={error} title="ログインできませんでした" />
              <TextInput
                label="ログインID"
                name="loginId"
                autoComplete="username"
                required
                autoFocus
                value={loginId}
                onChange={(e) => setLoginId(e.currentTarget.value)}
              />
              <PasswordInput
                label="パスワード"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={busy}>
                ログイン
              </Button>
            </Stack>
          </form>
        </Paper>
        {info.data?.setupRequired && (
          <Alert color="blue" title="初期設定が必要です">
            まだ自治体と管理者が登録されていません。サーバーで <code>npm run create-admin</code>{' '}
            を実行して、最初の管理者を作成してください（手順は README にあります）。
          </Alert>
        )}
        {demoLogins.length > 0 && (
          <Paper withBorder p="md" radius="md">
            <Alert color="yellow" title="デモモードで動いています" mb="sm">
              登録されているのは架空の市と架空の職員です。実際の個人情報は入力しないでください。
              パスワードはすべて <code>{demoLogins[0]?.password}</code> です。
            </Alert>
            <Table striped highlightOnHover>
              <Table.Caption>デモ用ログイン（クリックで入力）</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>役割</Table.Th>
                  <Table.Th>所属</Table.Th>
                  <Table.Th>ログインID</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {demoLogins.map((login) => (
                  <Table.Tr key={login.loginId}>
                    <Table.Td>{ROLE_LABELS[login.role]}</Table.Td>
                    <Table.Td>{login.organisationName}</Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => {
                          setLoginId(login.loginId);
                          setPassword(login.password);
                        }}
                      >
                        {login.loginId}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Center>
  );
}
