import { Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { OutreachRecord } from '../../../modules/outreach/outreach.schemas';
import {
  END_REASON_LABELS,
  END_REASONS,
  type EndReason,
  STAGE_LABELS,
  type Stage,
} from '../../../shared/outreach-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useRecordChange } from './outreach-queries';

/** The moves the record allows from here; 同意を得た comes only through a consultation. */
export function StageDialog({ record, onClose }: { record: OutreachRecord; onClose: () => void }) {
  const [to, setTo] = useState<Stage | null>(null);
  const [note, setNote] = useState('');
  const [endReason, setEndReason] = useState<EndReason | null>(null);
  const save = useRecordChange(record.id, 'POST', '/stage', '関係の段階を記録しました。', onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ to, note, endReason: to === 'ended' ? endReason : null });
  };
  return (
    <Modal opened onClose={onClose} title="関係の段階を変える" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm">いまは「{STAGE_LABELS[record.stage]}」です。</Text>
          <Radio.Group label="次の段階" required value={to} onChange={(v) => setTo(v as Stage)}>
            <Stack gap="xs" mt="xs">
              {record.moves.map((s) => (
                <Radio key={s} value={s} label={s === 'ended' ? '終了する（理由を記録）' : STAGE_LABELS[s]} />
              ))}
            </Stack>
          </Radio.Group>
          {to === 'ended' && (
            <Select
              label="終了の理由"
              required
              data={END_REASONS.map((r) => ({ value: r, label: END_REASON_LABELS[r] }))}
              value={endReason}
              onChange={(v) => setEndReason(v as EndReason | null)}
              error={fieldError(save.error, 'endReason')}
            />
          )}
          <Textarea
            label="理由・様子"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Text size="sm" c="gray.8">
            本人が相談に同意したら、記録の画面の「同意を得て相談につなぐ」から相談として受け付けます（「同意を得た」になります）。
          </Text>
          <FormButtons
            onCancel={onClose}
            busy={save.isPending}
            label={to === 'ended' ? '終了する' : '記録する'}
          />
        </Stack>
      </form>
    </Modal>
  );
}
