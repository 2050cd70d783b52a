import {
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Resource } from '../../../modules/resources/resources.schemas';
import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  OPERATOR_KIND_LABELS,
  OPERATOR_KINDS,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  RESOURCE_STATUS_LABELS,
  TARGET_ATTRIBUTE_LABELS,
  TARGET_ATTRIBUTES,
} from '../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { areasQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';
import { operatorsQuery } from './participation-queries';
import { ScheduleEditor } from './ScheduleEditor';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
const NEW_OPERATOR = '__new__';

type Draft = Omit<
  Resource,
  'id' | 'operatorName' | 'areaName' | 'verifiedOn' | 'verifiedBy' | 'stale' | 'version'
>;

const EMPTY: Draft = {
  operatorId: '',
  name: '',
  kinds: [],
  description: null,
  areaId: null,
  address: null,
  schedule: [],
  irregular: false,
  scheduleNote: null,
  forEveryone: true,
  ageMin: null,
  ageMax: null,
  targetAttributes: [],
  activities: [],
  free: true,
  costNote: null,
  accessibility: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  receivingSupport: null,
  capacity: null,
  placesFree: null,
  status: 'active',
};

/** Only the fields the user changed go to the server (PATCH changes only what is sent). */
function changedFields(before: Draft, after: Draft): Partial<Draft> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Draft)[])
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  return out as Partial<Draft>;
}

export function ResourceForm({
  resource,
  onClose,
  onCreated,
}: {
  resource: Resource | null;
  onClose: () => void;
  /** Called with a new resource before the form closes (a project links what it created). */
  onCreated?: (created: Resource) => Promise<unknown>;
}) {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const { data: operators } = useSuspenseQuery(operatorsQuery);
  const initial: Draft = resource ? { ...EMPTY, ...resource } : EMPTY;
  const [draft, setDraft] = useState<Draft>(initial);
  const [newOperator, setNewOperator] = useState({ name: '', kind: 'npo' });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft) => ({
    value: (draft[key] as string | null) ?? '',
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value || null;
      setDraft((d) => ({ ...d, [key]: value }));
    },
    error: fieldError(save.error, key),
  });
  const save = useApiMutation(
    async () => {
      let operatorId = draft.operatorId;
      if (operatorId === NEW_OPERATOR) {
        const created = await api<{ savedId: string }>('POST', '/api/resources/operators', newOperator);
        operatorId = created.savedId;
      }
      const body = { ...draft, operatorId };
      return resource
        ? api<Resource>('PATCH', `/api/resources/${resource.id}`, {
            ...changedFields(initial, body),
            version: resource.version,
          })
        : api<Resource>('POST', '/api/resources', body).then(async (created) => {
            await onCreated?.(created);
            return created;
          });
    },
    {
      invalidate: [['resources'], ['resource'], ['resource-operators']],
      success: (r) => `「${r.name}」を保存しました。`,
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  const districts = areas.filter((a) => a.level === 'district').map((a) => ({ value: a.id, label: a.name }));
  return (
    <Modal opened onClose={onClose} title={resource ? '社会資源の編集' : '社会資源を登録'} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput label="名称" required {...text('name')} />
          <SimpleGrid cols={2}>
            <Select
              label="運営する団体"
              required
              searchable
              data={[
                ...operators.operators.map((o) => ({ value: o.id, label: o.name })),
                { value: NEW_OPERATOR, label: '＋ 新しい団体を登録する' },
              ]}
              value={draft.operatorId || null}
              onChange={(v) => set('operatorId')(v ?? '')}
              error={fieldError(save.error, 'operatorId')}
            />
            <MultiSelect
              label="種別（複数可）"
              required
              data={options(RESOURCE_KINDS, RESOURCE_KIND_LABELS)}
              value={draft.kinds}
              onChange={(v) => set('kinds')(v as Draft['kinds'])}
              error={fieldError(save.error, 'kinds')}
            />
          </SimpleGrid>
          {draft.operatorId === NEW_OPERATOR && (
            <SimpleGrid cols={2}>
              <TextInput
                label="新しい団体の名称"
                required
                value={newOperator.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setNewOperator((o) => ({ ...o, name }));
                }}
              />
              <Select
                label="団体の種別"
                data={options(OPERATOR_KINDS, OPERATOR_KIND_LABELS)}
                value={newOperator.kind}
                onChange={(v) => setNewOperator((o) => ({ ...o, kind: v ?? 'other' }))}
                allowDeselect={false}
              />
            </SimpleGrid>
          )}
          <Textarea label="内容" autosize minRows={2} {...text('description')} />
          <SimpleGrid cols={2}>
            <Select
              label="地区"
              clearable
              searchable
              data={districts}
              value={draft.areaId}
              onChange={set('areaId')}
            />
            <TextInput label="所在地" {...text('address')} />
          </SimpleGrid>
          <ScheduleEditor
            slots={draft.schedule}
            irregular={draft.irregular}
            onChange={set('schedule')}
            onIrregular={set('irregular')}
          />
          <TextInput label="日程の補足（第2・第4週のみ など）" {...text('scheduleNote')} />
          <Checkbox
            label="誰でも参加できる"
            checked={draft.forEveryone}
            onChange={(e) => set('forEveryone')(e.currentTarget.checked)}
          />
          <SimpleGrid cols={3}>
            <NumberInput
              label="対象年齢（下限）"
              min={0}
              max={120}
              value={draft.ageMin ?? ''}
              onChange={(v) => set('ageMin')(typeof v === 'number' ? v : null)}
              error={fieldError(save.error, 'ageMin')}
            />
            <NumberInput
              label="対象年齢（上限）"
              min={0}
              max={120}
              value={draft.ageMax ?? ''}
              onChange={(v) => set('ageMax')(typeof v === 'number' ? v : null)}
              error={fieldError(save.error, 'ageMax')}
            />
            <MultiSelect
              label="対象となる方"
              data={options(TARGET_ATTRIBUTES, TARGET_ATTRIBUTE_LABELS)}
              value={draft.targetAttributes}
              onChange={(v) => set('targetAttributes')(v as Draft['targetAttributes'])}
            />
          </SimpleGrid>
          <MultiSelect
            label="参加する人ができること"
            data={options(ACTIVITIES, ACTIVITY_LABELS)}
            value={draft.activities}
            onChange={(v) => set('activities')(v as Draft['activities'])}
          />
          <Group align="flex-end">
            <Checkbox
              label="無料"
              checked={draft.free}
              onChange={(e) => set('free')(e.currentTarget.checked)}
            />
            <TextInput label="費用の内容" style={{ flex: 1 }} {...text('costNote')} />
          </Group>
          <TextInput label="バリアフリー・配慮" {...text('accessibility')} />
          <Textarea label="受け入れ側ができる配慮・支援" autosize minRows={2} {...text('receivingSupport')} />
          <SimpleGrid cols={3}>
            <TextInput label="連絡先の担当者（職員にだけ表示）" {...text('contactName')} />
            <TextInput label="場所の電話（公開ページにも表示）" {...text('contactPhone')} />
            <TextInput label="メール" {...text('contactEmail')} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <NumberInput
              label="定員（人）"
              min={0}
              value={draft.capacity ?? ''}
              onChange={(v) => set('capacity')(typeof v === 'number' ? v : null)}
            />
            <NumberInput
              label="いまの空き（人）"
              min={0}
              value={draft.placesFree ?? ''}
              onChange={(v) => set('placesFree')(typeof v === 'number' ? v : null)}
            />
            <Select
              label="状態"
              data={Object.entries(RESOURCE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              value={draft.status}
              onChange={(v) => set('status')((v ?? 'active') as Draft['status'])}
              allowDeselect={false}
            />
          </SimpleGrid>
          <FormButtons onCancel={onClose} busy={save.isPending} label={resource ? '保存' : '登録'} />
        </Stack>
      </form>
    </Modal>
  );
}
