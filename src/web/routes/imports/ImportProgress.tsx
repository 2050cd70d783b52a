import { Progress, Stack, Text } from '@mantine/core';
import type { Progress as ProgressLine } from './import-stream';

const PHASES: Record<ProgressLine['phase'], string> = {
  read: '行を読み、内容を確かめています',
  match: '登録済みの方と照らし合わせています（名寄せ）',
  write: '記録しています',
};

/** Where a long check or import has got to, as the server reports it. */
export function ImportProgress({ line, label }: { line: ProgressLine | null; label: string }) {
  const percent = line && line.total > 0 ? Math.round((100 * line.done) / line.total) : 0;
  const text = line
    ? `${PHASES[line.phase]}：${line.done.toLocaleString('ja-JP')} / ${line.total.toLocaleString('ja-JP')}`
    : 'サーバーに送っています';
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Progress value={percent} size="lg" animated aria-label={`${label}の進み具合`} />
      <Text size="sm" c="gray.8">
        {text}（{percent}%）
      </Text>
    </Stack>
  );
}
