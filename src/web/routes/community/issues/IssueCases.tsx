import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { RegionalIssue } from '../../../../modules/community/regional-issues.schemas';
import { formatSafeCount } from '../../../../shared/small-counts';
import { confirmAction } from '../../../components/confirm';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { casesQuery } from '../../cases/case-queries';
import { COMMUNITY_KEYS } from '../community-queries';

/** The cases behind the issue: named only to those who may see them; the rest are counted. */
export function IssueCases({ issue }: { issue: RegionalIssue }) {
  const [caseId, setCaseId] = useState<string | null>(null);
  const cases = useQuery({ ...casesQuery('active'), enabled: issue.canLinkCases });
  const link = useApiMutation(() => api('POST', `/api/community/issues/${issue.id}/cases`, { caseId }), {
    invalidate: COMMUNITY_KEYS,
    success: '事例を結びつけました。',
    onDone: () => setCaseId(null),
  });
  const unlink = useApiMutation(
    (id: string) => api('DELETE', `/api/community/issues/${issue.id}/cases/${id}`),
    { invalidate: COMMUNITY_KEYS, success: '事例との結びつきを外しました。' },
  );
  const linked = new Set(issue.visibleCases.map((c) => c.id));
  const { linkedCases, linkedThreshold } = issue.evidence;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          結びついた事例（{formatSafeCount(linkedCases, '件', linkedThreshold)}）
        </Title>
        <Text size="sm" c="gray.8">
          事例の名前は、その事例を見られる人にだけ表示されます。
        </Text>
        <ErrorAlert error={link.error ?? unlink.error} />
        {issue.visibleCases.length === 0 ? (
          <Text size="sm">あなたが見られる事例は結びついていません。</Text>
        ) : (
          issue.visibleCases.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/cases/${c.id}`}>
                {c.summary.includes(c.householdName) ? c.summary : `${c.householdName}：${c.summary}`}
              </Anchor>
              {issue.canLinkCases && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  c="red.9"
                  onClick={() =>
                    confirmAction({
                      title: '事例との結びつきを外す',
                      message: `「${c.householdName}」の事例を、この地域課題から外します。事例の記録は変わりません。`,
                      confirmLabel: '外す',
                      danger: true,
                      onConfirm: () => unlink.mutate(c.id),
                    })
                  }
                >
                  外す
                </Button>
              )}
            </Group>
          ))
        )}
        {issue.canLinkCases && (
          <Group align="flex-end">
            <Select
              label="事例を結びつける"
              placeholder="見られる事例から選ぶ"
              searchable
              clearable
              data={(cases.data ?? [])
                .filter((c) => !linked.has(c.id))
                .map((c) => ({ value: c.id, label: c.summary }))}
              value={caseId}
              onChange={setCaseId}
              w={420}
            />
            <Button
              variant="light"
              disabled={!caseId}
              loading={link.isPending}
              onClick={() => link.mutate(undefined)}
            >
              結びつける
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
