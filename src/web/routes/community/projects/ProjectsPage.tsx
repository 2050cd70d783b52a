import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PROJECT_STATUS_LABELS } from '../../../../shared/community-vocabulary';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { CommunityTabs } from '../CommunityTabs';
import { ISSUES, PROJECTS, projectPath, projectsQuery } from '../community-queries';

export const PROJECT_STATUS_COLORS = { planning: '#a63b0a', active: 'teal.9', finished: 'gray.8' } as const;

/** プロジェクト: what was set up to answer regional issues, and the places they created. */
export function ProjectsPage() {
  const { data, error } = useQuery(projectsQuery);
  return (
    <Stack>
      <CommunityTabs current={PROJECTS} />
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          プロジェクト
        </Title>
        {data && data.projects.length > 0 && <ExportButton list="projects" />}
      </Group>
      <ErrorAlert error={error} />
      {data && data.projects.length === 0 && (
        <EmptyState
          title="プロジェクトはまだありません"
          action={
            <Anchor component={Link} to={ISSUES}>
              地域課題の一覧へ
            </Anchor>
          }
        >
          プロジェクトは地域課題のページの「プロジェクトを立ち上げる」から始めます。協議の場に提起した課題から立ち上げられます。
        </EmptyState>
      )}
      {data && data.projects.length > 0 && (
        <Table striped verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>プロジェクト</Table.Th>
              <Table.Th w={110}>状況</Table.Th>
              <Table.Th w={260}>期間</Table.Th>
              <Table.Th>中心となる団体</Table.Th>
              <Table.Th w={150}>地域課題／生まれた資源</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={projectPath(p.id)} fw={500}>
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={PROJECT_STATUS_COLORS[p.status]} variant="outline" size="lg" radius="sm">
                    {PROJECT_STATUS_LABELS[p.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <DateText value={p.startsOn} />〜{p.endsOn ? <DateText value={p.endsOn} /> : ''}
                </Table.Td>
                <Table.Td>{p.leadName ?? <Text c="gray.8">—</Text>}</Table.Td>
                <Table.Td>
                  {p.issueCount}件／{p.resourceCount}か所
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
