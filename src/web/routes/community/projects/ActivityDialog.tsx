import { Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  PROJECT_ACTIVITY_KIND_LABELS,
  PROJECT_ACTIVITY_KINDS,
  type ProjectActivityKind,
} from '../../../../shared/community-vocabulary';
import { formatWestern } from '../../../../shared/dates';
import { CountInput } from '../../../components/CountInput';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { COMMUNITY_KEYS } from '../community-queries';

/** 活動・会議の記録 of a project. */
export function ActivityDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const [kind, setKind] = useState<ProjectActivityKind>('meeting');
  const [heldOn, setHeldOn] = useState(formatWestern(new Date()));
  const [title, setTitle] = useState('');
  const [participants, setParticipants] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const save = useApiMutation(
    () =>
      api('POST', `/api/community/projects/${projectId}/activities`, {
        kind,
        heldOn,
        title,
        participants: participants === '' ? null : Number(participants),
        notes,
      }),
    { invalidate: COMMUNITY_KEYS, success: '活動を記録しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="活動・会議を記録" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Group grow>
            <Select
              label="種類"
              data={PROJECT_ACTIVITY_KINDS.map((k) => ({ value: k, label: PROJECT_ACTIVITY_KIND_LABELS[k] }))}
              value={kind}
              onChange={(v) => v && setKind(v as ProjectActivityKind)}
              allowDeselect={false}
            />
            <TextInput
              label="実施日"
              type="date"
              required
              value={heldOn}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
              error={fieldError(save.error, 'heldOn')}
            />
          </Group>
          <TextInput
            label="内容"
            required
            data-autofocus
            placeholder="例：第2回プロジェクト会議"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(save.error, 'title')}
          />
          <CountInput
            label="参加者数"
            min={0}
            allowDecimal={false}
            value={participants}
            onChange={setParticipants}
            suffix="人"
            error={fieldError(save.error, 'participants')}
            w={200}
          />
          <Textarea
            label="メモ"
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
