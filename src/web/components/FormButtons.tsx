import { Button, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';

/** Cancel and submit at the bottom right of a dialog form. */
export function FormButtons({
  onCancel,
  busy,
  label = '保存',
  danger = false,
}: {
  onCancel: () => void;
  busy: boolean;
  label?: string;
  /** red, for a step that takes something away (外す, 停止) */
  danger?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        キャンセル
      </Button>
      <Button type="submit" loading={busy} color={danger ? 'red' : undefined}>
        {label}
      </Button>
    </Group>
  );
}

/** Cancel (back to a page) and submit at the bottom right of a full-page form. */
export function PageFormButtons({
  cancelTo,
  busy,
  label,
}: {
  cancelTo: string;
  busy: boolean;
  label: string;
}) {
  return (
    <Group justify="flex-end">
      <Button component={Link} to={cancelTo} variant="default">
        キャンセル
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}
