import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AreaPage } from '../../../../modules/community/areas-community.schemas';
import {
  COMMUNITY_ACTIVITY_KIND_LABELS,
  COMMUNITY_ACTIVITY_KINDS,
  type CommunityActivityKind,
} from '../../../../shared/community-vocabulary';
import { fiscalYearLabel, fiscalYearOf, formatWestern } from '../../../../shared/dates';
import { CountInput } from '../../../components/CountInput';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { useAreaChange } from './area-queries';

/** 地域への働きかけ of the year: the community work log (a 圏域's includes its 地区'). */
export function ActivitiesPanel({ page }: { page: AreaPage }) {
  const [adding, setAdding] = useState(false);
  const { activities, canWrite, area, fiscalYear } = page;
  const isZone = area.level === 'zone';
  const participants = activities.reduce((sum, a) => sum + (a.participants ?? 0), 0);
  const isThisYear = fiscalYear === fiscalYearOf(new Date());
  const remove = useAreaChange('働きかけの記録を削除しました。');
  const askRemove = (a: AreaPage['activities'][number]) =>
    confirmAction({
      title: '働きかけの記録を削除',
      message: `「${a.title}」の記録を削除します。年度の件数からも外れます。元に戻せません。`,
      confirmLabel: '削除する',
      danger: true,
      onConfirm: () => remove.mutate({ method: 'DELETE', path: `/activities/${a.id}` }),
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="activities-title">
      <Stack>
        <ErrorAlert error={remove.error} />
        <Group justify="space-between">
          <Title order={2} size="h4" id="activities-title">
            地域への働きかけ（{fiscalYearLabel(fiscalYear)}：{activities.length.toLocaleString('ja-JP')}
            回・延べ
            {participants.toLocaleString('ja-JP')}人）
          </Title>
          {canWrite && <Button onClick={() => setAdding(true)}>働きかけを記録</Button>}
        </Group>
        {activities.length === 0 ? (
          <EmptyState title="この年度の働きかけの記録はありません">
            {canWrite
              ? '地域の会議への参加、訪問、相談会、住民との話し合いなどをしたら、「働きかけを記録」から実施日・種類・内容を記録してください。'
              : '年度を変えると、ほかの年度の記録を見られます。'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">実施日</Table.Th>
                  <Table.Th scope="col">種類</Table.Th>
                  <Table.Th scope="col">内容</Table.Th>
                  {isZone && <Table.Th scope="col">地区</Table.Th>}
                  <Table.Th scope="col">場所</Table.Th>
                  <Table.Th scope="col" ta="right">
                    参加者
                  </Table.Th>
                  <Table.Th scope="col">記録した人</Table.Th>
                  <Table.Th scope="col">メモ</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col">
                      <VisuallyHidden>操作</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activities.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td className="nowrap">
                      <DateText value={a.heldOn} />
                    </Table.Td>
                    <Table.Td className="nowrap">{COMMUNITY_ACTIVITY_KIND_LABELS[a.kind]}</Table.Td>
                    <Table.Td fw={700}>{a.title}</Table.Td>
                    {isZone && <Table.Td className="nowrap">{a.areaName}</Table.Td>}
                    <Table.Td>{a.resourceName ?? '—'}</Table.Td>
                    <Table.Td ta="right" className="nowrap">
                      {a.participants === null ? '—' : `${a.participants.toLocaleString('ja-JP')}人`}
                    </Table.Td>
                    <Table.Td className="nowrap">{a.userName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.notes ?? ''}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => askRemove(a)}>
                          削除
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {adding && <ActivityDialog page={page} defaultToday={isThisYear} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function ActivityDialog({
  page,
  defaultToday,
  onClose,
}: {
  page: AreaPage;
  defaultToday: boolean;
  onClose: () => void;
}) {
  const { area } = page;
  const [draft, setDraft] = useState({
    areaId: area.id,
    kind: null as CommunityActivityKind | null,
    heldOn: defaultToday ? formatWestern(new Date()) : '',
    title: '',
    participants: null as number | null,
    resourceId: null as string | null,
    notes: '',
  });
  const save = useAreaChange('働きかけを記録しました。', onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ method: 'POST', path: '/activities', body: { ...draft, notes: draft.notes || null } });
  };
  const areaChoices = [
    { value: area.id, label: area.level === 'zone' ? `${area.name}（圏域全体）` : area.name },
    ...area.children.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <Modal opened onClose={onClose} title={`${area.name}への働きかけを記録`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="内容"
            description="例: 朝日地区福祉委員会に参加し、居場所づくりを話し合った"
            required
            data-autofocus
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            error={fieldError(save.error, 'title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="実施日"
              type="date"
              required
              value={draft.heldOn}
              onChange={(e) => setDraft({ ...draft, heldOn: e.currentTarget.value })}
              error={fieldError(save.error, 'heldOn')}
            />
            <Select
              label="種類"
              required
              data={COMMUNITY_ACTIVITY_KINDS.map((k) => ({
                value: k,
                label: COMMUNITY_ACTIVITY_KIND_LABELS[k],
              }))}
              value={draft.kind}
              onChange={(v) => setDraft({ ...draft, kind: v as CommunityActivityKind | null })}
              error={fieldError(save.error, 'kind')}
            />
            {areaChoices.length > 1 && (
              <Select
                label="地区"
                allowDeselect={false}
                data={areaChoices}
                value={draft.areaId}
                onChange={(v) => setDraft({ ...draft, areaId: v ?? area.id })}
                error={fieldError(save.error, 'areaId')}
              />
            )}
            <CountInput
              label="参加者数（人）"
              min={0}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator=","
              hideControls
              value={draft.participants ?? ''}
              onChange={(v) => setDraft({ ...draft, participants: typeof v === 'number' ? v : null })}
              error={fieldError(save.error, 'participants')}
            />
          </SimpleGrid>
          <Select
            label="場所（社会資源）"
            description={
              page.resources.length === 0
                ? 'この地区の社会資源は登録されていません。'
                : '社会資源の一覧にある場所で行ったときに選びます。'
            }
            placeholder={page.resources.length === 0 ? '選べる場所はありません' : '選ばない'}
            clearable
            searchable
            disabled={page.resources.length === 0}
            data={page.resources.map((r) => ({ value: r.id, label: r.name }))}
            value={draft.resourceId}
            onChange={(v) => setDraft({ ...draft, resourceId: v })}
            error={fieldError(save.error, 'resourceId')}
          />
          <Textarea
            label="メモ"
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
            error={fieldError(save.error, 'notes')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
