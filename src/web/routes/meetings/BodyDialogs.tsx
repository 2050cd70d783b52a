import { Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Body } from '../../../modules/meetings/meetings.schemas';
import {
  CONFIDENTIALITY_BOUND,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  type LegalBasis,
  TIER_LABELS,
  TIERS,
} from '../../../shared/meeting-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { MeetingPersonDialog, type MeetingPersonInput } from './MeetingPersonDialog';
import { bodiesQuery } from './meeting-queries';

export function BodyDialog({ body, onClose }: { body: Body | null; onClose: () => void }) {
  const save = useApiMutation(
    (input: unknown) =>
      body
        ? api('PUT', `/api/meetings/bodies/${body.id}`, input)
        : api('POST', '/api/meetings/bodies', input),
    { invalidate: [bodiesQuery.queryKey], success: '会議体を保存しました。', onDone: onClose },
  );
  const [name, setName] = useState(body?.name ?? '');
  const [legalBasis, setLegalBasis] = useState<LegalBasis | null>(body?.legalBasis ?? 'multi_layered');
  const [tier, setTier] = useState<string | null>(body?.tier ?? null);
  const [requiresConsent, setRequiresConsent] = useState(body?.requiresConsent ?? true);
  const [themesOnly, setThemesOnly] = useState(body?.themesOnly ?? false);
  const [cadence, setCadence] = useState(body?.cadence ?? '');
  const [isActive, setIsActive] = useState(body?.isActive ?? true);
  const bound = legalBasis !== null && CONFIDENTIALITY_BOUND.includes(legalBasis);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      name,
      legalBasis,
      tier,
      requiresConsent: bound ? requiresConsent : true,
      themesOnly,
      cadence,
      isActive,
    });
  };
  return (
    <Modal opened onClose={onClose} title={body ? '会議体の設定' : '会議体を追加'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="名称"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
            data-autofocus
          />
          <Group grow>
            <Select
              label="根拠（会議の種類）"
              required
              allowDeselect={false}
              data={LEGAL_BASES.map((b) => ({ value: b, label: LEGAL_BASIS_LABELS[b] }))}
              value={legalBasis}
              onChange={(v) => setLegalBasis(v as LegalBasis | null)}
            />
            <Select
              label="階層（三田市の3層など）"
              clearable
              data={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))}
              value={tier}
              onChange={setTier}
            />
          </Group>
          <Checkbox
            label="事例を議題にするには本人の同意が必要"
            description={
              bound
                ? '構成員に法律上の守秘義務がある会議体です。同意のない事例も検討できます。'
                : '守秘義務が法律で定められていない会議体では、同意が必要です。'
            }
            checked={bound ? requiresConsent : true}
            disabled={!bound}
            onChange={(e) => setRequiresConsent(e.currentTarget.checked)}
          />
          <Checkbox
            label="事例は扱わない（テーマのみ）"
            description="全体会議など情報共有の場。事例やアウトリーチの記録は議題にできなくなります。"
            checked={themesOnly}
            onChange={(e) => setThemesOnly(e.currentTarget.checked)}
          />
          <Group grow>
            <TextInput
              label="開催頻度"
              placeholder="毎月・随時など"
              value={cadence}
              onChange={(e) => setCadence(e.currentTarget.value)}
            />
            <Checkbox
              label="使用中"
              checked={isActive}
              onChange={(e) => setIsActive(e.currentTarget.checked)}
              mt="lg"
            />
          </Group>
          <FormButtons onCancel={onClose} busy={save.isPending} label="保存" />
        </Stack>
      </form>
    </Modal>
  );
}

export function MemberDialog({ body, onClose }: { body: Body; onClose: () => void }) {
  const add = useApiMutation(
    (input: MeetingPersonInput) => api('POST', `/api/meetings/bodies/${body.id}/members`, input),
    { invalidate: [bodiesQuery.queryKey], success: '構成員を追加しました。', onDone: onClose },
  );
  return (
    <MeetingPersonDialog
      title={`構成員を追加：${body.name}`}
      pickLabel="職員から選ぶ"
      nameLabel="または外部の方の氏名"
      confidentialityBound={body.confidentialityBound}
      submitLabel="追加する"
      busy={add.isPending}
      error={add.error}
      onSubmit={(input) => add.mutate(input)}
      onClose={onClose}
    />
  );
}
