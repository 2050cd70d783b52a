import {
  ActionIcon,
  Button,
  Group,
  Input,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Training } from '../../../../modules/community/trainings.schemas';
import {
  TRAINING_AUDIENCE_LABELS,
  TRAINING_AUDIENCES,
  TRAINING_SCOPE_LABELS,
  TRAINING_SCOPES,
  TRAINING_TOPIC_LABELS,
  TRAINING_TOPICS,
} from '../../../../shared/community-vocabulary';
import { formatWestern } from '../../../../shared/dates';
import { CountInput } from '../../../components/CountInput';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';

type Draft = Omit<Training, 'id' | 'version'>;
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const EMPTY: Draft = {
  title: '',
  heldOn: formatWestern(new Date()),
  scope: 'internal',
  audiences: [],
  organiser: '',
  topics: [],
  participantsByOrganisation: [],
  participantsTotal: 0,
  materials: null,
  notes: null,
};

/** A training held: who it was for, who came from where, and the handouts. */
export function TrainingForm({ training, onClose }: { training: Training | null; onClose: () => void }) {
  const initial: Draft = training ?? EMPTY;
  const [draft, setDraft] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const rows = draft.participantsByOrganisation;
  const sum = rows.reduce((s, r) => s + r.count, 0);
  const setRow = (i: number, row: { organisation: string; count: number }) =>
    set(
      'participantsByOrganisation',
      rows.map((r, j) => (j === i ? row : r)),
    );
  const save = useApiMutation(
    () => {
      if (!training) return api<Training>('POST', '/api/community/trainings', draft);
      const changes: Record<string, unknown> = { version: training.version };
      for (const key of Object.keys(draft) as (keyof Draft)[])
        if (JSON.stringify(draft[key]) !== JSON.stringify(initial[key])) changes[key] = draft[key];
      return api<Training>('PATCH', `/api/community/trainings/${training.id}`, changes);
    },
    { invalidate: [['trainings']], success: (t) => `「${t.title}」を保存しました。`, onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={training ? '研修の記録を変更' : '研修を記録'} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="研修名"
            required
            data-autofocus
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fieldError(save.error, 'title')}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label="開催日"
              type="date"
              required
              value={draft.heldOn}
              onChange={(e) => set('heldOn', e.currentTarget.value)}
              error={fieldError(save.error, 'heldOn')}
            />
            <Input.Wrapper label="庁内・庁外" labelElement="div" id="training-scope-label">
              <SegmentedControl
                display="flex"
                aria-labelledby="training-scope-label-label"
                data={options(TRAINING_SCOPES, TRAINING_SCOPE_LABELS)}
                value={draft.scope}
                onChange={(v) => set('scope', v as Draft['scope'])}
              />
            </Input.Wrapper>
            <TextInput
              label="主催"
              required
              value={draft.organiser}
              onChange={(e) => set('organiser', e.currentTarget.value)}
              error={fieldError(save.error, 'organiser')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <MultiSelect
              label="対象（複数可）"
              required
              data={options(TRAINING_AUDIENCES, TRAINING_AUDIENCE_LABELS)}
              value={draft.audiences}
              onChange={(v) => set('audiences', v as Draft['audiences'])}
              error={fieldError(save.error, 'audiences')}
            />
            <MultiSelect
              label="テーマ（複数可）"
              data={options(TRAINING_TOPICS, TRAINING_TOPIC_LABELS)}
              value={draft.topics}
              onChange={(v) => set('topics', v as Draft['topics'])}
              error={fieldError(save.error, 'topics')}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Input.Label component="div">機関・団体ごとの参加者数（任意）</Input.Label>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their place is their identity
              <Group key={i} align="flex-end" wrap="nowrap">
                <TextInput
                  label={`機関・団体 ${i + 1}`}
                  style={{ flex: 1 }}
                  value={row.organisation}
                  onChange={(e) => setRow(i, { ...row, organisation: e.currentTarget.value })}
                  error={fieldError(save.error, `participantsByOrganisation.${i}.organisation`)}
                />
                <CountInput
                  label="人数"
                  w={120}
                  min={0}
                  value={row.count}
                  onChange={(v) => setRow(i, { ...row, count: typeof v === 'number' ? v : 0 })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  c="red.9"
                  size="lg"
                  mb={2}
                  aria-label={`機関・団体 ${i + 1} の行を削除`}
                  onClick={() =>
                    set(
                      'participantsByOrganisation',
                      rows.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => set('participantsByOrganisation', [...rows, { organisation: '', count: 0 }])}
              >
                行を加える
              </Button>
              {rows.length > 0 && (
                <Text size="sm" c="gray.8">
                  機関別の合計：{sum}人
                </Text>
              )}
            </Group>
          </Stack>
          <CountInput
            label="参加者の合計（人）"
            description="機関別の人数に含まれない参加者も含めた合計です（機関別の合計以上）。"
            required
            w={280}
            min={0}
            value={draft.participantsTotal}
            onChange={(v) => set('participantsTotal', typeof v === 'number' ? v : 0)}
            error={fieldError(save.error, 'participantsTotal')}
          />
          <Textarea
            label="資料（配布資料の題名・保存場所やリンク）"
            autosize
            minRows={2}
            value={draft.materials ?? ''}
            onChange={(e) => set('materials', e.currentTarget.value || null)}
            error={fieldError(save.error, 'materials')}
          />
          <Textarea
            label="メモ"
            autosize
            minRows={2}
            value={draft.notes ?? ''}
            onChange={(e) => set('notes', e.currentTarget.value || null)}
            error={fieldError(save.error, 'notes')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label={training ? '保存' : '記録'} />
        </Stack>
      </form>
    </Modal>
  );
}
