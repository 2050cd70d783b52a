import { Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Area } from '../../../modules/areas/areas.schemas';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import {
  FIELD_LABELS,
  FIELDS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
  STATUTORY_FUNCTION_LABELS,
  STATUTORY_FUNCTIONS,
} from '../../../shared/vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { areaOptions, organisationsQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';

type Props = { organisation: Organisation | null; areas: Area[]; onClose: () => void };

export function OrganisationForm({ organisation, areas, onClose }: Props) {
  const [name, setName] = useState(organisation?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | null>(organisation?.kind ?? null);
  const [functions, setFunctions] = useState<string[]>(organisation?.functions ?? []);
  const [fields, setFields] = useState<string[]>(organisation?.fields ?? []);
  const [areaId, setAreaId] = useState<string | null>(organisation?.areaId ?? null);
  const [phone, setPhone] = useState(organisation?.phone ?? '');

  const save = useApiMutation(
    (body: Record<string, unknown>) =>
      organisation
        ? api('PATCH', `/api/organisations/${organisation.id}`, { ...body, version: organisation.version })
        : api('POST', '/api/organisations', body),
    {
      invalidate: [organisationsQuery.queryKey],
      success: organisation ? '機関を更新しました。' : '機関を登録しました。',
      onDone: onClose,
    },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name, kind, functions, fields, areaId, phone: phone || null });
  };

  return (
    <Modal opened onClose={onClose} title={organisation ? '機関の編集' : '機関の追加'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="機関名"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <Select
            label="種別"
            required
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
            value={kind}
            onChange={(v) => setKind(v as OrganisationKind | null)}
            error={fieldError(save.error, 'kind')}
          />
          <Checkbox.Group
            label="法定機能（社会福祉法第106条の4第2項）"
            value={functions}
            onChange={setFunctions}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {STATUTORY_FUNCTIONS.map((f) => (
                <Checkbox key={f} value={f} label={STATUTORY_FUNCTION_LABELS[f]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group label="分野" value={fields} onChange={setFields}>
            <Group mt="xs" gap="md">
              {FIELDS.map((f) => (
                <Checkbox key={f} value={f} label={FIELD_LABELS[f]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label="担当地区"
            data={areaOptions(areas)}
            value={areaId}
            onChange={setAreaId}
            clearable
            placeholder="市全域・なし"
          />
          <TextInput
            label="電話番号"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError(save.error, 'phone')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="保存" />
        </Stack>
      </form>
    </Modal>
  );
}
