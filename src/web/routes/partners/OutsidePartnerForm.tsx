import { Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import { ORGANISATION_KIND_LABELS, type OrganisationKind, PARTNER_KINDS } from '../../../shared/vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { organisationsQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';

type Props = { partner: Organisation | null; onClose: () => void };

/** 外部の関係機関: name, kind, the person to call there, and the number. */
export function OutsidePartnerForm({ partner, onClose }: Props) {
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | null>(partner?.kind ?? null);
  const [contactPerson, setContactPerson] = useState(partner?.contactPerson ?? '');
  const [phone, setPhone] = useState(partner?.phone ?? '');
  const [listInDirectory, setListInDirectory] = useState(true);
  const save = useApiMutation(
    (body: Record<string, unknown>) =>
      partner
        ? api('PATCH', `/api/organisations/${partner.id}`, { ...body, version: partner.version })
        : api('POST', '/api/organisations', { ...body, external: true, listInDirectory }),
    {
      invalidate: [organisationsQuery.queryKey],
      success: partner ? '外部の関係機関を更新しました。' : '外部の関係機関を登録しました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name, kind, contactPerson: contactPerson.trim() || null, phone: phone.trim() || null });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={partner ? '外部の関係機関の編集' : '外部の関係機関の登録'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="機関名"
            placeholder="例：大阪保護観察所、ハローワーク尼崎"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <Select
            label="種別"
            required
            searchable
            data={PARTNER_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
            value={kind}
            onChange={(v) => {
              setKind(v as OrganisationKind | null);
              // a 保護司 is a person, not an operator of places in the directory
              if (v === 'volunteer_probation_officer') setListInDirectory(false);
            }}
            error={fieldError(save.error, 'kind')}
          />
          <TextInput
            label="先方の担当者"
            placeholder="例：山本 保護観察官"
            value={contactPerson}
            onChange={(e) => setContactPerson(e.currentTarget.value)}
            error={fieldError(save.error, 'contactPerson')}
          />
          <TextInput
            label="電話番号"
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError(save.error, 'phone')}
          />
          {!partner && (
            <Checkbox
              label="社会資源の一覧の「運営団体」にも載せる"
              description="参加支援・地域づくりの担当者が、社会資源の運営団体として選べるようになります。"
              checked={listInDirectory}
              onChange={(e) => setListInDirectory(e.currentTarget.checked)}
            />
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} label={partner ? '保存' : '登録する'} />
        </Stack>
      </form>
    </Modal>
  );
}
