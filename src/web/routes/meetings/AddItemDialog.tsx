import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Session } from '../../../modules/meetings/meetings.schemas';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { TOPIC_KIND_LABELS, TOPIC_KINDS } from '../../../shared/meeting-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { casesQuery } from '../cases/case-queries';
import { useSessionChange } from './meeting-queries';

/** 議題を加える: a 多機関協働 case (behind the consent gate of the body) or a topic. */
export function AddItemDialog({
  session,
  kind,
  onClose,
}: {
  session: Session;
  kind: 'case' | 'topic';
  onClose: () => void;
}) {
  const add = useSessionChange(session.id, 'POST', '/items', '議題に加えました。', onClose);
  const cases = useQuery({ ...casesQuery('active'), enabled: kind === 'case' });
  const [caseId, setCaseId] = useState<string | null>(null);
  const [topicKind, setTopicKind] = useState<string | null>('regional_issue');
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const tabled = new Set(session.items.filter((i) => !i.removedOn).map((i) => i.caseId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ body: kind === 'case' ? { kind, caseId, notes } : { kind, topicKind, title, notes } });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={kind === 'case' ? '事例を議題にする' : 'テーマを議題にする'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={add.error} title="議題にできません" />
          {kind === 'case' ? (
            <Select
              label="事例"
              description={
                session.requiresConsent
                  ? 'この会議体では、本人が関係機関との情報共有に同意している事例だけを議題にできます。'
                  : '守秘義務のある会議体です。本人の同意がない事例も議題にできます。'
              }
              required
              searchable
              nothingFoundMessage="該当する事例がありません"
              data={(cases.data ?? [])
                .filter((c) => !tabled.has(c.id))
                .map((c) => ({
                  value: c.id,
                  label: `${c.householdName}（${c.personNames.join('・')}）${CASE_STATUS_LABELS[c.status]}`,
                }))}
              value={caseId}
              onChange={setCaseId}
            />
          ) : (
            <>
              <Select
                label="種類"
                required
                allowDeselect={false}
                data={TOPIC_KINDS.map((t) => ({ value: t, label: TOPIC_KIND_LABELS[t] }))}
                value={topicKind}
                onChange={setTopicKind}
              />
              <TextInput
                label="テーマ"
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={fieldError(add.error, 'title')}
                data-autofocus
              />
            </>
          )}
          <Textarea
            label="メモ（任意）"
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <FormButtons onCancel={onClose} busy={add.isPending} label="議題に加える" />
        </Stack>
      </form>
    </Modal>
  );
}
