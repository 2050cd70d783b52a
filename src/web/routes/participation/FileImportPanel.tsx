import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { ImportIssue, ImportResult } from '../../../modules/resources/directory-import.schemas';
import { confirmAction } from '../../components/confirm';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { sendFile } from '../../lib/files';
import { useSession } from '../../lib/session';

type Props = {
  title: string;
  fileLabel: string;
  accept: string;
  contentType: string;
  endpoint: string;
  children: ReactNode;
};

const ENCODING_LABELS = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' } as const;

const summary = (result: ImportResult) =>
  `新規 ${result.created}件・更新 ${result.updated}件${result.operatorsCreated > 0 ? `、新しい運営団体 ${result.operatorsCreated}件` : ''}`;

/** Choose a file, check it (nothing is written), then import it after a confirmation. */
export function FileImportPanel({ title, fileLabel, accept, contentType, endpoint, children }: Props) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ result: ImportResult; at: Date; file: File } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = (chosen: File | null) => {
    setFile(chosen);
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
        `${endpoint}?dryRun=${dryRun}`,
        file,
        contentType,
        session.csrfToken,
      );
      if (dryRun) {
        setChecked({ result, at: new Date(), file });
      } else {
        setImported(result);
        setChecked(null);
        await queryClient.invalidateQueries({ queryKey: ['resources'] });
        notifications.show({ color: 'teal', message: `${result.total}件を取り込みました。` });
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
      message: `${checked.file.name} の${checked.result.total}件を社会資源の一覧に取り込みます（${summary(checked.result)}）。`,
      confirmLabel: '取り込む',
      onConfirm: () => void send(false),
    });
  };
  const problems =
    error instanceof ApiError && error.code === 'IMPORT_INVALID' ? (error.details as ImportIssue[]) : null;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
        <FileInput
          label={fileLabel}
          accept={accept}
          value={file}
          onChange={choose}
          placeholder="ファイルを選ぶ"
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          clearable
          clearButtonProps={{ 'aria-label': 'ファイルの選択を取り消す' }}
          w={420}
        />
        <Group>
          <Button
            variant="outline"
            disabled={!file}
            loading={busy && !checked}
            onClick={() => void send(true)}
          >
            確認する（取り込まない）
          </Button>
          <Button
            disabled={!checked || checked.file !== file}
            loading={busy && !!checked}
            onClick={confirmImport}
          >
            取り込む
          </Button>
        </Group>
        {checked && (
          <Alert color="teal" title="確認しました（まだ取り込んでいません）" role="status">
            {checked.result.total}件すべて取り込めます（{summary(checked.result)}）。
            {checked.result.encoding && `文字コード: ${ENCODING_LABELS[checked.result.encoding]}。`}
            <Text size="sm" mt={4}>
              確認した日時: <DateText value={checked.at} withTime />
            </Text>
          </Alert>
        )}
        {imported && (
          <Alert color="teal" title="取り込みました" role="status">
            {imported.total}件を取り込みました（{summary(imported)}）。
          </Alert>
        )}
        {problems ? (
          <ProblemTable message={(error as ApiError).message} problems={problems} />
        ) : (
          <ErrorAlert error={error} title="取り込めませんでした" />
        )}
      </Stack>
    </Paper>
  );
}

function ProblemTable({ message, problems }: { message: string; problems: ImportIssue[] }) {
  return (
    <Alert color="red" title="直すところがあります" role="alert">
      <Text size="sm" mb="xs">
        {message}
      </Text>
      <Table withTableBorder striped>
        <Table.Caption>行は表計算ソフトの行番号（見出しが1行目）、HSDS はサービスの番号です。</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">行</Table.Th>
            <Table.Th scope="col">列・場所</Table.Th>
            <Table.Th scope="col">内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p) => (
            <Table.Tr key={`${p.path}:${p.message}`}>
              <Table.Td>{p.row ?? '—'}</Table.Td>
              <Table.Td>{p.column}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
