import { Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fiscalYearLabel } from '../../../shared/dates';
import { EVALUATION_LABELS, EVALUATIONS, type PlanEvaluation } from '../../../shared/program-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import type { PlanItem } from './program-queries';

/** One year of one 取組: what was planned, the progress written that year, and its evaluation. */
export function PlanCellDialog({
  item,
  fiscalYear,
  onClose,
}: {
  item: PlanItem;
  fiscalYear: number;
  onClose: () => void;
}) {
  const year = item.years.find((y) => y.fiscalYear === fiscalYear);
  const [planned, setPlanned] = useState(year?.planned ?? '');
  const [progress, setProgress] = useState(year?.progress ?? '');
  const [evaluation, setEvaluation] = useState<PlanEvaluation | 'none'>(year?.evaluation ?? 'none');
  const save = useApiMutation(
    () =>
      api('PUT', `/api/program/plan/items/${item.id}/years/${fiscalYear}`, {
        planned: planned.trim() || null,
        progress: progress.trim() || null,
        evaluation: evaluation === 'none' ? null : evaluation,
        ...(year ? { version: year.version } : {}),
      }),
    {
      invalidate: [['program']],
      success: `${fiscalYearLabel(fiscalYear)}の記入を保存しました。`,
      onDone: onClose,
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`${item.label} ${item.title}：${fiscalYearLabel(fiscalYear)}`}
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} title="保存できませんでした" />
          <Textarea
            label="計画（この年度に行うこと）"
            autosize
            minRows={2}
            data-autofocus
            value={planned}
            onChange={(e) => setPlanned(e.currentTarget.value)}
            error={fieldError(save.error, 'planned')}
          />
          <Textarea
            label="進捗（この年度に行ったこと）"
            autosize
            minRows={3}
            value={progress}
            onChange={(e) => setProgress(e.currentTarget.value)}
            error={fieldError(save.error, 'progress')}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="evaluation-label">
              評価
            </Text>
            <SegmentedControl
              aria-labelledby="evaluation-label"
              value={evaluation}
              onChange={(v) => setEvaluation(v as PlanEvaluation | 'none')}
              data={[
                { value: 'none', label: '未評価' },
                ...EVALUATIONS.map((e) => ({ value: e, label: EVALUATION_LABELS[e] })),
              ]}
            />
          </div>
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
