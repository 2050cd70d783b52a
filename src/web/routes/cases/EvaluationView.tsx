import { Group, Modal, Radio, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Case, Evaluation } from '../../../modules/cases/cases.schemas';
import {
  GOAL_RESULT_LABELS,
  GOAL_RESULTS,
  NEXT_STEP_LABELS,
  NEXT_STEPS,
} from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { todayInJapan, useCaseStep } from './case-queries';

const NEXT_STEP_HINTS: Record<string, string> = {
  continue: '今のプランのまま支援を続けます（次のモニタリング時期を決めます）。',
  revise: '評価の段階にとどまり、会議でプランの見直しを決定します。',
  propose_closure: '評価の段階にとどまり、会議で終結を決定します。',
};

/** 評価シート: each goal of the plan in force, an overall comment and the next step. */
export function EvaluationDialog({ caseData, onClose }: { caseData: Case; onClose: () => void }) {
  const save = useCaseStep(caseData.id, '/evaluations', '評価を記録しました。', onClose);
  const goals = caseData.planInForce?.content.goals ?? [];
  const [evaluatedOn, setEvaluatedOn] = useState(todayInJapan());
  const [results, setResults] = useState<Record<string, { result: string; comment: string }>>(
    Object.fromEntries(goals.map((g) => [g.key, { result: '', comment: '' }])),
  );
  const [overall, setOverall] = useState('');
  const [nextStep, setNextStep] = useState('continue');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      evaluatedOn,
      goals: goals.map((g) => ({
        goalKey: g.key,
        result: results[g.key]?.result || null,
        comment: results[g.key]?.comment || null,
      })),
      overall,
      nextStep,
      nextReviewOn: nextStep === 'continue' ? nextReviewOn || null : null,
    });
  };
  return (
    <Modal opened onClose={onClose} title="評価の記録" size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            type="date"
            label="評価日"
            required
            w={200}
            value={evaluatedOn}
            onChange={(e) => setEvaluatedOn(e.currentTarget.value)}
          />
          {goals.map((goal) => (
            <Stack key={goal.key} gap={4}>
              <Radio.Group
                label={`目標：${goal.text}`}
                required
                value={results[goal.key]?.result ?? ''}
                onChange={(value) =>
                  setResults((r) => ({
                    ...r,
                    [goal.key]: { result: value, comment: r[goal.key]?.comment ?? '' },
                  }))
                }
              >
                <Group mt={4}>
                  {GOAL_RESULTS.map((result) => (
                    <Radio key={result} value={result} label={GOAL_RESULT_LABELS[result]} />
                  ))}
                </Group>
              </Radio.Group>
              <TextInput
                aria-label={`${goal.text}の評価コメント`}
                placeholder="コメント"
                value={results[goal.key]?.comment ?? ''}
                onChange={(e) => {
                  const comment = e.currentTarget.value;
                  setResults((r) => ({ ...r, [goal.key]: { result: r[goal.key]?.result ?? '', comment } }));
                }}
              />
            </Stack>
          ))}
          <Textarea
            label="総合評価"
            required
            autosize
            minRows={3}
            value={overall}
            onChange={(e) => setOverall(e.currentTarget.value)}
            error={fieldError(save.error, 'overall')}
          />
          <Radio.Group label="次の方針" required value={nextStep} onChange={setNextStep}>
            <Stack gap="xs" mt="xs">
              {NEXT_STEPS.map((s) => (
                <Radio key={s} value={s} label={NEXT_STEP_LABELS[s]} description={NEXT_STEP_HINTS[s]} />
              ))}
            </Stack>
          </Radio.Group>
          {nextStep === 'continue' && (
            <TextInput
              type="date"
              label="次のモニタリング時期"
              required
              w={220}
              value={nextReviewOn}
              onChange={(e) => setNextReviewOn(e.currentTarget.value)}
              error={fieldError(save.error, 'nextReviewOn')}
            />
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} label="評価を記録" />
        </Stack>
      </form>
    </Modal>
  );
}

export function EvaluationBody({
  evaluation,
  goalText,
}: {
  evaluation: Evaluation;
  goalText: (key: string) => string;
}) {
  return (
    <Stack>
      <Text size="sm">
        <DateText value={evaluation.evaluatedOn} />
        {'　'}支援プラン第{evaluation.planVersion}版の評価　{evaluation.organisationName}
        {'　'}
        {evaluation.userName}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>目標</Table.Th>
            <Table.Th w={100}>評価</Table.Th>
            <Table.Th>コメント</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evaluation.goals.map((g) => (
            <Table.Tr key={g.goalKey}>
              <Table.Td>{goalText(g.goalKey)}</Table.Td>
              <Table.Td>{GOAL_RESULT_LABELS[g.result]}</Table.Td>
              <Table.Td>{g.comment ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Text size="sm" c="gray.8" fw={700}>
          総合評価
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{evaluation.overall}</Text>
      </div>
      <Text>
        次の方針：<b>{NEXT_STEP_LABELS[evaluation.nextStep]}</b>
      </Text>
    </Stack>
  );
}

export function EvaluationView({ caseData }: { caseData: Case }) {
  const evaluation = caseData.evaluation;
  if (!evaluation) {
    return (
      <EmptyState title="評価はまだありません">
        モニタリング時期に、支援中の段階から「評価を記録」で目標ごとに評価します。
      </EmptyState>
    );
  }
  const goalText = (key: string) =>
    caseData.planInForce?.content.goals.find((g) => g.key === key)?.text ?? '（以前のプランの目標）';
  return <EvaluationBody evaluation={evaluation} goalText={goalText} />;
}
