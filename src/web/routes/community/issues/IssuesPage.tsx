import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  ISSUE_SOURCE_LABELS,
  REGIONAL_ISSUE_STATUS_LABELS,
  REGIONAL_ISSUE_STATUSES,
} from '../../../../shared/community-vocabulary';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { areasQuery } from '../../../lib/directory';
import { CommunityTabs } from '../CommunityTabs';
import { ISSUES, issuePath, issuesQuery } from '../community-queries';
import { IssueStatusBadge } from './IssueStatusBadge';
import { RaiseIssueDialog } from './RaiseIssueDialog';

/** 地域課題の一覧: what was raised, where it stands, and where it was proposed. */
export function IssuesPage() {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [status, setStatus] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  const { data, error } = useQuery(issuesQuery({ status: status ?? undefined, areaId: areaId ?? undefined }));
  return (
    <Stack>
      <CommunityTabs current={ISSUES} />
      <Title order={1} size="h2">
        地域課題
      </Title>
      <Group justify="space-between" align="flex-end">
        <Group>
          <Select
            label="状況"
            placeholder="すべて"
            clearable
            data={REGIONAL_ISSUE_STATUSES.map((s) => ({ value: s, label: REGIONAL_ISSUE_STATUS_LABELS[s] }))}
            value={status}
            onChange={setStatus}
            w={180}
          />
          <Select
            label="圏域・地区"
            placeholder="すべて"
            clearable
            searchable
            data={areas.filter((a) => a.level !== 'city').map((a) => ({ value: a.id, label: a.name }))}
            value={areaId}
            onChange={setAreaId}
            w={220}
          />
        </Group>
        <Group>
          <ExportButton list="regional-issues" filters={{ status, areaId }} />
          {data?.canRaise && <Button onClick={() => setRaising(true)}>地域課題を提起する</Button>}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {data && data.issues.length === 0 && (
        <EmptyState title="地域課題はまだありません">
          「課題×地区の俯瞰」でマスを選ぶか、会議で「地域課題として提起」を決定すると、ここに並びます。地域で気づいたことは「地域課題を提起する」から記録できます。
        </EmptyState>
      )}
      {data && data.issues.length > 0 && (
        <Table striped verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>地域課題</Table.Th>
              <Table.Th w={150}>状況</Table.Th>
              <Table.Th>圏域・地区／課題の分類</Table.Th>
              <Table.Th w={170}>提起</Table.Th>
              <Table.Th w={200}>協議の場</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.issues.map((issue) => (
              <Table.Tr key={issue.id}>
                <Table.Td>
                  <Anchor component={Link} to={issuePath(issue.id)} fw={500}>
                    {issue.title}
                  </Anchor>
                  {issue.projectCount > 0 && (
                    <Text size="sm" c="gray.8">
                      プロジェクト {issue.projectCount}件
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <IssueStatusBadge status={issue.status} size="lg" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{issue.areas.map((a) => a.name).join('・') || '地区の指定なし'}</Text>
                  <Text size="sm" c="gray.8">
                    {issue.issues.map((i) => i.label).join('・')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateText value={issue.raisedOn} />
                  <Text size="xs" c="gray.8">
                    {ISSUE_SOURCE_LABELS[issue.source]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {issue.proposedTo ? (
                    <>
                      <Text size="sm">{issue.proposedTo}</Text>
                      {issue.proposedOn && <DateText value={issue.proposedOn} />}
                    </>
                  ) : (
                    <Text size="sm" c="gray.8">
                      未提起
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {raising && <RaiseIssueDialog draft={{ source: 'observation' }} onClose={() => setRaising(false)} />}
    </Stack>
  );
}
