import { SegmentedControl, Stack, Text } from '@mantine/core';
import { RISK_LABELS, RISKS, type Risk } from '../../../shared/outreach-vocabulary';

/** 危険の程度, with what 生命の危険 sets off. */
export function RiskPicker({ value, onChange }: { value: Risk; onChange: (risk: Risk) => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        危険の程度
      </Text>
      <SegmentedControl
        aria-label="危険の程度"
        color={value === 'life' ? 'red' : undefined}
        data={RISKS.map((r) => ({ value: r, label: RISK_LABELS[r] }))}
        value={value}
        onChange={(v) => onChange(v as Risk)}
      />
      {value === 'life' && (
        <Text size="sm" c="red.8">
          アウトリーチ支援員とコーディネーター全員のホームに、すぐに表示されます。命に関わる緊急時は、先に119番・110番へ。
        </Text>
      )}
    </Stack>
  );
}
