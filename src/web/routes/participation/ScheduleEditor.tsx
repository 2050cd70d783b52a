import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { WEEKDAY_LABELS } from '../../../shared/participation-vocabulary';

export type Slot = { weekday: number; opens: string; closes: string };

/** Opening times: one row per weekday and time, or 不定期. */
export function ScheduleEditor({
  slots,
  irregular,
  onChange,
  onIrregular,
}: {
  slots: Slot[];
  irregular: boolean;
  onChange: (slots: Slot[]) => void;
  onIrregular: (value: boolean) => void;
}) {
  const update = (i: number, patch: Partial<Slot>) =>
    onChange(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        曜日と時間
      </Text>
      <Checkbox
        label="不定期（日程はその都度決まる）"
        checked={irregular}
        onChange={(e) => onIrregular(e.currentTarget.checked)}
      />
      {!irregular &&
        slots.map((slot, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Group key={i} gap="xs" align="flex-end">
            <Select
              label="曜日"
              w={110}
              data={WEEKDAY_LABELS.map((l, d) => ({ value: String(d), label: `${l}曜日` }))}
              value={String(slot.weekday)}
              onChange={(v) => update(i, { weekday: Number(v ?? 0) })}
              allowDeselect={false}
            />
            <TextInput
              label="開始"
              type="time"
              w={120}
              value={slot.opens}
              onChange={(e) => update(i, { opens: e.currentTarget.value })}
            />
            <TextInput
              label="終了"
              type="time"
              w={120}
              value={slot.closes}
              onChange={(e) => update(i, { closes: e.currentTarget.value })}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`${WEEKDAY_LABELS[slot.weekday]}曜日の時間を削除`}
              onClick={() => onChange(slots.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      {!irregular && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...slots, { weekday: 1, opens: '10:00', closes: '12:00' }])}
          >
            曜日と時間を追加
          </Button>
        </Group>
      )}
    </Stack>
  );
}
