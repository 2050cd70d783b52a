import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  PROJECT_ACTIVITY_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  REGIONAL_ISSUE_STATUS_LABELS,
} from '../../../../shared/community-vocabulary';
import { confirmAction } from '../../../components/confirm';
import { DateText } from '../../../components/DateText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { COMMUNITY_KEYS, issuePath, issuesQuery, PROJECTS, projectQuery } from '../community-queries';
import { ActivityDialog } from './ActivityDialog';
import { ProjectEditDialog } from './ProjectEditDialog';
import { ProjectMembers, ProjectResources } from './ProjectParts';
import { PROJECT_STATUS_COLORS } from './ProjectsPage';

/** プロジェクト: its aim, the issues it answers, who takes part, what was done and what it created. */
export function ProjectPage({ id }: { id: string }) {
  const { data: project } = useSuspenseQuery(projectQuery(id));
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [issueId, setIssueId] = useState<string | null>(null);
  const issues = useQuery({ ...issuesQuery(), enabled: project.canWrite });
  const addIssue = useApiMutation(() => api('POST', `/api/community/projects/${id}/issues`, { issueId }), {
    invalidate: COMMUNITY_KEYS,
    success: '地域課題を加えました。',
    onDone: () => setIssueId(null),
  });
  const linked = new Set(project.issues.map((i) => i.id));
  const removeActivity = useApiMutation(
    (activityId: string) => api('DELETE', `/api/community/projects/${id}/activities/${activityId}`),
    { invalidate: COMMUNITY_KEYS, success: '活動・会議の記録を削除しました。' },
  );
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={PROJECTS}>
          地域づくり ／ プロジェクト
        </Anchor>
      </Text>
      <Group justify="space-between" align="flex-start">
        <div>
          <Badge color={PROJECT_STATUS_COLORS[project.status]} variant="outline" size="lg" radius="sm">
            {PROJECT_STATUS_LABELS[project.status]}
          </Badge>
          <Title order={1} size="h2" mt="xs">
            {project.title}
          </Title>
          <Text c="gray.8">
            <DateText value={project.startsOn} />〜{project.endsOn && <DateText value={project.endsOn} />}
            {project.lead && `　中心：${project.lead.name}`}
          </Text>
        </div>
        {project.canWrite && (
          <Group>
            <Button onClick={() => setRecording(true)}>活動・会議を記録</Button>
            <Button variant="subtle" onClick={() => setEditing(true)}>
              編集
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            ねらい
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{project.aim}</Text>
          <Title order={2} size="h4" mt="md" mb="xs">
            成果
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} c={project.outcomes ? undefined : 'gray.8'}>
            {project.outcomes ?? 'まだ記録されていません（「編集」から記録します）。'}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            もとになった地域課題
          </Title>
          <ErrorAlert error={addIssue.error ?? removeActivity.error} />
          <Stack gap={4}>
            {project.issues.map((i) => (
              <Group key={i.id} gap="xs">
                <Anchor component={Link} to={issuePath(i.id)}>
                  {i.title}
                </Anchor>
                <Badge variant="outline" color="gray.8" radius="sm">
                  {REGIONAL_ISSUE_STATUS_LABELS[i.status]}
                </Badge>
              </Group>
            ))}
          </Stack>
          {project.canWrite && (
            <Group align="flex-end" mt="sm">
              <Select
                label="地域課題を加える"
                placeholder="協議中・取組中の地域課題から選ぶ"
                searchable
                clearable
                w={320}
                data={(issues.data?.issues ?? [])
                  .filter((i) => !linked.has(i.id) && i.status !== 'resolved' && i.status !== 'raised')
                  .map((i) => ({ value: i.id, label: i.title }))}
                value={issueId}
                onChange={setIssueId}
              />
              <Button
                variant="light"
                disabled={!issueId}
                loading={addIssue.isPending}
                onClick={() => addIssue.mutate(undefined)}
              >
                加える
              </Button>
            </Group>
          )}
        </Paper>
      </SimpleGrid>
      <ProjectMembers project={project} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          活動・会議
        </Title>
        {project.activities.length === 0 ? (
          <Text size="sm">まだ記録はありません。「活動・会議を記録」から記録します。</Text>
        ) : (
          <Table verticalSpacing="xs" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>実施日</Table.Th>
                <Table.Th w={90}>種類</Table.Th>
                <Table.Th>内容</Table.Th>
                <Table.Th w={100}>参加者</Table.Th>
                <Table.Th w={140}>記録</Table.Th>
                {project.canWrite && (
                  <Table.Th w={80}>
                    <VisuallyHidden>操作</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.activities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <DateText value={a.heldOn} />
                  </Table.Td>
                  <Table.Td>{PROJECT_ACTIVITY_KIND_LABELS[a.kind]}</Table.Td>
                  <Table.Td>
                    {a.title}
                    {a.notes && (
                      <Text size="sm" c="gray.8">
                        {a.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.participants === null ? '—' : `${a.participants}人`}</Table.Td>
                  <Table.Td>{a.userName}</Table.Td>
                  {project.canWrite && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        c="red.9"
                        onClick={() =>
                          confirmAction({
                            title: '活動・会議の記録を削除',
                            message: `「${a.title}」の記録を削除します。元に戻せません。`,
                            confirmLabel: '削除する',
                            danger: true,
                            onConfirm: () => removeActivity.mutate(a.id),
                          })
                        }
                      >
                        削除
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ProjectResources project={project} />
      {editing && <ProjectEditDialog project={project} onClose={() => setEditing(false)} />}
      {recording && <ActivityDialog projectId={id} onClose={() => setRecording(false)} />}
    </Stack>
  );
}
