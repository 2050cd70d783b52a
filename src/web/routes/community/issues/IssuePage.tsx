import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  ISSUE_SOURCE_LABELS,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
  REGIONAL_ISSUE_STATUS_LABELS,
  type RegionalIssueStatus,
} from '../../../../shared/community-vocabulary';
import { DateText } from '../../../components/DateText';
import { areasQuery } from '../../../lib/directory';
import { ISSUES, issueQuery, projectPath } from '../community-queries';
import { CreateProjectDialog } from '../projects/CreateProjectDialog';
import { EditIssueDialog } from './EditIssueDialog';
import { IssueCases } from './IssueCases';
import { IssueEvidence } from './IssueEvidence';
import { IssueStatusBadge } from './IssueStatusBadge';
import { MoveIssueDialog } from './MoveIssueDialog';

const MOVE_LABELS: Record<RegionalIssueStatus, string> = {
  raised: '抽出に戻す',
  under_discussion: '協議の場に提起する',
  project: 'プロジェクトを立ち上げる',
  in_action: '取組中にする',
  resolved: '解決とする',
  ongoing: '継続課題とする',
};

/** 地域課題: what it is, where it stands, the evidence, the cases and projects behind it. */
export function IssuePage({ id }: { id: string }) {
  const { data: issue } = useSuspenseQuery(issueQuery(id));
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [moving, setMoving] = useState<RegionalIssueStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const areaName = (key: string) =>
    key === 'none' ? '地区未設定' : (areas.find((a) => a.id === key)?.name ?? '—');
  const [main, ...others] = issue.nextMoves;
  const start = (to: RegionalIssueStatus) => (to === 'project' ? setCreating(true) : setMoving(to));
  const anotherProject = issue.status === 'project' || issue.status === 'in_action';
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={ISSUES}>
          地域づくり ／ 地域課題
        </Anchor>
      </Text>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <IssueStatusBadge status={issue.status} size="lg" />
            <Text size="sm" c="gray.8">
              {ISSUE_SOURCE_LABELS[issue.source]}
            </Text>
          </Group>
          <Title order={1} size="h2" mt="xs">
            {issue.title}
          </Title>
        </div>
        {issue.canWrite && (
          <Group>
            {main && <Button onClick={() => start(main)}>{MOVE_LABELS[main]}</Button>}
            {others.length > 0 && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default">ほかの状況にする ▾</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {others.map((to) => (
                    <Menu.Item key={to} onClick={() => start(to)}>
                      {MOVE_LABELS[to]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            {anotherProject && (
              <Button variant="outline" onClick={() => setCreating(true)}>
                新しいプロジェクトを立ち上げる
              </Button>
            )}
            <Button variant="subtle" onClick={() => setEditing(true)}>
              編集
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{issue.description}</Text>
            <Text size="sm">圏域・地区：{issue.areas.map((a) => a.name).join('・') || '指定なし'}</Text>
            <Text size="sm">課題の分類：{issue.issues.map((i) => i.label).join('・') || '指定なし'}</Text>
            <Text size="sm">
              提起：
              <DateText value={issue.raisedOn} />（{issue.raisedByName}）
            </Text>
            {issue.sourceMeeting && (
              <Text size="sm">
                提起した会議：{issue.sourceMeeting.bodyName}（
                <DateText value={issue.sourceMeeting.startsAt} />）
              </Text>
            )}
            {issue.proposedTo && (
              <Text size="sm">
                協議の場：{issue.proposedTo}
                {issue.proposedOn && (
                  <>
                    （<DateText value={issue.proposedOn} />）
                  </>
                )}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            経過
          </Title>
          <Timeline bulletSize={14} lineWidth={2} active={issue.events.length - 1}>
            {issue.events.map((e) => (
              <Timeline.Item key={e.id} title={REGIONAL_ISSUE_STATUS_LABELS[e.toStatus]}>
                <Text size="sm">
                  <DateText value={e.happenedOn} />　{e.userName}
                  {e.body && `　${e.body}に提起`}
                </Text>
                {e.note && (
                  <Text size="sm" c="gray.8">
                    {e.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </SimpleGrid>
      <IssueEvidence issue={issue} areaName={areaName} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          プロジェクト
        </Title>
        {issue.projects.length === 0 ? (
          <Text size="sm">
            {issue.status === 'raised'
              ? 'まだプロジェクトはありません。協議の場に提起して「協議中」にすると、プロジェクトを立ち上げられます。'
              : issue.canWrite
                ? 'まだプロジェクトはありません。協議の場で取り組むことが決まったら「プロジェクトを立ち上げる」から始めます。'
                : 'まだプロジェクトはありません（プロジェクトは地域づくりの担当者が立ち上げます）。'}
          </Text>
        ) : (
          issue.projects.map((p) => (
            <Group key={p.id} gap="sm">
              <Anchor component={Link} to={projectPath(p.id)}>
                {p.title}
              </Anchor>
              <Badge variant="outline" color="gray.8" radius="sm">
                {PROJECT_STATUS_LABELS[p.status as ProjectStatus]}
              </Badge>
            </Group>
          ))
        )}
      </Paper>
      <IssueCases issue={issue} />
      {moving && <MoveIssueDialog issue={issue} to={moving} onClose={() => setMoving(null)} />}
      {editing && <EditIssueDialog issue={issue} onClose={() => setEditing(false)} />}
      {creating && <CreateProjectDialog issue={issue} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
