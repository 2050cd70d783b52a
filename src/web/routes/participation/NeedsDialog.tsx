import { Checkbox, Chip, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Support } from '../../../modules/participation/participation.schemas';
import {
  REACH_LABELS,
  REACHES,
  TIME_OF_DAY_LABELS,
  TIMES_OF_DAY,
  WEEKDAY_LABELS,
  WISH_LABELS,
  WISHES,
} from '../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { areasQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';
import { PARTICIPATION_KEYS } from './participation-queries';

export type Needs = Pick<
  Support,
  | 'wishes'
  | 'inTheirWords'
  | 'weekdays'
  | 'timesOfDay'
  | 'areaId'
  | 'reach'
  | 'companion'
  | 'health'
  | 'anxieties'
  | 'strengths'
  | 'interests'
  | 'onlyFree'
>;

export const pickNeeds = (s: Needs): Needs => ({
  wishes: s.wishes,
  inTheirWords: s.inTheirWords,
  weekdays: s.weekdays,
  timesOfDay: s.timesOfDay,
  areaId: s.areaId,
  reach: s.reach,
  companion: s.companion,
  health: s.health,
  anxieties: s.anxieties,
  strengths: s.strengths,
  interests: s.interests,
  onlyFree: s.onlyFree,
});

/** The wishes and conditions of the person, in chips and their own words. */
export function NeedsFields({
  needs,
  onChange,
  error,
}: {
  needs: Needs;
  onChange: (n: Needs) => void;
  error: unknown;
}) {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const set = <K extends keyof Needs>(key: K, value: Needs[K]) => onChange({ ...needs, [key]: value });
  const text = (key: 'inTheirWords' | 'companion' | 'health' | 'anxieties' | 'strengths' | 'interests') => ({
    value: needs[key] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value || null),
    error: fieldError(error, key),
    autosize: true,
    minRows: 1,
  });
  return (
    <Stack>
      <Chip.Group multiple value={needs.wishes} onChange={(v) => set('wishes', v as Needs['wishes'])}>
        <Text fw={500} size="sm">
          本人の希望（複数可）
        </Text>
        <Group gap="xs">
          {WISHES.map((w) => (
            <Chip key={w} value={w}>
              {WISH_LABELS[w]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Textarea label="本人の言葉で" {...text('inTheirWords')} minRows={2} />
      <Chip.Group
        multiple
        value={needs.weekdays.map(String)}
        onChange={(v) => set('weekdays', v.map(Number).sort())}
      >
        <Text fw={500} size="sm">
          行ける曜日
        </Text>
        <Group gap="xs">
          {WEEKDAY_LABELS.map((label, d) => (
            <Chip key={label} value={String(d)}>
              {label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Chip.Group
        multiple
        value={needs.timesOfDay}
        onChange={(v) => set('timesOfDay', v as Needs['timesOfDay'])}
      >
        <Text fw={500} size="sm">
          行ける時間帯
        </Text>
        <Group gap="xs">
          {TIMES_OF_DAY.map((t) => (
            <Chip key={t} value={t}>
              {TIME_OF_DAY_LABELS[t]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <SimpleGrid cols={2}>
        <Select
          label="住んでいる地区"
          clearable
          searchable
          data={areas.filter((a) => a.level === 'district').map((a) => ({ value: a.id, label: a.name }))}
          value={needs.areaId}
          onChange={(v) => set('areaId', v)}
        />
        <Select
          label="行ける範囲"
          data={REACHES.map((r) => ({ value: r, label: REACH_LABELS[r] }))}
          value={needs.reach}
          onChange={(v) => set('reach', (v ?? 'city') as Needs['reach'])}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Checkbox
        label="費用のかからない場がよい"
        checked={needs.onlyFree}
        onChange={(e) => set('onlyFree', e.currentTarget.checked)}
      />
      <SimpleGrid cols={2}>
        <Textarea label="一緒に行きたい人" {...text('companion')} />
        <Textarea label="体調・健康面" {...text('health')} />
        <Textarea label="不安なこと" {...text('anxieties')} />
        <Textarea label="強み・得意なこと" {...text('strengths')} />
      </SimpleGrid>
      <Textarea label="興味・関心" {...text('interests')} />
    </Stack>
  );
}

export function NeedsDialog({ support, onClose }: { support: Support; onClose: () => void }) {
  const [needs, setNeeds] = useState<Needs>(() => pickNeeds(support));
  const save = useApiMutation(
    () => {
      const changed: Record<string, unknown> = {};
      for (const key of Object.keys(needs) as (keyof Needs)[])
        if (JSON.stringify(needs[key]) !== JSON.stringify(support[key])) changed[key] = needs[key];
      return api('PATCH', `/api/participation/${support.id}`, { ...changed, version: support.version });
    },
    { invalidate: PARTICIPATION_KEYS, success: '希望・条件を保存しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="希望・条件を編集" size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <NeedsFields needs={needs} onChange={setNeeds} error={save.error} />
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
