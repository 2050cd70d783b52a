import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { OutreachRecord } from '../../../modules/outreach/outreach.schemas';
import {
  type ActivityKind,
  CONTACT_MEANS,
  CONTACT_MEANS_LABELS,
  CONTACT_RESULT_LABELS,
  CONTACT_RESULTS,
  type ContactMeans,
  type ContactResult,
} from '../../../shared/outreach-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { todayInJapan } from '../cases/case-queries';
import { useRecordChange } from './outreach-queries';

/** 接触を記録, or the groundwork before consent (情報収集 / 見守りのネットワークづくり). */
export function ActivityDialog({
  record,
  kind: initialKind,
  onClose,
}: {
  record: OutreachRecord;
  kind: ActivityKind;
  onClose: () => void;
}) {
  const contact = initialKind === 'contact';
  const [kind, setKind] = useState<ActivityKind>(initialKind);
  const [happenedOn, setHappenedOn] = useState(todayInJapan());
  const [means, setMeans] = useState<ContactMeans | null>(null);
  const [result, setResult] = useState<ContactResult | null>(null);
  const [withWhom, setWithWhom] = useState('');
  const [notes, setNotes] = useState('');
  const [nextContactOn, setNextContactOn] = useState('');
  const save = useRecordChange(record.id, 'POST', '/activities', '記録しました。', onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      kind,
      happenedOn,
      means: contact ? means : null,
      result: contact ? result : null,
      withWhom,
      notes,
      nextContactOn: nextContactOn || null,
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? '接触を記録' : '情報収集・ネットワークづくりを記録'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          {!contact && (
            <>
              <SegmentedControl
                aria-label="記録の種類"
                data={[
                  { value: 'info_gathering', label: '関係機関からの情報収集' },
                  { value: 'network_building', label: '見守りのネットワークづくり' },
                ]}
                value={kind}
                onChange={(v) => setKind(v as ActivityKind)}
              />
              <Text size="sm" c="gray.8">
                本人の同意を得る前の、関係機関への照会や見守りの依頼の記録です。本人との接触ではないため、関係の段階は変わりません。
              </Text>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: contact ? 3 : 1 }}>
            <TextInput
              type="date"
              label="日付"
              required
              max={todayInJapan()}
              value={happenedOn}
              onChange={(e) => setHappenedOn(e.currentTarget.value)}
              error={fieldError(save.error, 'happenedOn')}
            />
            {contact && (
              <>
                <Select
                  label="方法"
                  required
                  data={CONTACT_MEANS.map((m) => ({ value: m, label: CONTACT_MEANS_LABELS[m] }))}
                  value={means}
                  onChange={(v) => setMeans(v as ContactMeans | null)}
                  error={fieldError(save.error, 'means')}
                />
                <Select
                  label="結果"
                  required
                  data={CONTACT_RESULTS.map((r) => ({ value: r, label: CONTACT_RESULT_LABELS[r] }))}
                  value={result}
                  onChange={(v) => setResult(v as ContactResult | null)}
                  error={fieldError(save.error, 'result')}
                />
              </>
            )}
          </SimpleGrid>
          <TextInput
            label={contact ? '同行した人・会えた人' : '照会先・依頼先'}
            placeholder={contact ? '例：民生委員 山本さんと同行' : '例：北部地域包括支援センター'}
            value={withWhom}
            onChange={(e) => setWithWhom(e.currentTarget.value)}
          />
          <Textarea
            label="内容"
            autosize
            minRows={3}
            description={
              contact ? '様子、話せたこと、本人の言葉、次に向けての見立て。' : 'わかったこと、依頼したこと。'
            }
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={fieldError(save.error, 'notes')}
          />
          <TextInput
            type="date"
            label="次の接触予定"
            description="この日になると、担当者のホームに表示されます。"
            min={happenedOn}
            value={nextContactOn}
            onChange={(e) => setNextContactOn(e.currentTarget.value)}
            error={fieldError(save.error, 'nextContactOn')}
            w={240}
          />
          {contact && record.stage === 'not_contacted' && (
            <Text size="sm" c="gray.8">
              最初の記録で、段階は「接触を試みている」（会えた・話せたときは「会えた」）になります。
            </Text>
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
