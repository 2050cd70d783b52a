import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { TenantSettings } from '../../../modules/tenants/tenants.schemas';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { api, apiGet } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';

type Settings = TenantSettings;
type Issue = { code: string; label: string; sensitive: boolean };

const settingsQuery = queryOptions({
  queryKey: ['settings'],
  queryFn: () => apiGet<Settings>('/api/settings'),
});
const issuesQuery = queryOptions({
  queryKey: ['issues'],
  queryFn: () => apiGet<{ issues: Issue[] }>('/api/consultations/issues'),
});

export function SettingsPage() {
  const { data: settings } = useSuspenseQuery(settingsQuery);
  const { data: vocabulary } = useSuspenseQuery(issuesQuery);
  const [days, setDays] = useState<number | string>(settings.referralOverdueDays);
  const [quietDays, setQuietDays] = useState<number | string>(settings.caseInactivityDays);
  const [packetDays, setPacketDays] = useState<number | string>(settings.packetWindowDays);
  const [staleDays, setStaleDays] = useState<number | string>(settings.outreachStaleDays);
  const [backdateDays, setBackdateDays] = useState<number | string>(settings.backdateLimitDays);
  const [verifyDays, setVerifyDays] = useState<number | string>(settings.resourceVerifyDays);
  const [publicDirectory, setPublicDirectory] = useState(settings.publicDirectory);
  const [label, setLabel] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const saveDays = useApiMutation(
    (value: Omit<Settings, 'name' | 'code'>) => api('PATCH', '/api/settings', value),
    {
      invalidate: [settingsQuery.queryKey],
      success: '設定を保存しました。',
    },
  );
  const addIssue = useApiMutation((body: unknown) => api('POST', '/api/consultations/issues', body), {
    invalidate: [issuesQuery.queryKey],
    success: '課題を追加しました。',
    onDone: () => {
      setLabel('');
      setSensitive(false);
    },
  });
  const submitDays = (event: FormEvent) => {
    event.preventDefault();
    saveDays.mutate({
      referralOverdueDays: Number(days),
      caseInactivityDays: Number(quietDays),
      packetWindowDays: Number(packetDays),
      outreachStaleDays: Number(staleDays),
      backdateLimitDays: Number(backdateDays),
      resourceVerifyDays: Number(verifyDays),
      publicDirectory,
      version: settings.version,
    });
  };
  const submitIssue = (event: FormEvent) => {
    event.preventDefault();
    addIssue.mutate({ label, sensitive });
  };
  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        自治体の設定
      </Title>
      <Text c="gray.8">
        {settings.name}（全国地方公共団体コード {settings.code}）
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={submitDays}>
          <Stack>
            <Title order={2} size="h4">
              期限と日数
            </Title>
            <ErrorAlert error={saveDays.error} />
            <Group align="flex-end">
              <NumberInput
                label="依頼から受理までの日数"
                description="この日数を過ぎても受理されないつなぎは、送った側と受けた側の両方に「期限超過」と表示されます。"
                min={1}
                max={60}
                value={days}
                onChange={setDays}
                error={fieldError(saveDays.error, 'referralOverdueDays')}
                w={360}
              />
              <NumberInput
                label="事例の記録が途絶えたとみなす日数"
                description="多機関協働事例で、この日数のあいだ支援経過の記録がない事例とチームの機関を表示します（任せきりの防止）。"
                min={1}
                max={365}
                value={quietDays}
                onChange={setQuietDays}
                error={fieldError(saveDays.error, 'caseInactivityDays')}
                w={360}
              />
              <NumberInput
                label="会議資料を閲覧できる日数（開催日から）"
                description="会議の出席者が議題の事例の資料を見られるのは、資料の配付から、開催日のあとこの日数までです。支援会議（法第106条の6）で同意のない事例を共有するときも同じです。"
                min={1}
                max={90}
                value={packetDays}
                onChange={setPacketDays}
                error={fieldError(saveDays.error, 'packetWindowDays')}
                w={360}
              />
              <NumberInput
                label="アウトリーチの接触が途絶えたとみなす日数"
                description="この日数のあいだ接触の試みがないアウトリーチの記録は「接触が途絶えている」と表示され、担当者のホームに出ます。"
                min={1}
                max={365}
                value={staleDays}
                onChange={setStaleDays}
                error={fieldError(saveDays.error, 'outreachStaleDays')}
                w={360}
              />
              <NumberInput
                label="さかのぼって記録できる日数"
                description="相談の受付日、支援の日、同意を得た日などは、今日からこの日数前までの日付で入力できます（それより前の日付は誤入力として受け付けません）。"
                min={1}
                max={3650}
                value={backdateDays}
                onChange={setBackdateDays}
                error={fieldError(saveDays.error, 'backdateLimitDays')}
                w={360}
              />
              <NumberInput
                label="社会資源の情報を確認し直す日数"
                description="社会資源の一覧で、最後に情報を確認した日からこの日数が過ぎた資源に「確認が必要」と表示します（30〜3650日）。"
                min={30}
                max={3650}
                value={verifyDays}
                onChange={setVerifyDays}
                error={fieldError(saveDays.error, 'resourceVerifyDays')}
                w={360}
              />
            </Group>
            <Checkbox
              label="社会資源の一覧をログインなしで公開する"
              description={`活動中の社会資源の名称・種別・地区・曜日と時間・対象・費用・場所の電話番号と「受け入れ可／要相談」を、住民向けのページ（/public/${settings.code}）で公開します。担当者の名前・メールアドレス・定員や空きの人数は公開しません。`}
              checked={publicDirectory}
              onChange={(e) => setPublicDirectory(e.currentTarget.checked)}
              error={fieldError(saveDays.error, 'publicDirectory')}
            />
            {settings.publicDirectory && (
              <Text size="sm">
                公開中のページ: <Anchor href={`/public/${settings.code}`}>/public/{settings.code}</Anchor>
              </Text>
            )}
            <Group>
              <Button type="submit" loading={saveDays.isPending}>
                保存
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            課題の語彙
          </Title>
          <Text size="sm" c="gray.8">
            国の様式にもとづく課題に、この自治体で使う課題を追加できます。「機微」は必要な人にだけ示し、少数の集計には出しません。
          </Text>
          <Group gap={6}>
            {vocabulary.issues.map((issue) => (
              <Badge
                key={issue.code}
                variant="light"
                color={issue.code.startsWith('custom_') ? 'blue' : 'gray'}
              >
                {issue.label}
                {issue.sensitive ? '（機微）' : ''}
              </Badge>
            ))}
          </Group>
          <form onSubmit={submitIssue}>
            <Group align="flex-end">
              <TextInput
                label="追加する課題"
                required
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
                error={fieldError(addIssue.error, 'label')}
              />
              <Checkbox
                label="機微な課題"
                checked={sensitive}
                onChange={(e) => setSensitive(e.currentTarget.checked)}
                mb={8}
              />
              <Button type="submit" loading={addIssue.isPending}>
                追加
              </Button>
            </Group>
          </form>
          <ErrorAlert error={addIssue.error} />
        </Stack>
      </Paper>
    </Stack>
  );
}
