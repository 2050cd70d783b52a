import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useState } from 'react';
import { EXPORT_TITLES, type ExportKey, isPersonalExport } from '../../shared/export-lists';
import { ApiError } from '../lib/api';
import { DownloadIcon } from './DownloadIcon';
import { PersonalExportDialog } from './PersonalExportDialog';

// 「書き出す」: the list on the screen, with the screen's filters, as CSV or Excel. For lists of
// residents' personal data a warning comes first (recorded in the audit log, kept and deleted
// under the municipality's rules).

type Filters = Record<string, string | number | boolean | null | undefined>;
export type ExportChoice = { list: ExportKey; filters?: Filters; label?: string };
type Format = { key: 'csv-utf8' | 'csv-sjis' | 'xlsx'; label: string; hint: string; query: string };

const FORMATS: Format[] = [
  { key: 'csv-utf8', label: 'CSV（UTF-8・Excel対応）', hint: 'ふだんはこちら', query: 'format=csv' },
  {
    key: 'csv-sjis',
    label: 'CSV（Shift_JIS）',
    hint: '古い Excel や Shift_JIS しか読めないシステム向け',
    query: 'format=csv&encoding=shift_jis',
  },
  { key: 'xlsx', label: 'Excel（.xlsx）', hint: '日付は日付、数値は数値のまま', query: 'format=xlsx' },
];

const exportPath = ({ list, filters = {} }: ExportChoice, format: Format) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const query = params.toString();
  return `/api/exports/${list}?${query ? `${query}&` : ''}${format.query}`;
};

/** The name the server gives the file (RFC 5987 filename* first). */
function fileNameOf(disposition: string | null, fallback: string) {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

async function saveExport(path: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'サーバーに接続できません。ネットワークを確認して、もう一度お試しください。',
    );
  }
  if (!response.ok) {
    const payload = await response.json().catch(() => null);
    const details = payload?.error?.details;
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'UNKNOWN',
      payload?.error?.message ?? `書き出せませんでした（${response.status}）。`,
      // every place a character does not fit (the message names the first)
      Array.isArray(details) && details.length > 1 ? details : undefined,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), 'tsunagu-export');
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click is handled
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportButton({ list, filters, label, also = [] }: ExportChoice & { also?: ExportChoice[] }) {
  const choices: ExportChoice[] = [{ list, filters, label }, ...also];
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ choice: ExportChoice; format: Format } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (choice: ExportChoice, format: Format) => {
    setBusy(true);
    setError(null);
    try {
      await saveExport(exportPath(choice, format));
      setAsking(null);
    } catch (e) {
      if (asking || isPersonalExport(choice.list)) setError(e);
      else
        notifications.show({
          color: 'red',
          title: '書き出せませんでした',
          message: e instanceof Error ? e.message : '予期しないエラーが発生しました。',
        });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setAsking(null);
    setError(null);
  };
  const pick = (choice: ExportChoice, format: Format) => {
    setError(null);
    if (isPersonalExport(choice.list)) setAsking({ choice, format });
    else void run(choice, format);
  };

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={320} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            variant="light"
            color="indigo"
            c="indigo.9"
            // the hover shade of light indigo would leave the text at 4.1:1; this one keeps 5.3:1
            style={{ '--button-hover': 'var(--mantine-color-indigo-1)' }}
            leftSection={<DownloadIcon />}
            loading={busy && !asking}
            aria-label={`${label ?? EXPORT_TITLES[list]}を書き出す`}
          >
            書き出す
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {choices.map((choice) => (
            <Fragment key={choice.list}>
              {choices.length > 1 && <Menu.Label>{choice.label ?? EXPORT_TITLES[choice.list]}</Menu.Label>}
              {FORMATS.map((format) => (
                <Menu.Item key={format.key} onClick={() => pick(choice, format)}>
                  <Text size="sm">{format.label}</Text>
                  <Text size="xs" c="gray.8">
                    {format.hint}
                  </Text>
                </Menu.Item>
              ))}
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
      <PersonalExportDialog
        opened={asking !== null}
        onClose={close}
        title="個人情報を含む一覧を書き出します"
        alertTitle="このファイルには個人情報が含まれます"
        contents={
          <>
            {asking &&
              `「${asking.choice.label ?? EXPORT_TITLES[asking.choice.list]}」を${asking.format.label}で書き出します。`}
            画面に表示されている条件のまま、あなたが見られる記録だけが入ります。
          </>
        }
        audited="書き出したことは、だれが・いつ・どの一覧の・どの記録を書き出したかとともに監査ログに記録されます。"
        handling="ファイルは自治体の個人情報の取扱いのルールに従って保管し、使い終わったら削除してください。私物の端末や外部のサービスに置かないでください。"
        error={error}
        busy={busy}
        onConfirm={() => asking && run(asking.choice, asking.format)}
      />
    </>
  );
}
