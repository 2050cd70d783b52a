import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { CASE_LIST_LIMIT, CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { CASE_STATUS_COLORS } from '../../lib/labels';
import { hasPermission, useSession } from '../../lib/session';
import { casesQuery, todayInJapan } from './case-queries';

const FILTERS = [
  { value: 'active', label: '進行中' },
  { value: 'closed', label: '終結・つながり継続' },
  { value: 'all', label: 'すべて' },
];

export function CasesPage() {
  const session = useSession();
  const coordinator = hasPermission(session, 'cases.coordinate');
  const [status, setStatus] = useState<'active' | 'closed' | 'all'>('active');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const cases = useQuery({ ...casesQuery(status, undefined, q), placeholderData: keepPreviousData });
  const today = todayInJapan();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            多機関協働
          </Title>
          <Text c="gray.8">
            {coordinator
              ? 'この自治体のすべての多機関協働事例です。'
              : 'あなたの機関がチームに入っている多機関協働事例です。'}
          </Text>
        </div>
        <Group>
          <TextInput
            aria-label="世帯名・氏名・フリガナで絞り込む"
            placeholder="世帯名・氏名・フリガナで絞り込む"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={300}
          />
          <SegmentedControl
            aria-label="表示する事例"
            data={FILTERS}
            value={status}
            onChange={(value) => setStatus(value as typeof status)}
          />
          <ExportButton list="cases" filters={{ status, q }} />
        </Group>
      </Group>
      <ErrorAlert error={cases.error} title="事例を表示できません" />
      {cases.data?.length === 0 && q && (
        <EmptyState title={`「${q}」に当たる事例はありません`}>
          世帯名、対象者の氏名かフリガナの一部で探せます。「すべて」に切り替えると終結した事例も探せます。
        </EmptyState>
      )}
      {cases.data?.length === 0 && !q && (
        <EmptyState title="該当する事例はありません">
          {coordinator
            ? '多機関協働へのつなぎを開き「事例を開く」を押すか、世帯のページから事例を開いてください。'
            : 'コーディネーターが事例を開き、あなたの機関をチームに加えると、ここに表示されます。'}
        </EmptyState>
      )}
      {cases.data?.length === CASE_LIST_LIMIT && (
        <Text size="sm" c="gray.8">
          更新の新しい{CASE_LIST_LIMIT}
          件を表示しています。世帯名・氏名・フリガナで絞り込んでください。
        </Text>
      )}
      {(cases.data?.length ?? 0) > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>世帯・対象者</Table.Th>
              <Table.Th>段階</Table.Th>
              <Table.Th>概要</Table.Th>
              <Table.Th>主担当</Table.Th>
              <Table.Th>最終記録</Table.Th>
              <Table.Th>モニタリング</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data?.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${c.id}`} fw={700}>
                    {c.householdName}
                  </Anchor>
                  <Text size="sm">{c.personNames.join('、')}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={CASE_STATUS_COLORS[c.status]} variant="light">
                    {CASE_STATUS_LABELS[c.status]}
                  </Badge>
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {c.summary}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.leadOrganisationName}</Text>
                  {c.leadUserName && <Text size="sm">{c.leadUserName}</Text>}
                </Table.Td>
                <Table.Td>{c.lastRecordOn ? <DateText value={c.lastRecordOn} /> : '記録なし'}</Table.Td>
                <Table.Td>
                  {c.nextReviewOn ? (
                    <Text
                      size="sm"
                      c={c.status === 'supporting' && c.nextReviewOn <= today ? 'red.9' : undefined}
                      fw={c.status === 'supporting' && c.nextReviewOn <= today ? 700 : undefined}
                    >
                      <DateText value={c.nextReviewOn} />
                      {c.status === 'supporting' && c.nextReviewOn <= today && '（時期です）'}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
