import { Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Project } from '../../../../modules/community/projects.schemas';
import { formatWestern } from '../../../../shared/dates';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { operatorsQuery } from '../../participation/participation-queries';
import { COMMUNITY_KEYS, projectPath } from '../community-queries';

/** プロジェクトにする: from one regional issue (more can be added on the project's page). */
export function CreateProjectDialog({
  issue,
  onClose,
}: {
  issue: { id: string; title: string };
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const operators = useQuery(operatorsQuery);
  const [title, setTitle] = useState('');
  const [aim, setAim] = useState('');
  const [leadOperatorId, setLead] = useState<string | null>(null);
  const [memberOperatorIds, setMembers] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState(formatWestern(new Date()));
  const [endsOn, setEndsOn] = useState('');
  const create = useApiMutation(
    () =>
      api<Project>('POST', '/api/community/projects', {
        title,
        aim,
        leadOperatorId,
        memberOperatorIds,
        startsOn,
        endsOn: endsOn || null,
        issueIds: [issue.id],
      }),
    {
      invalidate: COMMUNITY_KEYS,
      success: 'プロジェクトを立ち上げました。',
      onDone: (project) => navigate({ to: projectPath(project.id) }),
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined);
  };
  const options = (operators.data?.operators ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Modal opened onClose={onClose} title="プロジェクトを立ち上げる" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={create.error ?? operators.error} />
          <Text size="sm">
            もとになる地域課題：<b>{issue.title}</b>（協議中の課題は「プロジェクト化」になります）
          </Text>
          <TextInput
            label="プロジェクト名"
            required
            data-autofocus
            placeholder="例：東部圏域 居場所の現状分析プロジェクト"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(create.error, 'title')}
          />
          <Textarea
            label="ねらい"
            required
            autosize
            minRows={2}
            value={aim}
            onChange={(e) => setAim(e.currentTarget.value)}
            error={fieldError(create.error, 'aim')}
          />
          <Select
            label="中心となる団体"
            description="社会資源の運営団体から選びます（企業・NPO・自治会なども）"
            searchable
            clearable
            data={options}
            value={leadOperatorId}
            onChange={setLead}
          />
          <MultiSelect
            label="参加する団体"
            searchable
            clearable
            data={options}
            value={memberOperatorIds}
            onChange={setMembers}
          />
          <Group grow>
            <TextInput
              label="開始日"
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={fieldError(create.error, 'startsOn')}
            />
            <TextInput
              label="終了予定日"
              type="date"
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={fieldError(create.error, 'endsOn')}
            />
          </Group>
          <FormButtons onCancel={onClose} busy={create.isPending} label="立ち上げる" />
        </Stack>
      </form>
    </Modal>
  );
}
