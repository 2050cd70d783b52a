import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

type Confirmation = {
  title: string;
  message: string;
  confirmLabel: string;
  /** Destructive or hard-to-undo steps get a red button. */
  danger?: boolean;
  onConfirm: () => void;
};

/** Asks before a step that stops, removes or merges something. */
export function confirmAction({ title, message, confirmLabel, danger = false, onConfirm }: Confirmation) {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{message}</Text>,
    labels: { confirm: confirmLabel, cancel: 'キャンセル' },
    confirmProps: { color: danger ? 'red' : 'teal' },
    onConfirm,
  });
}
