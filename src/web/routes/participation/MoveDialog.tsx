import { Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Placement } from '../../../modules/participation/participation.schemas';
import { formatWestern } from '../../../shared/dates';
import {
  END_REASON_LABELS,
  END_REASONS,
  type EndReason,
  PLACEMENT_STAGE_LABELS,
  type PlacementStage,
} from '../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { PARTICIPATION_KEYS } from './participation-queries';

const TITLES: Record<PlacementStage, string> = {
  proposed: '提案',
  visited: '見学したことを記録',
  trial: '体験したことを記録',
  started: '参加を始めたことを記録',
  ended: '終了を記録',
  interrupted: '中断を記録',
};

/** One step on the path, with what the person and the receiving side said. */
export function MoveDialog({
  placement,
  to,
  onClose,
}: {
  placement: Placement;
  to: PlacementStage;
  onClose: () => void;
}) {
  const [on, setOn] = useState(formatWestern(new Date()));
  const [personSaid, setPersonSaid] = useState('');
  const [receiverSaid, setReceiverSaid] = useState('');
  const [note, setNote] = useState('');
  const [endReason, setEndReason] = useState<EndReason | null>(null);
  const save = useApiMutation(
    () =>
      api('POST', `/api/participation/placements/${placement.id}/stage`, {
        to,
        on,
        personSaid,
        receiverSaid,
        note,
        endReason,
        version: placement.version,
      }),
    {
      invalidate: PARTICIPATION_KEYS,
      success: `「${placement.resourceName}」を「${PLACEMENT_STAGE_LABELS[to]}」にしました。`,
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`${placement.resourceName}：${TITLES[to]}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="日付"
            type="date"
            required
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={fieldError(save.error, 'on')}
          />
          {(to === 'ended' || to === 'interrupted') && (
            <Select
              label="理由"
              required
              data={END_REASONS.map((r) => ({ value: r, label: END_REASON_LABELS[r] }))}
              value={endReason}
              onChange={(v) => setEndReason(v as EndReason | null)}
              error={fieldError(save.error, 'endReason')}
            />
          )}
          <Textarea
            label="本人の声"
            autosize
            minRows={2}
            value={personSaid}
            onChange={(e) => setPersonSaid(e.currentTarget.value)}
          />
          <Textarea
            label="受け入れ側の声"
            autosize
            minRows={2}
            value={receiverSaid}
            onChange={(e) => setReceiverSaid(e.currentTarget.value)}
          />
          <Textarea
            label="メモ"
            autosize
            minRows={1}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {(to === 'ended' || to === 'interrupted') && (
            <Text size="sm" c="red.9">
              記録すると、この参加先の経過は{PLACEMENT_STAGE_LABELS[to]}
              となり、元に戻せません（もう一度つなぐときは、あらためて提案します）。
            </Text>
          )}
          <FormButtons
            onCancel={onClose}
            busy={save.isPending}
            label={to === 'ended' ? '終了にする' : to === 'interrupted' ? '中断にする' : '記録する'}
          />
        </Stack>
      </form>
    </Modal>
  );
}
