import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/dates';
import { FIELD_LABELS, FUNCTION_LABELS, METHOD_LABELS } from '../../../shared/program-vocabulary';
import { confirmAction } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { hasPermission, useSession } from '../../lib/session';
import { ProgramForm } from './ProgramForm';
import { ProgramHeader, ProgramTabs } from './ProgramTabs';
import { type Program, programsQuery } from './program-queries';

/** 事業の実施体制: the year's programs by statutory function, copied forward each year. */
export function ProgramsPage() {
  const [fiscalYear, setFiscalYear] = useState(fiscalYearOf(new Date()));
  const { data, error } = useQuery(programsQuery(fiscalYear));
  const canManage = hasPermission(useSession(), 'program.manage');
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const copy = useApiMutation(
    () => api('POST', '/api/program/programs/copy-forward', { fromYear: fiscalYear - 1, toYear: fiscalYear }),
    { invalidate: [['program']], success: '前年度の事業を引き継ぎました。変わったところを直してください。' },
  );
  const remove = useApiMutation((p: Program) => api('DELETE', `/api/program/programs/${p.id}`), {
    invalidate: [['program']],
    success: '事業を削除しました。',
  });
  const yearLabel = fiscalYearLabel(fiscalYear);
  return (
    <Stack>
      <ProgramTabs current="/program/programs" />
      <ProgramHeader
        title="事業の実施体制"
        lead="年度ごとに、法の区分（第1号〜第6号）別の事業・実施方式・支援機関・所管課・人員を記録します。"
        fiscalYear={fiscalYear}
        onYear={setFiscalYear}
      >
        {data && data.programs.length > 0 && <ExportButton list="programs" filters={{ fiscalYear }} />}
        {canManage && <Button onClick={() => setEditing('new')}>事業を登録</Button>}
      </ProgramHeader>
      <ErrorAlert error={error ?? copy.error ?? remove.error} title="実施体制を表示・保存できませんでした" />
      {data && data.programs.length === 0 && (
        <EmptyState title={`${yearLabel}の事業はまだ登録されていません`}>
          <Stack gap="xs" align="center">
            <Text size="sm">
              {data.previousYearCount > 0
                ? `前年度の${data.previousYearCount}事業を引き継いで、変わったところだけ直せます。`
                : '「事業を登録」から、地域包括支援センターの運営（第1号イ）などを登録してください。'}
            </Text>
            {canManage && data.previousYearCount > 0 && (
              <Button variant="outline" loading={copy.isPending} onClick={() => copy.mutate(undefined)}>
                前年度から引き継ぐ
              </Button>
            )}
          </Stack>
        </EmptyState>
      )}
      {data && data.programs.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="nowrap" miw={110}>
                区分
              </Table.Th>
              <Table.Th>事業名・事業内容</Table.Th>
              <Table.Th className="nowrap">実施方式</Table.Th>
              <Table.Th>支援機関</Table.Th>
              <Table.Th>所管課・人員</Table.Th>
              {canManage && <Table.Th aria-label="操作" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.programs.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm" fw={700} className="nowrap">
                    {FUNCTION_LABELS[p.functionCode].replace(/（.*$/, '')}
                  </Text>
                  {p.field && (
                    <Badge variant="outline" color="gray.8" mt={4} style={{ overflow: 'visible' }} maw="none">
                      {FIELD_LABELS[p.field]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fw={700}>{p.name}</Text>
                  {p.description && (
                    <Text size="sm" c="gray.8" lineClamp={3}>
                      {p.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">
                  {p.methods.map((m) => METHOD_LABELS[m]).join('・') || '—'}
                  {p.operator && (
                    <Text size="sm" c="gray.8">
                      {p.operator}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {[p.agencies, p.agencyCount !== null ? `${p.agencyCount}か所` : null]
                    .filter(Boolean)
                    .join(' ') || '—'}
                </Table.Td>
                <Table.Td>
                  {p.department ?? '—'}
                  {p.staffing && (
                    <Text size="sm" c="gray.8" lineClamp={2}>
                      {p.staffing}
                    </Text>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="outline" onClick={() => setEditing(p)}>
                        変更
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        c="red.9"
                        onClick={() =>
                          confirmAction({
                            title: `「${p.name}」を削除しますか`,
                            message: `${yearLabel}の実施体制から除かれます。元に戻せません。`,
                            confirmLabel: '削除',
                            danger: true,
                            onConfirm: () => remove.mutate(p),
                          })
                        }
                      >
                        削除
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <ProgramForm
          program={editing === 'new' ? null : editing}
          fiscalYear={fiscalYear}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
