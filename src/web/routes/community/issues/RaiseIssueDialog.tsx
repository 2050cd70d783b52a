import { Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { RegionalIssue } from '../../../../modules/community/regional-issues.schemas';
import {
  ISSUE_SOURCE_LABELS,
  ISSUE_SOURCES,
  type IssueSource,
} from '../../../../shared/community-vocabulary';
import { formatWestern } from '../../../../shared/dates';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { areasQuery } from '../../../lib/directory';
import { useApiMutation } from '../../../lib/mutation';
import { COMMUNITY_KEYS, issueCategoriesQuery, issuePath } from '../community-queries';
import { areaGroups, NO_NAMES_HINT } from './area-options';

export type RaiseDraft = {
  title?: string;
  description?: string;
  areaIds?: string[];
  issueCodes?: string[];
  source: IssueSource;
  caseIds?: string[];
};

/** 地域課題として提起: prefilled from where it was seen (the overview, a case…). */
export function RaiseIssueDialog({ draft, onClose }: { draft: RaiseDraft; onClose: () => void }) {
  const areas = useQuery(areasQuery).data ?? [];
  const vocabulary = useQuery(issueCategoriesQuery);
  const navigate = useNavigate();
  const [title, setTitle] = useState(draft.title ?? '');
  const [description, setDescription] = useState(draft.description ?? '');
  const [areaIds, setAreaIds] = useState(draft.areaIds ?? []);
  const [issueCodes, setIssueCodes] = useState(draft.issueCodes ?? []);
  const [source, setSource] = useState<IssueSource>(draft.source);
  const [raisedOn, setRaisedOn] = useState(formatWestern(new Date()));
  const raise = useApiMutation(
    () =>
      api<RegionalIssue>('POST', '/api/community/issues', {
        title,
        description,
        areaIds,
        issueCodes,
        source,
        caseIds: draft.caseIds ?? [],
        raisedOn,
      }),
    {
      invalidate: COMMUNITY_KEYS,
      success: '地域課題として提起しました。',
      onDone: (issue) => navigate({ to: issuePath(issue.id) }),
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="地域課題として提起" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={raise.error} />
          <Text size="sm">
            提起した課題は、地域づくりにかかわる職員が見られます。根拠の件数は個人が特定されない形（5件未満は「5件未満」）で表示されます。事例の名前は、その事例を見られる人にだけ表示されます。
          </Text>
          <TextInput
            label="地域課題の名前"
            required
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(raise.error, 'title')}
          />
          <Textarea
            label="内容（何が起きていて、なぜ地域の課題か）"
            description={NO_NAMES_HINT}
            required
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(raise.error, 'description')}
          />
          <MultiSelect
            label="圏域・地区"
            data={areaGroups(areas)}
            value={areaIds}
            onChange={setAreaIds}
            searchable
            clearable
            error={fieldError(raise.error, 'areaIds')}
          />
          <MultiSelect
            label="課題の分類"
            data={(vocabulary.data?.issues ?? []).map((i) => ({ value: i.code, label: i.label }))}
            value={issueCodes}
            onChange={setIssueCodes}
            searchable
            clearable
            error={fieldError(raise.error, 'issueCodes')}
          />
          <Select
            label="どこから提起するか"
            required
            data={ISSUE_SOURCES.filter((s) => s !== 'meeting').map((s) => ({
              value: s,
              label: ISSUE_SOURCE_LABELS[s],
            }))}
            value={source}
            onChange={(v) => v && setSource(v as IssueSource)}
            allowDeselect={false}
          />
          <TextInput
            label="提起した日"
            type="date"
            max={formatWestern(new Date())}
            required
            value={raisedOn}
            onChange={(e) => setRaisedOn(e.currentTarget.value)}
            error={fieldError(raise.error, 'raisedOn')}
          />
          <FormButtons onCancel={onClose} busy={raise.isPending} label="提起する" />
        </Stack>
      </form>
    </Modal>
  );
}
