import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { RegionalIssue } from '../../../../modules/community/regional-issues.schemas';
import { fiscalYearLabel } from '../../../../shared/dates';
import { WISH_LABELS, type Wish } from '../../../../shared/participation-vocabulary';
import { formatSafeCount } from '../../../../shared/small-counts';
import { YearCounts } from '../YearCounts';

/** The issue's evidence, counted live; small counts hidden as in the overview. */
export function IssueEvidence({
  issue,
  areaName,
}: {
  issue: RegionalIssue;
  areaName: (id: string) => string;
}) {
  const { evidence } = issue;
  const keys = Object.keys(evidence.outreach.current);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          根拠の件数（{fiscalYearLabel(evidence.fiscalYear)}、前年度）
        </Title>
        <Text size="sm" c="gray.8">
          今日の記録から数えています。個人が特定されないよう、5件未満は「5件未満」（DV・虐待・依存・精神・再犯防止は「10件未満」）と表示します。
        </Text>
        {keys.length > 0 && (
          <Table withTableBorder withColumnBorders fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>多機関協働の事例</Table.Th>
                {keys.map((k) => (
                  <Table.Th key={k} ta="center">
                    {areaName(k)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evidence.cases.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  {keys.map((k) => (
                    <Table.Td key={k}>
                      <YearCounts
                        current={row.current[k]}
                        previous={row.previous[k]}
                        threshold={row.threshold}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row" fw={500}>
                  （参考）アウトリーチの記録
                </Table.Th>
                {keys.map((k) => (
                  <Table.Td key={k}>
                    <YearCounts
                      current={evidence.outreach.current[k]}
                      previous={evidence.outreach.previous[k]}
                      threshold={evidence.outreach.threshold}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {evidence.cases.length === 0 && (
          <Text size="sm">課題の分類を選ぶと、その分類の事例の件数が表示されます（「編集」から）。</Text>
        )}
        <Text size="sm">
          参加支援で「合う場がない」とされ、まだ応えられていない希望：
          {evidence.unmetNeeds.length === 0
            ? 'この圏域・地区にはありません'
            : evidence.unmetNeeds
                .map(
                  (u) =>
                    `${WISH_LABELS[u.wish as Wish] ?? u.wish}（${areaName(u.areaId)}）${formatSafeCount(u.count)}`,
                )
                .join('、')}
        </Text>
        <Text size="sm">
          この地域課題に結びついた事例：
          {formatSafeCount(evidence.linkedCases, '件', evidence.linkedThreshold)}
        </Text>
      </Stack>
    </Paper>
  );
}
