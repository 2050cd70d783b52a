import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fiscalYearOf } from '../../../shared/dates';
import { CountInput } from '../../components/CountInput';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { hasPermission, useSession } from '../../lib/session';
import { PlanCellDialog } from './PlanCellDialog';
import { PlanItemForm } from './PlanItemForm';
import { PlanTable } from './PlanTable';
import { ProgramHeader, ProgramTabs } from './ProgramTabs';
import { type PlanItem, planQuery, resultsQuery } from './program-queries';

/** 年度計画: the five-year plan's 取組 × years, progress written each year, printable on A4 landscape. */
export function PlanPage() {
  const plan = useQuery(planQuery());
  const results = useQuery(resultsQuery(fiscalYearOf(new Date())));
  const canManage = hasPermission(useSession(), 'program.manage');
  const [cell, setCell] = useState<{ item: PlanItem; fiscalYear: number } | null>(null);
  const [item, setItem] = useState<PlanItem | 'new' | null>(null);
  const view = plan.data;
  const indicators = new Map((results.data?.indicators ?? []).map((i) => [i.key, i]));
  return (
    <Stack>
      <ProgramTabs current="/program/plan" />
      <ProgramHeader
        title={view?.plan?.title ?? '年度計画'}
        lead="取組（プロジェクト）ごとに、各年度の計画・その年の進捗・評価（達成／一部達成／未達成／次年度へ）を記入します。"
      >
        {view?.plan && (
          <>
            <Button
              component="a"
              href="/print/program/plan"
              target="_blank"
              variant="default"
              title="この表（取組×年度）だけを A4 横で印刷します"
            >
              この表を印刷（A4横）
            </Button>
            <Button
              component="a"
              href="/print/program/whole"
              target="_blank"
              variant="light"
              title="実施体制・成果目標と実績・年度計画をまとめた実施計画を A4 横で印刷します"
            >
              実施計画（実施体制・目標・この表）を印刷
            </Button>
            <ExportButton list="program-plan" />
            {canManage && <Button onClick={() => setItem('new')}>取組を追加</Button>}
          </>
        )}
      </ProgramHeader>
      <ErrorAlert error={plan.error} title="年度計画を表示できませんでした" />
      {view &&
        !view.plan &&
        (canManage ? (
          <NewPlan />
        ) : (
          <EmptyState title="年度計画はまだありません">
            事業担当課が計画期間を設定すると、ここに表示されます。
          </EmptyState>
        ))}
      {view?.plan && view.items.length === 0 && (
        <EmptyState title="取組がまだありません">
          「取組を追加」から、（1）多機関協働の体制整備 ア …のように計画の取組を登録してください。
        </EmptyState>
      )}
      {view?.plan && view.items.length > 0 && (
        <>
          {canManage && (
            <Text size="sm" c="gray.8">
              年度の欄を押すと、計画・進捗・評価を記入できます。取組の名前を押すと、見出し・指標・地域課題を変更できます。
            </Text>
          )}
          <PlanTable
            view={{ ...view, plan: view.plan }}
            indicators={indicators}
            onCell={canManage ? (i, fiscalYear) => setCell({ item: i, fiscalYear }) : undefined}
            onItem={canManage ? setItem : undefined}
          />
        </>
      )}
      {cell && <PlanCellDialog item={cell.item} fiscalYear={cell.fiscalYear} onClose={() => setCell(null)} />}
      {item && (
        <PlanItemForm
          item={item === 'new' ? null : item}
          items={view?.items ?? []}
          onClose={() => setItem(null)}
        />
      )}
    </Stack>
  );
}

function NewPlan() {
  const first = fiscalYearOf(new Date());
  const [draft, setDraft] = useState({
    title: '重層的支援体制整備事業実施計画',
    firstYear: first,
    lastYear: first + 4,
  });
  const save = useApiMutation(() => api('POST', '/api/program/plan', draft), {
    invalidate: [['program']],
    success: '年度計画を作りました。取組を追加してください。',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={submit}>
        <Stack>
          <Text fw={700}>まず、計画の名前と期間を決めてください</Text>
          <ErrorAlert error={save.error} title="年度計画を作れませんでした" />
          <TextInput
            label="計画の名前"
            required
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            error={fieldError(save.error, 'title')}
          />
          <SimpleGrid cols={2}>
            <CountInput
              label="初年度（西暦）"
              required
              value={draft.firstYear}
              onChange={(v) => setDraft({ ...draft, firstYear: Number(v) })}
              error={fieldError(save.error, 'firstYear')}
              rightSection="年度"
            />
            <CountInput
              label="最終年度（西暦）"
              required
              value={draft.lastYear}
              onChange={(v) => setDraft({ ...draft, lastYear: Number(v) })}
              error={fieldError(save.error, 'lastYear')}
              rightSection="年度"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              年度計画を作る
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
