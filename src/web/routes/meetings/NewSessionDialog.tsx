import { Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { LEGAL_BASIS_LABELS } from '../../../shared/meeting-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { todayInJapan } from '../cases/case-queries';
import { bodiesQuery } from './meeting-queries';

/** 会議を予定する: body, date and time, place. The body's members become the attendees. */
export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const bodies = useQuery(bodiesQuery);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [date, setDate] = useState(todayInJapan());
  const [time, setTime] = useState('14:00');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const create = useApiMutation(
    (body: unknown) => api<{ id: string }>('POST', '/api/meetings/sessions', body),
    {
      invalidate: [['meeting-sessions']],
      success: '会議を予定しました。議題と出席者を整えてください。',
      onDone: ({ id }) => void navigate({ to: `/meetings/${id}` }),
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ bodyId, startsAt: `${date}T${time}:00+09:00`, place, online });
  };
  const options = (bodies.data?.items ?? [])
    .filter((b) => b.isActive)
    // The basis only when the body's name does not already say it (支援会議（法第106条の6）).
    .map((b) => ({
      value: b.id,
      label: `${
        b.name.includes(LEGAL_BASIS_LABELS[b.legalBasis])
          ? b.name
          : `${b.name}（${LEGAL_BASIS_LABELS[b.legalBasis]}）`
      }${b.themesOnly ? '・テーマのみ' : ''}`,
    }));
  return (
    <Modal opened onClose={onClose} title="会議を予定する" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={create.error} />
          <Select
            label="会議体"
            required
            data={options}
            value={bodyId}
            onChange={setBodyId}
            error={fieldError(create.error, 'bodyId')}
          />
          <Group grow>
            <TextInput
              type="date"
              label="開催日"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label="開始時刻"
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
          </Group>
          <TextInput label="場所" value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <Checkbox
            label="オンライン併用"
            checked={online}
            onChange={(e) => setOnline(e.currentTarget.checked)}
          />
          <FormButtons onCancel={onClose} busy={create.isPending} label="予定する" />
        </Stack>
      </form>
    </Modal>
  );
}
