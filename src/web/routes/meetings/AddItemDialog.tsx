import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Session } from '../../../modules/meetings/meetings.schemas';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { TOPIC_KIND_LABELS, TOPIC_KINDS } from '../../../shared/meeting-vocabulary';
import { STAGE_LABELS } from '../../../shared/outreach-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { casesQuery } from '../cases/case-queries';
import { recordsQuery } from '../outreach/outreach-queries';
import { useSessionChange } from './meeting-queries';

const TITLES = {
  case: '事例を議題にする',
  outreach: 'アウトリーチの記録を議題にする',
  topic: 'テーマを議題にする',
} as const;

/** 議題を加える: a 多機関協働 case (behind the consent gate of the body), an outreach record (支援会議 only) or a topic. */
export function AddItemDialog({
  session,
  kind,
  onClose,
}: {
  session: Session;
  kind: 'case' | 'outreach' | 'topic';
  onClose: () => void;
}) {
  const add = useSessionChange(session.id, 'POST', '/items', '議題に加えました。', onClose);
  const cases = useQuery({ ...casesQuery('active'), enabled: kind === 'case' });
  const records = useQuery({ ...recordsQuery('open'), enabled: kind === 'outreach' });
  const [caseId, setCaseId] = useState<string | null>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [topicKind, setTopicKind] = useState<string | null>('regional_issue');
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const live = session.items.filter((i) => !i.removedOn);
  const tabled = new Set(live.map((i) => i.caseId ?? i.outreachRecordId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({
      body:
        kind === 'case'
          ? { kind, caseId, notes }
          : kind === 'outreach'
            ? { kind, outreachRecordId: recordId, notes }
            : { kind, topicKind, title, notes },
    });
  };
  return (
    <Modal opened onClose={onClose} title={TITLES[kind]} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={add.error} title="議題にできません" />
          {kind === 'outreach' && (
            <Select
              label="アウトリーチの記録"
              description="本人の同意を得る前の人・世帯です。出席者は守秘義務のもとで、届いた情報と接触の経過を見られます。"
              required
              searchable
              nothingFoundMessage="関わっているアウトリーチの記録がありません"
              data={(records.data?.records ?? [])
                .filter((r) => !tabled.has(r.id))
                .map((r) => ({ value: r.id, label: `${r.label}（${STAGE_LABELS[r.stage]}）` }))}
              value={recordId}
              onChange={setRecordId}
            />
          )}
          {kind === 'case' && (
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
                  label: `${session.requiresConsent && !c.consentInForce ? '【同意なし・議題にできません】' : ''}${c.householdName}（${c.personNames.join('・')}）${CASE_STATUS_LABELS[c.status]}`,
                  // a consent-bound body cannot take a case without consent: marked before it is picked
                  disabled: session.requiresConsent && !c.consentInForce,
                }))}
              value={caseId}
              onChange={setCaseId}
            />
          )}
          {kind === 'topic' && (
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
