import { Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Support } from '../../../modules/participation/participation.schemas';
import { formatWestern } from '../../../shared/dates';
import { WISH_LABELS, WISHES, type Wish } from '../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { areasQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';
import { PARTICIPATION_KEYS } from './participation-queries';

/** 新たなメニューの創造: record what no resource offered, for the community work to answer. */
export function UnmetNeedDialog({ support, onClose }: { support: Support; onClose: () => void }) {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [wish, setWish] = useState<Wish | null>(support.wishes[0] ?? null);
  const [areaId, setAreaId] = useState<string | null>(support.areaId);
  const [conditions, setConditions] = useState('');
  const [recordedOn, setRecordedOn] = useState(formatWestern(new Date()));
  const save = useApiMutation(
    () =>
      api('POST', `/api/participation/${support.id}/unmet-needs`, { wish, areaId, conditions, recordedOn }),
    { invalidate: PARTICIPATION_KEYS, success: '合う場がなかった希望を記録しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="合う場が見つからない希望を記録" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm">
            地区と希望の種類ごとに件数だけが集計され（個人は特定されません）、地域づくりで新しい場をつくる材料になります。
          </Text>
          <Select
            label="希望の種類"
            required
            data={WISHES.map((w) => ({ value: w, label: WISH_LABELS[w] }))}
            value={wish}
            onChange={(v) => setWish(v as Wish | null)}
            error={fieldError(save.error, 'wish')}
          />
          <Select
            label="地区"
            clearable
            data={areas.filter((a) => a.level === 'district').map((a) => ({ value: a.id, label: a.name }))}
            value={areaId}
            onChange={setAreaId}
          />
          <Textarea
            label="どんな条件の場がなかったか"
            required
            autosize
            minRows={2}
            placeholder="例：夕方以降に週2回、体を動かす就労体験"
            value={conditions}
            onChange={(e) => setConditions(e.currentTarget.value)}
            error={fieldError(save.error, 'conditions')}
          />
          <TextInput
            label="記録日"
            type="date"
            required
            value={recordedOn}
            onChange={(e) => setRecordedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'recordedOn')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
