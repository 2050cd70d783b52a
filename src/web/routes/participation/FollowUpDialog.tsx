import { Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Placement } from '../../../modules/participation/participation.schemas';
import { formatWestern } from '../../../shared/dates';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { PARTICIPATION_KEYS } from './participation-queries';

/** 定着支援: a contact with the person or the receiving side; it completes the next follow-up. */
export function FollowUpDialog({ placement, onClose }: { placement: Placement; onClose: () => void }) {
  const [happenedOn, setHappenedOn] = useState(formatWestern(new Date()));
  const [personSaid, setPersonSaid] = useState('');
  const [receiverSaid, setReceiverSaid] = useState('');
  const [note, setNote] = useState('');
  const save = useApiMutation(
    () =>
      api('POST', `/api/participation/placements/${placement.id}/follow-ups`, {
        happenedOn,
        personSaid,
        receiverSaid,
        note,
      }),
    { invalidate: PARTICIPATION_KEYS, success: '定着支援の連絡を記録しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`${placement.resourceName}：定着支援の連絡を記録`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm">
            本人と受け入れ側のどちらか（できれば両方）の様子を記録します。記録すると、いちばん近い予定が済みになります。
          </Text>
          <TextInput
            label="連絡した日"
            type="date"
            required
            value={happenedOn}
            onChange={(e) => setHappenedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'happenedOn')}
          />
          <Textarea
            label="本人の様子・声"
            autosize
            minRows={2}
            value={personSaid}
            onChange={(e) => setPersonSaid(e.currentTarget.value)}
            error={fieldError(save.error, 'personSaid')}
          />
          <Textarea
            label="受け入れ側の様子・声"
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
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}

/** The follow-up schedule is the coordinator's to change. */
export function RescheduleDialog({
  placementId,
  followUp,
  onClose,
}: {
  placementId: string;
  followUp: { id: string; dueOn: string };
  onClose: () => void;
}) {
  const [dueOn, setDueOn] = useState(followUp.dueOn);
  const save = useApiMutation(
    () => api('PUT', `/api/participation/placements/${placementId}/follow-ups/${followUp.id}`, { dueOn }),
    { invalidate: PARTICIPATION_KEYS, success: '定着支援の予定日を変えました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="定着支援の予定日を変える">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="予定日"
            type="date"
            required
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={fieldError(save.error, 'dueOn')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="変更する" />
        </Stack>
      </form>
    </Modal>
  );
}
