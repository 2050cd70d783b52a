import { Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  FIELD_LABELS,
  FIELDS,
  FUNCTION_LABELS,
  FUNCTIONS,
  METHOD_LABELS,
  METHODS,
  type ProgramMethod,
} from '../../../shared/program-vocabulary';
import { CountInput } from '../../components/CountInput';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import type { Program } from './program-queries';

type Draft = Omit<Program, 'id' | 'version' | 'fiscalYear'>;
const EMPTY: Draft = {
  functionCode: '1ni',
  name: '',
  field: null,
  description: null,
  methods: [],
  operator: null,
  agencies: null,
  agencyCount: null,
  department: null,
  staffing: null,
  position: 0,
};

/** One program of the year as 芦屋's tables describe it. */
export function ProgramForm({
  program,
  fiscalYear,
  onClose,
}: {
  program: Program | null;
  fiscalYear: number;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => {
    if (!program) return EMPTY;
    const { id: _id, version: _version, fiscalYear: _year, ...fields } = program;
    return fields;
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft) => (e: { currentTarget: { value: string } }) =>
    set(key, (e.currentTarget.value || null) as never);
  const save = useApiMutation(
    () =>
      program
        ? api('PATCH', `/api/program/programs/${program.id}`, { ...draft, version: program.version })
        : api('POST', '/api/program/programs', { ...draft, fiscalYear }),
    { invalidate: [['program']], success: `「${draft.name}」を保存しました。`, onDone: onClose },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={program ? `事業を変更：${program.name}` : '事業を登録'} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} title="事業を保存できませんでした" />
          <SimpleGrid cols={2}>
            <Select
              label="事業の区分"
              required
              allowDeselect={false}
              data={FUNCTIONS.map((f) => ({ value: f, label: FUNCTION_LABELS[f] }))}
              value={draft.functionCode}
              onChange={(v) => v && set('functionCode', v as Draft['functionCode'])}
            />
            <Select
              label="分野"
              clearable
              data={FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] }))}
              value={draft.field}
              onChange={(v) => set('field', v as Draft['field'])}
            />
          </SimpleGrid>
          <TextInput
            label="事業名"
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <Textarea
            label="事業内容"
            autosize
            minRows={3}
            value={draft.description ?? ''}
            onChange={text('description')}
            error={fieldError(save.error, 'description')}
          />
          <Checkbox.Group
            label="実施方式"
            value={draft.methods}
            onChange={(v) => set('methods', v as ProgramMethod[])}
            error={fieldError(save.error, 'methods')}
          >
            <Group mt={4}>
              {METHODS.map((m) => (
                <Checkbox key={m} value={m} label={METHOD_LABELS[m]} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={2}>
            <TextInput label="委託先・補助先" value={draft.operator ?? ''} onChange={text('operator')} />
            <TextInput label="所管課" value={draft.department ?? ''} onChange={text('department')} />
            <TextInput label="支援機関（名称）" value={draft.agencies ?? ''} onChange={text('agencies')} />
            <CountInput
              label="支援機関の数"
              value={draft.agencyCount ?? ''}
              onChange={(v) => set('agencyCount', v === '' ? null : Number(v))}
              rightSection="か所"
              error={fieldError(save.error, 'agencyCount')}
            />
          </SimpleGrid>
          <Textarea
            label="実施体制（人員）"
            autosize
            minRows={2}
            value={draft.staffing ?? ''}
            onChange={text('staffing')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
