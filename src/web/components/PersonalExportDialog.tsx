import { Alert, Button, Group, List, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/**
 * The warning before a file with personal data is written (lists, reports, a case in FHIR):
 * what is in it, that the export is audited, how to keep the file; then the download.
 */
export function PersonalExportDialog({
  opened,
  onClose,
  title,
  intro,
  alertTitle,
  contents,
  audited,
  handling,
  error,
  busy,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro?: ReactNode;
  alertTitle: string;
  contents: ReactNode;
  /** What the audit log keeps of the export. */
  audited: string;
  /** How the file is to be kept. */
  handling: string;
  error: unknown;
  busy: boolean;
  onConfirm: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <Stack>
        {intro}
        <Alert color="orange" title={alertTitle}>
          {contents}
        </Alert>
        <List size="sm" spacing="xs">
          <List.Item>{audited}</List.Item>
          <List.Item>{handling}</List.Item>
        </List>
        <ErrorAlert error={error} title="書き出せませんでした" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            キャンセル
          </Button>
          <Button color="indigo" loading={busy} onClick={onConfirm}>
            監査ログに記録して書き出す
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
