import { Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Upload } from '../../../modules/imports/imports.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { sendFile } from '../../lib/files';
import { useSession } from '../../lib/session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: the file, read by the server (kept there for two hours, nothing saved yet). */
export function FileStep({ onRead }: { onRead: (upload: Upload, file: File) => void }) {
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const read = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
      const upload = await sendFile<Upload>(
        '/api/imports/files',
        file,
        isXlsx ? XLSX_TYPE : 'text/csv',
        session.csrfToken,
      );
      onRead(upload, file);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={720}>
      <List size="sm" spacing={4}>
        <List.Item>
          CSV（UTF-8・Shift_JIS のどちらでも）か Excel（.xlsx
          の最初のシート）。1行目が見出しで、1行に1人です。
        </List.Item>
        <List.Item>
          「世帯番号」の列があれば、同じ番号の行を一つの世帯にまとめます。「相談日」「主訴」などがある行は、その方の相談としても記録します。
        </List.Item>
        <List.Item>100,000行・32MBまで。次の画面で列の対応を確かめ、取り込む前に確認します。</List.Item>
      </List>
      <Group align="flex-end">
        <FileInput
          label="取り込むファイル"
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setError(null);
          }}
          placeholder="ファイルを選ぶ"
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          clearable
          clearButtonProps={{ 'aria-label': 'ファイルの選択を取り消す' }}
          w={420}
        />
        <Button disabled={!file} loading={busy} onClick={() => void read()}>
          読み込む
        </Button>
      </Group>
      <Text size="xs" c="gray.8">
        ファイルはサーバーのメモリに2時間だけ置かれ、取り込むまで何も保存されません。
      </Text>
      <ErrorAlert error={error} title="ファイルを読み込めませんでした" />
    </Stack>
  );
}
