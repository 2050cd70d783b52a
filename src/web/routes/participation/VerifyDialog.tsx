import { Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Resource } from '../../../modules/resources/resources.schemas';
import { formatWestern } from '../../../shared/dates';
import { RESOURCE_STATUS_LABELS } from '../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';

/** 最終確認日: the place was contacted and what we know of it still holds (or was corrected). */
export function VerifyDialog({ resource, onClose }: { resource: Resource; onClose: () => void }) {
  const [verifiedOn, setVerifiedOn] = useState(formatWestern(new Date()));
  const [placesFree, setPlacesFree] = useState<number | null>(resource.placesFree);
  const [status, setStatus] = useState(resource.status);
  const save = useApiMutation(
    () =>
      api('POST', `/api/resources/${resource.id}/verify`, {
        verifiedOn,
        placesFree,
        status,
        version: resource.version,
      }),
    { invalidate: [['resources'], ['resource']], success: '確認した日を記録しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`「${resource.name}」の情報を確認した`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm">先方に連絡して、日時・対象・空きが変わっていないか確かめた日を記録します。</Text>
          <TextInput
            label="確認した日"
            type="date"
            required
            value={verifiedOn}
            onChange={(e) => setVerifiedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'verifiedOn')}
          />
          <NumberInput
            label="いまの空き（人）"
            min={0}
            value={placesFree ?? ''}
            onChange={(v) => setPlacesFree(typeof v === 'number' ? v : null)}
          />
          <Select
            label="状態"
            data={Object.entries(RESOURCE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            value={status}
            onChange={(v) => setStatus((v ?? 'active') as Resource['status'])}
            allowDeselect={false}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="確認日を記録" />
        </Stack>
      </form>
    </Modal>
  );
}
