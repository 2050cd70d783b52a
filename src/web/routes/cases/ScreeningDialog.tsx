import { Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Case } from '../../../modules/cases/cases.schemas';
import { SCREENING_OUTCOME_LABELS, SCREENING_OUTCOMES } from '../../../shared/case-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { todayInJapan, useCaseStep } from './case-queries';

const HINTS: Record<string, string> = {
  advise_referrer: '事例は終結し、つないだ機関が対応を続けます。',
  multi_agency: 'アセスメントに進みます。',
  support_meeting: 'アセスメントに進み、支援会議（法第106条の6）で検討します。',
  outreach: 'アセスメントに進み、アウトリーチで関係づくりをします。',
};

/** 芦屋 機能Ⅰ: the coordinator's screening decision. */
export function ScreeningDialog({ caseData, onClose }: { caseData: Case; onClose: () => void }) {
  const save = useCaseStep(caseData.id, '/screening', 'スクリーニングを記録しました。', onClose);
  const [outcome, setOutcome] = useState('multi_agency');
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayInJapan());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ outcome, reason, decidedOn });
  };
  return (
    <Modal opened onClose={onClose} title="スクリーニング" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Radio.Group label="判断" required value={outcome} onChange={setOutcome}>
            <Stack gap="xs" mt="xs">
              {SCREENING_OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={SCREENING_OUTCOME_LABELS[o]} description={HINTS[o]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="判断の理由"
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(save.error, 'reason')}
          />
          <TextInput
            type="date"
            label="判断した日"
            required
            max={todayInJapan()}
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'decidedOn')}
          />
          <Text size="sm" c="gray.8">
            判断は決定の記録として残り、事例の経過に表示されます。
          </Text>
          <FormButtons onCancel={onClose} busy={save.isPending} label="スクリーニングを記録" />
        </Stack>
      </form>
    </Modal>
  );
}
