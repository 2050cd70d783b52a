import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { COMMUNITY_KEYS, issueCategoriesQuery, issuePath, issuesQuery } from '../community-queries';
import { IssueStatusBadge } from './IssueStatusBadge';
import { RaiseIssueDialog } from './RaiseIssueDialog';

/** 地域課題 this case is behind, and the way to raise one from it or link it to one. */
export function CaseRegionalIssues({
  caseId,
  intakeIssues,
  canWrite,
}: {
  caseId: string;
  intakeIssues: string[];
  canWrite: boolean;
}) {
  const linked = useQuery(issuesQuery({ caseId }));
  const all = useQuery({ ...issuesQuery(), enabled: canWrite });
  const vocabulary = useQuery({ ...issueCategoriesQuery, enabled: canWrite });
  const [raising, setRaising] = useState(false);
  const [issueId, setIssueId] = useState<string | null>(null);
  const link = useApiMutation(() => api('POST', `/api/community/issues/${issueId}/cases`, { caseId }), {
    invalidate: COMMUNITY_KEYS,
    success: '地域課題に結びつけました。',
    onDone: () => setIssueId(null),
  });
  if (!linked.data) return null;
  const here = new Set(linked.data.issues.map((i) => i.id));
  const codes = (vocabulary.data?.issues ?? [])
    .filter((v) => intakeIssues.includes(v.label))
    .map((v) => v.code);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-regional-issues-title">
      <Title order={2} size="h5" id="case-regional-issues-title" mb="xs">
        地域課題
      </Title>
      <ErrorAlert error={link.error} />
      <Stack gap={4}>
        {linked.data.issues.length === 0 && (
          <Text size="sm" c="gray.8">
            この事例はどの地域課題にも結びついていません。
          </Text>
        )}
        {linked.data.issues.map((i) => (
          <Group key={i.id} gap="xs" wrap="nowrap">
            <IssueStatusBadge status={i.status} />
            <Anchor component={Link} to={issuePath(i.id)} size="sm">
              {i.title}
            </Anchor>
          </Group>
        ))}
      </Stack>
      {canWrite && (
        <Stack gap="xs" mt="sm">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label="既存の地域課題に結びつける"
              placeholder="地域課題を選ぶ"
              searchable
              clearable
              data={(all.data?.issues ?? [])
                .filter((i) => !here.has(i.id) && i.status !== 'resolved')
                .map((i) => ({ value: i.id, label: i.title }))}
              value={issueId}
              onChange={setIssueId}
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              disabled={!issueId}
              loading={link.isPending}
              onClick={() => link.mutate(undefined)}
            >
              結びつける
            </Button>
          </Group>
          <Button variant="outline" onClick={() => setRaising(true)}>
            この事例から地域課題を提起
          </Button>
        </Stack>
      )}
      {raising && (
        <RaiseIssueDialog
          draft={{ source: 'cases', caseIds: [caseId], issueCodes: codes }}
          onClose={() => setRaising(false)}
        />
      )}
    </Paper>
  );
}
