import { Button, FileButton, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Body } from '../../../modules/meetings/meetings.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { bodiesQuery } from './meeting-queries';
import { parseMemberList, readMemberCsv } from './member-list';

/** Outside members in bulk: a list of 40–50 people pasted from Excel or a CSV. */
export function BulkMembersDialog({ body, onClose }: { body: Body; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rows = parseMemberList(text);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ added: unknown[]; skipped: string[] }>(
        'POST',
        `/api/meetings/bodies/${body.id}/members/bulk`,
        { members: rows.map(({ line: _line, ...member }) => member) },
      );
      await queryClient.invalidateQueries({ queryKey: bodiesQuery.queryKey });
      notifications.show({
        color: 'teal',
        message: `${result.added.length}人を構成員に加えました。${
          result.skipped.length
            ? `すでに構成員の${result.skipped.length}人（${result.skipped.join('・')}）は加えていません。`
            : ''
        }`,
      });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`「${body.name}」に構成員をまとめて加える`} size="xl">
      <Stack>
        <Text size="sm">
          1行に1人、「氏名・所属・役職」の順に入力します。Excel
          の表をそのまま貼り付けるか、CSVファイルを読み込むか、「,」「、」で区切ってください（1行目が「氏名」の見出しなら読み飛ばします）。職員を構成員にするときは「構成員を追加」から選んでください。
        </Text>
        <Group>
          <FileButton
            accept=".csv,text/csv"
            onChange={(file) => {
              if (!file) return;
              readMemberCsv(file).then(setText, () =>
                setError(
                  new Error('CSVファイルを読み込めませんでした。「氏名,所属,役職」の形か確かめてください。'),
                ),
              );
            }}
          >
            {(props) => (
              <Button variant="default" {...props}>
                CSVファイルを読み込む
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="gray.8">
            読み込んだ内容は下の欄に入ります。確かめてから加えてください。
          </Text>
        </Group>
        <Textarea
          label="構成員の一覧"
          placeholder={'山田 太郎\tつなぐ市 税務課\t課長\n佐藤 花子, つなぐ市社会福祉協議会, 事務局長'}
          autosize
          minRows={6}
          maxRows={14}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
        />
        <ErrorAlert error={error} title="加えられませんでした" />
        {rows.length > 0 && (
          <Table withTableBorder fz="sm" striped>
            <Table.Caption>
              {rows.length}人を加えます（同じ氏名・所属の構成員がいれば、その方は加えません）。
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>氏名</Table.Th>
                <Table.Th>所属</Table.Th>
                <Table.Th>役職</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 50).map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.affiliation ?? '—'}</Table.Td>
                  <Table.Td>{r.title ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            キャンセル
          </Button>
          <Button onClick={() => void add()} loading={busy} disabled={rows.length === 0}>
            {rows.length > 0 ? `${rows.length}人を加える` : '加える'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
