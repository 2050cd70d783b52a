import { Modal, MultiSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fiscalYearOf } from '../../../shared/dates';
import { CountInput } from '../../components/CountInput';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { issuesQuery } from '../community/community-queries';
import { type PlanItem, resultsQuery } from './program-queries';

/** 取組: its heading (1)〜(5), its label ア・イ…, the indicators and regional issues that show its progress. */
const LABELS = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ'];

/** The next label not yet used under a heading (ア, イ, ウ …). */
const nextLabel = (items: PlanItem[], headingNo: number) =>
  LABELS.find((l) => !items.some((i) => i.headingNo === headingNo && i.label === l)) ?? '';

export function PlanItemForm({
  item,
  items,
  onClose,
}: {
  item: PlanItem | null;
  items: PlanItem[];
  onClose: () => void;
}) {
  const indicators = useQuery(resultsQuery(fiscalYearOf(new Date())));
  const issues = useQuery(issuesQuery());
  const [draft, setDraft] = useState({
    headingNo: item?.headingNo ?? 1,
    heading: item?.heading ?? '',
    label: item?.label ?? nextLabel(items, 1),
    title: item?.title ?? '',
    indicatorKeys: item?.indicatorKeys ?? [],
  });
  const [issueIds, setIssueIds] = useState<string[]>(item?.issues.map((i) => i.id) ?? []);
  const save = useApiMutation(
    async () => {
      const view = item
        ? await api<{ items: PlanItem[] }>('PATCH', `/api/program/plan/items/${item.id}`, {
            ...draft,
            version: item.version,
          })
        : await api<{ items: PlanItem[] }>('POST', '/api/program/plan/items', draft);
      const saved =
        item ??
        view.items.find(
          (i) => i.title === draft.title && i.label === draft.label && i.headingNo === draft.headingNo,
        );
      if (saved) await api('PUT', `/api/program/plan/items/${saved.id}/issues`, { issueIds });
    },
    { invalidate: [['program']], success: '取組を保存しました。', onDone: onClose },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={item ? '取組を変更' : '取組を追加'} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} title="取組を保存できませんでした" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CountInput
              label="見出しの番号（1〜5）"
              required
              value={draft.headingNo}
              onChange={(v) => {
                const headingNo = Number(v) || 1;
                const same = items.find((i) => i.headingNo === headingNo);
                setDraft({
                  ...draft,
                  headingNo,
                  ...(item
                    ? {}
                    : { heading: same?.heading ?? draft.heading, label: nextLabel(items, headingNo) }),
                });
              }}
              error={fieldError(save.error, 'headingNo')}
            />
            <TextInput
              label="見出し（プロジェクト名）"
              required
              data-autofocus
              value={draft.heading}
              onChange={(e) => setDraft({ ...draft, heading: e.currentTarget.value })}
              error={fieldError(save.error, 'heading')}
            />
            <TextInput
              label="記号（ア・イ・ウ…）"
              required
              value={draft.label}
              onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
              error={fieldError(save.error, 'label')}
            />
          </SimpleGrid>
          <TextInput
            label="取組"
            required
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            error={fieldError(save.error, 'title')}
          />
          <MultiSelect
            label="進み具合を示す指標"
            searchable
            data={(indicators.data?.indicators ?? []).map((i) => ({ value: i.key, label: i.label }))}
            value={draft.indicatorKeys}
            onChange={(v) => setDraft({ ...draft, indicatorKeys: v })}
          />
          <MultiSelect
            label="関係する地域課題"
            searchable
            data={(issues.data?.issues ?? []).map((i) => ({ value: i.id, label: i.title }))}
            value={issueIds}
            onChange={setIssueIds}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
