import { Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { OutreachRecord } from '../../../modules/outreach/outreach.schemas';
import type { Risk } from '../../../shared/outreach-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { outreachStaffQuery, useRecordChange } from './outreach-queries';
import { RiskPicker } from './RiskPicker';

export function RecordEditDialog({ record, onClose }: { record: OutreachRecord; onClose: () => void }) {
  const staff = useQuery(outreachStaffQuery);
  const [label, setLabel] = useState(record.label);
  const [location, setLocation] = useState(record.location ?? '');
  const [risk, setRisk] = useState<Risk>(record.risk);
  const [assigneeIds, setAssigneeIds] = useState(record.assignees.map((a) => a.userId));
  const save = useRecordChange(record.id, 'PATCH', '', '記録を保存しました。', onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ label, location, risk, assigneeIds, version: record.version });
  };
  return (
    <Modal opened onClose={onClose} title="担当・呼び名・危険の程度" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <MultiSelect
            label="担当"
            description="アウトリーチ支援員かコーディネーターを選びます。担当者のホームに、接触の予定日と途絶えている記録が出ます。"
            searchable
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.organisation}）` }))}
            value={assigneeIds}
            onChange={setAssigneeIds}
          />
          <TextInput
            label="記録の呼び名"
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={fieldError(save.error, 'label')}
          />
          <TextInput
            label="場所（住所・地区）"
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <RiskPicker value={risk} onChange={setRisk} />
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
