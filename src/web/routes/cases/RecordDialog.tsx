import { Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Case } from '../../../modules/cases/cases.schemas';
import { RECORD_TYPE_LABELS, RECORD_TYPES } from '../../../shared/case-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { todayInJapan, useCaseStep } from './case-queries';

/** 支援経過記録: one contact, and which part of the plan it serves. */
export function RecordDialog({ caseData, onClose }: { caseData: Case; onClose: () => void }) {
  const save = useCaseStep(caseData.id, '/records', '支援経過を記録しました。', onClose);
  const [recordedOn, setRecordedOn] = useState(todayInJapan());
  const [type, setType] = useState<string | null>('interview');
  const [minutes, setMinutes] = useState<number | string>('');
  const [content, setContent] = useState('');
  const [serves, setServes] = useState<string | null>(null);
  const plan = caseData.planInForce;
  const servesOptions = plan
    ? [
        ...plan.content.actions.map((a) => ({ value: `action:${a.key}`, label: `支援内容：${a.text}` })),
        ...plan.content.goals.map((g) => ({ value: `goal:${g.key}`, label: `目標：${g.text}` })),
      ]
    : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, key] = serves?.split(':') ?? [];
    const action = plan?.content.actions.find((a) => a.key === key);
    save.mutate({
      recordedOn,
      type,
      minutes: minutes === '' ? null : Number(minutes),
      content,
      actionKey: kind === 'action' ? key : null,
      goalKey: kind === 'goal' ? key : (action?.goalKey ?? null),
    });
  };
  return (
    <Modal opened onClose={onClose} title="支援経過の記録" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="日付"
              required
              value={recordedOn}
              onChange={(e) => setRecordedOn(e.currentTarget.value)}
              error={fieldError(save.error, 'recordedOn')}
              data-autofocus
            />
            <Select
              label="種類"
              required
              allowDeselect={false}
              data={RECORD_TYPES.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] }))}
              value={type}
              onChange={setType}
            />
            <NumberInput label="所要時間（分）" min={0} max={1440} value={minutes} onChange={setMinutes} />
          </Group>
          <Textarea
            label="内容"
            required
            autosize
            minRows={5}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            error={fieldError(save.error, 'content')}
          />
          {servesOptions.length > 0 && (
            <Select
              label="プランのどの目標・支援内容に当たるか（任意）"
              clearable
              data={servesOptions}
              value={serves}
              onChange={setServes}
            />
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
