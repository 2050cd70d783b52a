import { Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Project } from '../../../../modules/community/projects.schemas';
import {
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectStatus,
} from '../../../../shared/community-vocabulary';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { operatorsQuery } from '../../participation/participation-queries';
import { COMMUNITY_KEYS } from '../community-queries';

/** Changes a project; only what was changed is sent, with the version read. */
export function ProjectEditDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const operators = useQuery(operatorsQuery);
  const initial = {
    title: project.title,
    aim: project.aim,
    status: project.status,
    leadOperatorId: project.lead?.id ?? null,
    startsOn: project.startsOn,
    endsOn: project.endsOn ?? '',
    outcomes: project.outcomes ?? '',
  };
  const [draft, setDraft] = useState(initial);
  const set =
    <K extends keyof typeof initial>(key: K) =>
    (value: (typeof initial)[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const save = useApiMutation(
    () => {
      const changes: Record<string, unknown> = { version: project.version };
      for (const key of Object.keys(initial) as (keyof typeof initial)[]) {
        if (draft[key] !== initial[key]) changes[key] = key === 'endsOn' ? draft.endsOn || null : draft[key];
      }
      return api('PATCH', `/api/community/projects/${project.id}`, changes);
    },
    { invalidate: COMMUNITY_KEYS, success: 'プロジェクトを保存しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="プロジェクトを編集" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="プロジェクト名"
            required
            value={draft.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={fieldError(save.error, 'title')}
          />
          <Textarea
            label="ねらい"
            required
            autosize
            minRows={2}
            value={draft.aim}
            onChange={(e) => set('aim')(e.currentTarget.value)}
            error={fieldError(save.error, 'aim')}
          />
          <Group grow>
            <Select
              label="状況"
              data={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
              value={draft.status}
              onChange={(v) => v && set('status')(v as ProjectStatus)}
              allowDeselect={false}
            />
            <Select
              label="中心となる団体"
              searchable
              clearable
              data={(operators.data?.operators ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={draft.leadOperatorId}
              onChange={set('leadOperatorId')}
            />
          </Group>
          <Group grow>
            <TextInput
              label="開始日"
              type="date"
              required
              value={draft.startsOn}
              onChange={(e) => set('startsOn')(e.currentTarget.value)}
              error={fieldError(save.error, 'startsOn')}
            />
            <TextInput
              label="終了（予定）日"
              type="date"
              value={draft.endsOn}
              onChange={(e) => set('endsOn')(e.currentTarget.value)}
              error={fieldError(save.error, 'endsOn')}
            />
          </Group>
          <Textarea
            label="成果"
            autosize
            minRows={3}
            value={draft.outcomes}
            onChange={(e) => set('outcomes')(e.currentTarget.value)}
            error={fieldError(save.error, 'outcomes')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="保存する" />
        </Stack>
      </form>
    </Modal>
  );
}
