import { Anchor, Button, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatWestern } from '../../../shared/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { download } from '../../lib/files';
import { FileImportPanel } from './FileImportPanel';

/** 社会資源の取り込み・書き出し: CSV from spreadsheets, HSDS 3.0 (Open Referral) in and out. */
export function ResourceImportPage() {
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const exportHsds = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await download('/api/resources/export/hsds', `tsunagu-hsds-${formatWestern(new Date())}.json`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        社会資源の取り込み・書き出し
      </Title>
      <Text c="gray.8">
        まず「確認する（取り込まない）」でファイルを確かめます。誤りが1件でもあれば、どの行も取り込まれません。直してから、もう一度確認して取り込んでください。
      </Text>
      <FileImportPanel
        title="CSV（表計算ソフト）から取り込む"
        fileLabel="CSVファイル"
        accept=".csv,text/csv"
        contentType="text/csv"
        endpoint="/api/resources/import/csv"
      >
        <Text size="sm">
          1行目に見出しを置き、2行目から1行に1か所ずつ書きます。文字コードは UTF-8（BOM付き・なし）と
          Shift_JIS（Excel の「CSV（コンマ区切り）」）のどちらでも読み取れます。2MB・2,000行まで。
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            必須の列: <Code>名称</Code> <Code>種別</Code> <Code>運営団体</Code>
            （運営団体は名前で探し、ないときは新しく登録します。種別は <Code>運営団体の種別</Code>{' '}
            列、なければ「その他」）
          </List.Item>
          <List.Item>
            ひとつのセルに複数書くときは全角の「；」で区切ります（例:{' '}
            <Code>サロン・つどいの場；通いの場</Code>）。
          </List.Item>
          <List.Item>
            <Code>曜日と時間</Code> は <Code>月 13:00-16:00；水 10:00-12:00</Code> または <Code>不定期</Code>
            、<Code>対象年齢</Code> は <Code>65-</Code>・<Code>18-39</Code>・<Code>-18</Code>
            （空欄は年齢を問わない）、
            <Code>費用</Code> は <Code>無料</Code> または金額などの説明。
          </List.Item>
          <List.Item>
            <Code>地区</Code>{' '}
            は登録済みの地区の名前です。同じ名称・運営団体の資源がすでにあるときは、その資源を更新します。
          </List.Item>
        </List>
        <Anchor href="/api/resources/import/csv-template" download="tsunagu-resources-template.csv" size="sm">
          テンプレート（見出しと記入例）をダウンロード
        </Anchor>
      </FileImportPanel>
      <Paper withBorder p="md">
        <Stack align="flex-start">
          <Title order={2} size="h4">
            HSDS（Open Referral）で書き出す
          </Title>
          <Text size="sm">
            社会資源の一覧を、国際的な標準形式 HSDS 3.0 の JSON
            で書き出します。ほかのシステムや自治体に渡したり、控えとして保存したりできます。連絡先の担当者名や定員も含むため、扱いに注意してください。
          </Text>
          <Button variant="outline" loading={exporting} onClick={() => void exportHsds()}>
            HSDS で書き出す（JSON）
          </Button>
          <ErrorAlert error={exportError} title="書き出せませんでした" />
        </Stack>
      </Paper>
      <FileImportPanel
        title="HSDS（Open Referral）から取り込む"
        fileLabel="HSDS の JSON ファイル"
        accept=".json,application/json"
        contentType="application/json"
        endpoint="/api/resources/import/hsds"
      >
        <Text size="sm">
          tsunagu で書き出した JSON や、HSDS 3.0 のサービスの一覧を取り込みます。この自治体の資源と同じ id
          のものは更新し、新しい id
          のものは追加します。地区はサービスエリアの名前で探します（先に地区を登録してください）。
        </Text>
      </FileImportPanel>
    </Stack>
  );
}
