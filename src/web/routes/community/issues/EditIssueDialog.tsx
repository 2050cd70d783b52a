import { Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { RegionalIssue } from '../../../../modules/community/regional-issues.schemas';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { areasQuery } from '../../../lib/directory';
import { useApiMutation } from '../../../lib/mutation';
import { COMMUNITY_KEYS, issueCategoriesQuery } from '../community-queries';
import { areaGroups, NO_NAMES_HINT } from './area-options';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Changes what the issue says; only what was changed is sent, with the version read. */
export function EditIssueDialog({ issue, onClose }: { issue: RegionalIssue; onClose: () => void }) {
  const areas = useQuery(areasQuery).data ?? [];
  const vocabulary = useQuery(issueCategoriesQuery);
  const [title, setTitle] = useState(issue.title);
  const [description, setDescription] = useState(issue.description);
  const [areaIds, setAreaIds] = useState(issue.areas.map((a) => a.id));
  const [issueCodes, setIssueCodes] = useState(issue.issues.map((i) => i.code));
  const save = useApiMutation(
    () => {
      const changes: Record<string, unknown> = { version: issue.version };
      if (title !== issue.title) changes.title = title;
      if (description !== issue.description) changes.description = description;
      if (
        !same(
          areaIds,
          issue.areas.map((a) => a.id),
        )
      )
        changes.areaIds = areaIds;
      if (
        !same(
          issueCodes,
          issue.issues.map((i) => i.code),
        )
      )
        changes.issueCodes = issueCodes;
      return api('PATCH', `/api/community/issues/${issue.id}`, changes);
    },
    { invalidate: COMMUNITY_KEYS, success: '地域課題を変更しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="地域課題を編集" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="地域課題の名前"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(save.error, 'title')}
          />
          <Textarea
            label="内容"
            description={NO_NAMES_HINT}
            required
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          <MultiSelect
            label="圏域・地区"
            searchable
            clearable
            data={areaGroups(areas)}
            value={areaIds}
            onChange={setAreaIds}
          />
          <MultiSelect
            label="課題の分類"
            searchable
            clearable
            data={(vocabulary.data?.issues ?? []).map((i) => ({ value: i.code, label: i.label }))}
            value={issueCodes}
            onChange={setIssueCodes}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="保存する" />
        </Stack>
      </form>
    </Modal>
  );
}
