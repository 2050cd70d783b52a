import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { todayInJapan } from '../cases/case-queries';
import { staffQuery } from './meeting-queries';

export type MeetingPersonInput = {
  userId: string | null;
  name: string | null;
  affiliation: string;
  confidentialityNotifiedOn: string | null;
};

/** A member of a body or a guest of a session: someone who logs in, or an outside person by name. */
export function MeetingPersonDialog({
  title,
  pickLabel,
  pickDescription,
  nameLabel,
  confidentialityBound,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  pickLabel: string;
  pickDescription?: string;
  nameLabel: string;
  confidentialityBound: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: MeetingPersonInput) => void;
  onClose: () => void;
}) {
  const staff = useQuery(staffQuery);
  const [userId, setUserId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [notifiedOn, setNotifiedOn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      userId,
      name: userId ? null : name,
      affiliation,
      confidentialityNotifiedOn: notifiedOn || null,
    });
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error} />
          <Select
            label={pickLabel}
            description={pickDescription}
            searchable
            clearable
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.organisation}）` }))}
            value={userId}
            onChange={setUserId}
          />
          {!userId && (
            <Group grow>
              <TextInput label={nameLabel} value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <TextInput
                label="所属"
                value={affiliation}
                onChange={(e) => setAffiliation(e.currentTarget.value)}
              />
            </Group>
          )}
          {confidentialityBound && (
            <TextInput
              type="date"
              label="守秘義務を説明した日"
              description="記録がない方は、議題と資料を見られません。"
              max={todayInJapan()}
              value={notifiedOn}
              onChange={(e) => setNotifiedOn(e.currentTarget.value)}
            />
          )}
          <FormButtons onCancel={onClose} busy={busy} label={submitLabel} />
        </Stack>
      </form>
    </Modal>
  );
}
