import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type { ZProfileImportResult } from '../../../../modules/community/area-profiles-import';
import { fiscalYearLabel, fiscalYearOf } from '../../../../shared/dates';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { sendFile } from '../../../lib/files';
import { useSession } from '../../../lib/session';
import { CommunityTabs } from '../CommunityTabs';
import { AREAS, COMMUNITY_KEYS } from '../community-queries';
import { areasListQuery } from './area-queries';

type ImportResult = z.infer<typeof ZProfileImportResult>;

const COLUMNS = [
  '地区名',
  '人口',
  '世帯数',
  '65歳以上人口',
  '75歳以上人口',
  '高齢単身世帯数',
  '子どもの数',
  '自治会・町会加入率',
];

const summary = (r: ImportResult) => `${r.rows}行：新規 ${r.created}件・更新 ${r.updated}件`;

/** 地域プロフィールの取り込み: a year's figures of every 圏域・地区 from a spreadsheet. */
export function AreaImportPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const areas = useQuery(areasListQuery);
  const current = fiscalYearOf(new Date());
  const [fiscalYear, setFiscalYear] = useState(current);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{
    result: ImportResult;
    at: Date;
    file: File;
    fiscalYear: number;
  } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setChecked(null);
    setImported(null);
    setError(null);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sendFile<ImportResult>(
        `/api/community/areas/profiles/import?fiscalYear=${fiscalYear}&dryRun=${dryRun}`,
        file,
        'text/csv',
        session.csrfToken,
      );
      if (dryRun || result.issues.length > 0) {
        setChecked({ result, at: new Date(), file, fiscalYear });
      } else {
        setImported(result);
        setChecked(null);
        await Promise.all(COMMUNITY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        notifications.show({
          color: 'teal',
          message: `${fiscalYearLabel(result.fiscalYear)}の地域プロフィールを取り込みました（${summary(result)}）。`,
          closeButtonProps: { 'aria-label': '閉じる' },
        });
      }
    } catch (e) {
      setError(e);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  };
  const confirmImport = () => {
    if (!checked) return;
    confirmAction({
      title: '取り込みますか',
      message: `${checked.file.name} を${fiscalYearLabel(checked.fiscalYear)}の地域プロフィールとして取り込みます（${summary(checked.result)}）。空欄のセルは、記録済みの値を変えません。`,
      confirmLabel: '取り込む',
      onConfirm: () => void send(false),
    });
  };
  const downloadTemplate = () => {
    const names = (areas.data?.areas ?? []).map((a) => a.name);
    const text = `\uFEFF${[COLUMNS.join(','), ...names.map((n) => [n, ...COLUMNS.slice(1).map(() => '')].join(','))].join('\r\n')}\r\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `地域プロフィール_${fiscalYear}年度.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const ready =
    checked &&
    checked.result.issues.length === 0 &&
    checked.file === file &&
    checked.fiscalYear === fiscalYear;
  const problems = checked && checked.result.issues.length > 0 ? checked.result : null;

  return (
    <Stack maw={960}>
      <CommunityTabs current={AREAS} />
      <Text size="sm">
        <Anchor component={Link} to={AREAS}>
          圏域・地区
        </Anchor>{' '}
        ／ 地域プロフィールの取り込み
      </Text>
      <Title order={1} size="h2">
        地域プロフィールをCSVで取り込む
      </Title>
      <Text c="gray.8">
        人口・世帯数などを、圏域・地区ごとに1行ずつ書いたCSVから、年度の地域プロフィールにまとめて入れます。まず「確認する（取り込まない）」でファイルを確かめます。誤りが1件でもあれば、どの行も取り込まれません。
      </Text>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            CSVの書き方
          </Title>
          <List size="sm" spacing={2}>
            <List.Item>
              1行目に見出しを置き、2行目から1行に1つの圏域・地区を書きます。必須の列は <Code>地区名</Code>
              （管理者が登録した圏域・地区の名前と同じに）。
            </List.Item>
            <List.Item>
              数値の列:{' '}
              {COLUMNS.slice(1).map((c) => (
                <Code key={c} mr={4}>
                  {c}
                </Code>
              ))}
              （加入率は0〜100の%、小数1桁まで）。
            </List.Item>
            <List.Item>
              ほかの見出しの列は「追加の項目」になります（例: <Code>民生委員数</Code>）。
            </List.Item>
            <List.Item>
              空欄のセルは、記録済みの値を変えません。その年度のプロフィールがない地区は新しく作ります。
            </List.Item>
            <List.Item>
              文字コードは UTF-8（BOM付き・なし）と Shift_JIS（Excel
              の「CSV（コンマ区切り）」）のどちらでも読み取れます。2MBまで。
            </List.Item>
          </List>
          <Group>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={downloadTemplate}
              disabled={!areas.data}
            >
              テンプレート（見出しと全圏域・地区の名前）をダウンロード
            </Anchor>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            ファイルを選んで取り込む
          </Title>
          <Group align="flex-end">
            <Select
              label="年度"
              w={260}
              allowDeselect={false}
              data={[1, 0, -1, -2, -3, -4, -5].map((d) => ({
                value: String(current + d),
                label: fiscalYearLabel(current + d),
              }))}
              value={String(fiscalYear)}
              onChange={(v) => {
                if (v) setFiscalYear(Number(v));
                reset();
              }}
            />
            <FileInput
              label="CSVファイル"
              accept=".csv,text/csv"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                reset();
              }}
              placeholder="ファイルを選ぶ"
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              clearable
              clearButtonProps={{ 'aria-label': 'ファイルの選択を取り消す' }}
              w={420}
            />
          </Group>
          <Group>
            <Button
              variant="outline"
              disabled={!file}
              loading={busy && !checked}
              onClick={() => void send(true)}
            >
              確認する（取り込まない）
            </Button>
            <Button disabled={!ready} loading={busy && !!checked} onClick={confirmImport}>
              取り込む
            </Button>
          </Group>
          {ready && checked && (
            <Alert color="teal" title="確認しました（まだ取り込んでいません）" role="status">
              {fiscalYearLabel(checked.fiscalYear)}として、すべての行を取り込めます（{summary(checked.result)}
              ）。
              <Text size="sm" mt={4}>
                確認した日時: <DateText value={checked.at} withTime />
              </Text>
            </Alert>
          )}
          {imported && (
            <Alert color="teal" title="取り込みました" role="status">
              {fiscalYearLabel(imported.fiscalYear)}の地域プロフィールを取り込みました（{summary(imported)}
              ）。
              <Anchor component={Link} to={AREAS} ml="xs">
                圏域・地区の一覧へ
              </Anchor>
            </Alert>
          )}
          {problems && <ProblemTable result={problems} />}
          <ErrorAlert error={error} title="取り込めませんでした" />
        </Stack>
      </Paper>
    </Stack>
  );
}

function ProblemTable({ result }: { result: ImportResult }) {
  return (
    <Alert color="red" title="直すところがあります（どの行も取り込んでいません）" role="alert">
      <Text size="sm" mb="xs">
        {result.issues.length}か所を直してから、もう一度確認してください。
      </Text>
      <Table withTableBorder striped bg="white">
        <Table.Caption>行は表計算ソフトの行番号（見出しが1行目）です。</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">行</Table.Th>
            <Table.Th scope="col">列</Table.Th>
            <Table.Th scope="col">内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.issues.map((p) => (
            <Table.Tr key={`${p.path}:${p.message}`}>
              <Table.Td className="nowrap">{p.row ?? '—'}</Table.Td>
              <Table.Td className="nowrap">{p.column}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
