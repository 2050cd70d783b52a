import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  REPORTER_KIND_LABELS,
  REPORTER_KINDS,
  type ReporterKind,
  type Risk,
} from '../../../shared/outreach-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { areaOptions, areasQuery } from '../../lib/directory';
import { todayInJapan } from '../cases/case-queries';
import { partnersQuery, useReportFiling } from './outreach-queries';
import { RiskPicker } from './RiskPicker';

/**
 * 気になる人・世帯の報告. From anyone at the front line; the outreach team may add it to a
 * record they already keep (recordId) and name a new record.
 */
export function ReportDialog({
  recordId = null,
  namesRecord,
  onFiled,
  onClose,
}: {
  recordId?: string | null;
  namesRecord: boolean;
  onFiled: (result: { recordId: string | null }) => void;
  onClose: () => void;
}) {
  const partners = useQuery(partnersQuery);
  const [receivedOn, setReceivedOn] = useState(todayInJapan());
  const [reporterKind, setReporterKind] = useState<ReporterKind | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [reporterName, setReporterName] = useState('');
  const [location, setLocation] = useState('');
  const areas = useQuery(areasQuery);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [observed, setObserved] = useState('');
  const [peopleConcerned, setPeopleConcerned] = useState('');
  const [risk, setRisk] = useState<Risk>('normal');
  const [label, setLabel] = useState('');
  const file = useReportFiling((result) => {
    onFiled(result);
    onClose();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate({
      receivedOn,
      reporterKind,
      partnerId: reporterKind === 'watch_partner' ? partnerId : null,
      reporterName,
      location,
      areaId,
      observed,
      peopleConcerned,
      risk,
      recordId,
      label: namesRecord && !recordId ? label : null,
    });
  };
  const activePartners = (partners.data?.partners ?? []).filter((p) => p.isActive);
  return (
    <Modal
      opened
      onClose={onClose}
      title={recordId ? 'この記録に情報を加える' : '気になる人・世帯の報告を受ける'}
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={file.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label="受けた日"
              required
              max={todayInJapan()}
              value={receivedOn}
              onChange={(e) => setReceivedOn(e.currentTarget.value)}
              error={fieldError(file.error, 'receivedOn')}
            />
            <Select
              label="誰からの情報か"
              required
              data={REPORTER_KINDS.map((k) => ({ value: k, label: REPORTER_KIND_LABELS[k] }))}
              value={reporterKind}
              onChange={(v) => setReporterKind(v as ReporterKind | null)}
              error={fieldError(file.error, 'reporterKind')}
            />
            {reporterKind === 'watch_partner' ? (
              <Select
                label="見守り協定先"
                required
                searchable
                data={activePartners.map((p) => ({ value: p.id, label: p.name }))}
                value={partnerId}
                onChange={setPartnerId}
                error={fieldError(file.error, 'partnerId')}
              />
            ) : (
              <TextInput
                label="情報提供者（わかれば）"
                placeholder="例：民生委員 山本さん"
                value={reporterName}
                onChange={(e) => setReporterName(e.currentTarget.value)}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="場所（住所・地区）"
              placeholder="例：桜台3丁目、○○団地2号棟"
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              error={fieldError(file.error, 'location')}
            />
            <Select
              label="地区（わかれば）"
              searchable
              clearable
              data={areaOptions(areas.data ?? [])}
              value={areaId}
              onChange={setAreaId}
            />
          </SimpleGrid>
          <Textarea
            label="気づいたこと"
            required
            autosize
            minRows={3}
            description="見たこと・聞いたことをそのまま書きます（いつから、どのくらい続いているか）。"
            value={observed}
            onChange={(e) => setObserved(e.currentTarget.value)}
            error={fieldError(file.error, 'observed')}
          />
          <TextInput
            label="気になる人（わかる範囲で）"
            placeholder="例：70代くらいの男性、一人暮らしらしい（氏名がわからなくても構いません）"
            value={peopleConcerned}
            onChange={(e) => setPeopleConcerned(e.currentTarget.value)}
          />
          <RiskPicker value={risk} onChange={setRisk} />
          {namesRecord && !recordId && (
            <TextInput
              label="記録の呼び名"
              description="氏名がわかるまで、チームで呼ぶ名前です。空欄なら「場所＋の気になる人・世帯」になります。"
              placeholder="例：桜台3丁目 一人暮らしの男性"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
          )}
          <FormButtons onCancel={onClose} busy={file.isPending} label="受け付ける" />
        </Stack>
      </form>
    </Modal>
  );
}
