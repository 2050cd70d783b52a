import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AreaPage, Profile, SaveProfile } from '../../../../modules/community/areas-community.schemas';
import { fiscalYearLabel } from '../../../../shared/dates';
import { CountInput } from '../../../components/CountInput';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { ApiError } from '../../../lib/api';
import { useAreaChange } from './area-queries';
import { type FigureKey, PROFILE_FIGURES, PROFILE_TEXTS } from './profile-figures';

export type ProfileDialogMode = 'create' | 'copy' | 'edit';

type ExtraDraft = { key: number; label: string; value: number | null; unit: string };
type Draft = {
  figures: Record<FigureKey, number | null>;
  extras: ExtraDraft[];
  texts: Record<'strengths' | 'issues' | 'vision', string>;
};

let extraKey = 0;
const nextKey = () => {
  extraKey += 1;
  return extraKey;
};

function draftOf(source: Profile | null, withTexts: boolean): Draft {
  return {
    figures: Object.fromEntries(
      PROFILE_FIGURES.map((f) => [f.key, source?.[f.key] ?? null]),
    ) as Draft['figures'],
    extras: (source?.extraFigures ?? []).map((e) => ({ ...e, key: nextKey() })),
    texts: {
      strengths: (withTexts && source?.strengths) || '',
      issues: (withTexts && source?.issues) || '',
      vision: (withTexts && source?.vision) || '',
    },
  };
}

const extrasOf = (draft: Draft) =>
  draft.extras
    .filter((e) => e.label.trim() !== '' || e.value !== null)
    .map((e) => ({ label: e.label.trim(), value: e.value as number, unit: e.unit.trim() }));

/** Every field of the draft, as the API takes them. */
function fieldsOf(draft: Draft): Omit<SaveProfile, 'version'> {
  return {
    ...draft.figures,
    extraFigures: extrasOf(draft),
    strengths: draft.texts.strengths.trim() || null,
    issues: draft.texts.issues.trim() || null,
    vision: draft.texts.vision.trim() || null,
  };
}

/** Only the fields that differ from what the dialog opened with. */
function changedFields(draft: Draft, baseline: Draft) {
  const now = fieldsOf(draft);
  const before = fieldsOf(baseline);
  return Object.fromEntries(
    Object.entries(now).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
    ),
  );
}

const TITLES: Record<ProfileDialogMode, string> = {
  create: 'の地域プロフィールを作成',
  copy: 'の地域プロフィールを作成（前年度の数値を写す）',
  edit: 'の地域プロフィールを編集',
};

/** Creates the year's profile (empty or from last year's figures) or changes it. */
export function ProfileDialog({
  page,
  mode,
  onClose,
}: {
  page: AreaPage;
  mode: ProfileDialogMode;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [baseline] = useState(() =>
    mode === 'edit'
      ? draftOf(page.profile, true)
      : draftOf(mode === 'copy' ? page.previousProfile : null, false),
  );
  const [draft, setDraft] = useState<Draft>(baseline);
  const [unchanged, setUnchanged] = useState(false);
  const save = useAreaChange(
    mode === 'edit' ? '地域プロフィールを保存しました。' : '地域プロフィールを作成しました。',
    onClose,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The version of what the screen shows now: after 「最新の内容を読み込む」 it is the newest.
    const version = page.profile?.version ?? null;
    const fields = mode === 'edit' ? changedFields(draft, baseline) : fieldsOf(draft);
    if (mode === 'edit' && Object.keys(fields).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate({
      method: 'PATCH',
      path: `/areas/${page.area.id}/profiles/${page.fiscalYear}`,
      body: { version, ...fields },
    });
  };
  const setFigure = (key: FigureKey, value: number | string) =>
    setDraft((d) => ({ ...d, figures: { ...d.figures, [key]: typeof value === 'number' ? value : null } }));
  const setExtra = (key: number, change: Partial<ExtraDraft>) =>
    setDraft((d) => ({ ...d, extras: d.extras.map((x) => (x.key === key ? { ...x, ...change } : x)) }));
  const exists = save.error instanceof ApiError && save.error.code === 'PROFILE_EXISTS';
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${page.area.name} ${fiscalYearLabel(page.fiscalYear)}${TITLES[mode]}`}
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          {exists && (
            <Button
              variant="outline"
              color="red"
              onClick={() => queryClient.invalidateQueries({ queryKey: ['community-area', page.area.id] })}
            >
              作成されたプロフィールを読み込む（入力はそのまま）
            </Button>
          )}
          {unchanged && (
            <Text size="sm" c="gray.8" role="status">
              変更したところはありません。
            </Text>
          )}
          {mode === 'copy' && (
            <Text size="sm" c="gray.8">
              {fiscalYearLabel(page.fiscalYear - 1)}
              の数値を入れてあります。今年度の数値に直してから保存してください。
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {PROFILE_FIGURES.map((f, i) => (
              <CountInput
                key={f.key}
                label={`${f.label}（${f.unit}）`}
                data-autofocus={i === 0 || undefined}
                min={0}
                max={f.decimal ? 100 : undefined}
                allowNegative={false}
                allowDecimal={Boolean(f.decimal)}
                decimalScale={f.decimal ? 1 : 0}
                thousandSeparator={f.decimal ? undefined : ','}
                hideControls
                value={draft.figures[f.key] ?? ''}
                onChange={(v) => setFigure(f.key, v)}
                error={fieldError(save.error, f.key)}
              />
            ))}
          </SimpleGrid>
          <div>
            <Title order={3} size="h5">
              追加の項目
            </Title>
            <Text size="sm" c="gray.8" mb="xs">
              自治体で見ている数値（民生委員の数、サロンの数など）を、項目名・値・単位で加えられます。
            </Text>
            <Stack gap="xs">
              {draft.extras.map((x, i) => (
                <Group key={x.key} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={`項目名（${i + 1}）`}
                    value={x.label}
                    onChange={(e) => setExtra(x.key, { label: e.currentTarget.value })}
                    error={fieldError(save.error, `extraFigures.${i}.label`)}
                    style={{ flex: 2 }}
                  />
                  <CountInput
                    label={`値（${i + 1}）`}
                    min={0}
                    allowNegative={false}
                    thousandSeparator=","
                    hideControls
                    value={x.value ?? ''}
                    onChange={(v) => setExtra(x.key, { value: typeof v === 'number' ? v : null })}
                    error={fieldError(save.error, `extraFigures.${i}.value`)}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    label={`単位（${i + 1}）`}
                    value={x.unit}
                    onChange={(e) => setExtra(x.key, { unit: e.currentTarget.value })}
                    w={100}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    c="red.9"
                    aria-label={`追加の項目（${i + 1}）を除く`}
                    onClick={() =>
                      setDraft((d) => ({ ...d, extras: d.extras.filter((e) => e.key !== x.key) }))
                    }
                  >
                    除く
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  disabled={draft.extras.length >= 20}
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      extras: [...d.extras, { key: nextKey(), label: '', value: null, unit: '' }],
                    }))
                  }
                >
                  項目を加える
                </Button>
              </Group>
            </Stack>
          </div>
          {PROFILE_TEXTS.map((t) => (
            <Textarea
              key={t.key}
              label={t.label}
              description={t.hint}
              autosize
              minRows={2}
              maxRows={8}
              value={draft.texts[t.key]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, texts: { ...d.texts, [t.key]: value } }));
              }}
              error={fieldError(save.error, t.key)}
            />
          ))}
          <FormButtons onCancel={onClose} busy={save.isPending} label={mode === 'edit' ? '保存' : '作成'} />
        </Stack>
      </form>
    </Modal>
  );
}
