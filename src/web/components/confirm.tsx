import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

type Confirmation = {
  title: string;
  message: string;
  /** Lines shown under the message, one record each (e.g. the two records of a merge). */
  details?: string[];
  confirmLabel: string;
  /** Destructive or hard-to-undo steps get a red button. */
  danger?: boolean;
  onConfirm: () => void;
};

/** Asks before a step that stops, removes or merges something. */
export function confirmAction({
  title,
  message,
  details = [],
  confirmLabel,
  danger = false,
  onConfirm,
}: Confirmation) {
  modals.openConfirmModal({
    title,
    children: (
      <>
        <Text size="sm">{message}</Text>
        {details.map((line) => (
          <Text size="sm" mt="xs" key={line}>
            {line}
          </Text>
        ))}
      </>
    ),
    labels: { confirm: confirmLabel, cancel: 'キャンセル' },
    confirmProps: { color: danger ? 'red' : 'teal' },
    onConfirm,
  });
}
