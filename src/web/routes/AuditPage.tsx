import {
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AuditEntry } from '../../modules/audit/audit.schemas';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_OUTCOMES,
  AUDIT_TARGET_LABELS,
} from '../../shared/audit-events';
import { DateText } from '../components/DateText';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButton } from '../components/ExportButton';
import { apiGet } from '../lib/api';

type Filters = { from: string; to: string; action: string | null; outcome: string | null };
const PAGE_SIZE = 50;
const OUTCOME_COLORS = { success: 'teal', failure: 'red', denied: 'grape' } as const;

export function AuditPage() {
  const [draft, setDraft] = useState<Filters>({ from: '', to: '', action: null, outcome: null });
  const [filters, setFilters] = useState<Filters>(draft);
  const [page, setPage] = useState(1);

  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = useQuery({
    queryKey: ['audit', params.toString()],
    queryFn: () => apiGet<{ total: number; rows: AuditEntry[] }>(`/api/audit?${params}`),
    placeholderData: keepPreviousData,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  const total = query.data?.total ?? 0;

  return (
    <Stack>
      <Title order={1} size="h2">
        監査ログ
      </Title>
      <Text c="gray.8">
        ログイン、管理操作、個人情報の閲覧・更新の記録です。記録は変更・削除できず、改ざんは検証コマンドで検出できます。
      </Text>
      <form onSubmit={submit} aria-label="監査ログの絞り込み">
        <Group align="flex-end">
          <TextInput
            type="date"
            label="開始日"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label="終了日"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Select
            label="操作"
            clearable
            placeholder="すべて"
            w={220}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))}
            value={draft.action}
            onChange={(v) => setDraft({ ...draft, action: v })}
          />
          <Select
            label="結果"
            clearable
            placeholder="すべて"
            w={140}
            data={AUDIT_OUTCOMES.map((o) => ({ value: o, label: AUDIT_OUTCOME_LABELS[o] }))}
            value={draft.outcome}
            onChange={(v) => setDraft({ ...draft, outcome: v })}
          />
          <Button type="submit">絞り込む</Button>
        </Group>
      </form>
      <ErrorAlert error={query.error} title="監査ログを読み込めませんでした" />
      {query.data && total === 0 && (
        <EmptyState title="該当する記録はありません">期間や条件を変えて絞り込んでください。</EmptyState>
      )}
      {query.data && total > 0 && (
        <>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {total.toLocaleString('ja-JP')}件（新しい順）
            </Text>
            <ExportButton
              list="audit-log"
              filters={filters}
              label="監査ログ（絞り込んだ全件、5,000件まで）"
            />
          </Group>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>番号</Table.Th>
                <Table.Th>日時</Table.Th>
                <Table.Th>操作者</Table.Th>
                <Table.Th>操作</Table.Th>
                <Table.Th>結果</Table.Th>
                <Table.Th>対象</Table.Th>
                <Table.Th>端末</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.rows.map((row, index) => (
                // a page is replaced whole and never reordered; row ids are not shown to users
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Tr key={`${row.at}-${index}`}>
                  <Table.Td>{row.seq ?? '封印待ち'}</Table.Td>
                  <Table.Td>
                    <DateText value={row.at} withTime />
                  </Table.Td>
                  <Table.Td>
                    {row.actorName ?? '（不明なID・システム）'}
                    {row.organisationName && (
                      <Text size="xs" c="gray.7">
                        {row.organisationName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{AUDIT_ACTION_LABELS[row.action]}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[row.outcome]} variant="light">
                      {AUDIT_OUTCOME_LABELS[row.outcome]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.targetType ? (
                      <Text size="sm" title={row.targetId ?? undefined}>
                        {AUDIT_TARGET_LABELS[row.targetType] ?? row.targetType}{' '}
                        <Text span size="xs" ff="monospace" c="gray.7">
                          {row.targetId?.slice(0, 8)}
                        </Text>
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{row.clientIp ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            getItemProps={(p) => ({ 'aria-label': `${p}ページ` })}
          />
        </>
      )}
    </Stack>
  );
}
