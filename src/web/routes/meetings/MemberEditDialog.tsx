import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Body } from '../../../modules/meetings/meetings.schemas';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { bodiesQuery } from './meeting-queries';

type Member = Body['members'][number];

/** 所属・役職 change with the personnel changes of April; a staff member's name is their account's. */
export function MemberEditDialog({
  body,
  member,
  onClose,
}: {
  body: Body;
  member: Member;
  onClose: () => void;
}) {
  const [name, setName] = useState(member.name);
  const [affiliation, setAffiliation] = useState(member.affiliation ?? '');
  const [title, setTitle] = useState(member.title ?? '');
  const save = useApiMutation(
    (input: Record<string, unknown>) =>
      api('PATCH', `/api/meetings/bodies/${body.id}/members/${member.id}`, input),
    { invalidate: [bodiesQuery.queryKey], success: '構成員の情報を更新しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...(member.userId ? {} : { name }),
      affiliation: affiliation.trim() || null,
      title: title.trim() || null,
      version: member.version,
    });
  };
  return (
    <Modal opened onClose={onClose} title={`構成員の情報：${member.name}`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          {member.userId ? (
            <Text size="sm">氏名：{member.name}（職員のアカウントの氏名です）</Text>
          ) : (
            <TextInput
              label="氏名"
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(save.error, 'name')}
            />
          )}
          <TextInput
            label="所属"
            value={affiliation}
            onChange={(e) => setAffiliation(e.currentTarget.value)}
            error={fieldError(save.error, 'affiliation')}
          />
          <TextInput
            label="役職"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(save.error, 'title')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="保存" />
        </Stack>
      </form>
    </Modal>
  );
}
