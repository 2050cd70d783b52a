import { Button, Group } from '@mantine/core';

/** Cancel and submit at the bottom right of a dialog form. */
export function FormButtons({
  onCancel,
  busy,
  label = '保存',
}: {
  onCancel: () => void;
  busy: boolean;
  label?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        キャンセル
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}
