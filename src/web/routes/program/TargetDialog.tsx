import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CountInput } from '../../components/CountInput';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { type IndicatorResult, unitSuffix } from './program-queries';

/** 目標を設定・変更: one number (and a note) for one indicator in one year. */
export function TargetDialog({
  indicator,
  fiscalYear,
  yearLabel,
  onClose,
}: {
  indicator: IndicatorResult;
  fiscalYear: number;
  yearLabel: string;
  onClose: () => void;
}) {
  const [target, setTarget] = useState<number | string>(indicator.target?.value ?? '');
  const [note, setNote] = useState(indicator.target?.note ?? '');
  const save = useApiMutation(
    () =>
      indicator.targetId && indicator.target
        ? api('PATCH', `/api/program/targets/${indicator.targetId}`, {
            target: Number(target),
            note: note.trim() || null,
            version: indicator.target.version,
          })
        : api('POST', '/api/program/targets', {
            fiscalYear,
            indicatorKey: indicator.key,
            target: Number(target),
            note: note.trim() || null,
          }),
    { invalidate: [['program']], success: `「${indicator.label}」の目標を保存しました。`, onDone: onClose },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`${yearLabel}の目標：${indicator.label}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="gray.8">
            数え方：{indicator.definition}
          </Text>
          <ErrorAlert error={save.error} title="目標を保存できませんでした" />
          <CountInput
            label={`目標値（${indicator.unit}）`}
            required
            data-autofocus
            allowDecimal={indicator.unit === '%' || indicator.unit === '件/10万人・月'}
            value={target}
            onChange={setTarget}
            rightSection={<Text size="sm">{unitSuffix(indicator.unit)}</Text>}
            error={fieldError(save.error, 'target')}
            w={240}
          />
          <TextInput
            label="メモ（根拠・計画書の記載など）"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(save.error, 'note')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="目標を保存" />
        </Stack>
      </form>
    </Modal>
  );
}
