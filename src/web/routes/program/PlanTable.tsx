import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { REGIONAL_ISSUE_STATUS_LABELS } from '../../../shared/community-vocabulary';
import { fiscalYearLabel } from '../../../shared/dates';
import { EVALUATION_LABELS, type PlanEvaluation } from '../../../shared/program-vocabulary';
import { figureText, type IndicatorResult, type PlanItem, type PlanView } from './program-queries';

const EVALUATION_COLORS: Record<PlanEvaluation, string> = {
  achieved: 'teal.9',
  partly: 'blue.9',
  not_achieved: 'red.9',
  carried_over: 'gray.8',
};

export const yearHeader = (y: number) => fiscalYearLabel(y).replace(/（.*$/, '');

/** 芦屋's 年度計画: 取組 by heading × the years of the plan. Cells open for editing when `onCell` is given. */
export function PlanTable({
  view,
  indicators,
  onCell,
  onItem,
}: {
  view: PlanView & { plan: NonNullable<PlanView['plan']> };
  indicators: Map<string, IndicatorResult>;
  onCell?: (item: PlanItem, fiscalYear: number) => void;
  onItem?: (item: PlanItem) => void;
}) {
  const { plan, items } = view;
  const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
  const headings = [...new Set(items.map((i) => i.headingNo))];
  return (
    <Table withTableBorder withColumnBorders className="plan-table" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="12%">プロジェクト名</Table.Th>
          <Table.Th w="20%">取組</Table.Th>
          {years.map((y) => (
            <Table.Th key={y} className="nowrap">
              {yearHeader(y)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {headings.map((no) => {
          const group = items.filter((i) => i.headingNo === no);
          return group.map((item, index) => (
            <Table.Tr key={item.id}>
              {index === 0 && (
                <Table.Th rowSpan={group.length} scope="rowgroup" style={{ verticalAlign: 'top' }}>
                  ({no}) {item.heading}
                </Table.Th>
              )}
              <Table.Td style={{ verticalAlign: 'top' }}>
                {onItem ? (
                  <UnstyledButton onClick={() => onItem(item)} aria-label={`取組「${item.title}」を変更`}>
                    <Text size="sm" fw={700} td="underline">
                      {item.label} {item.title}
                    </Text>
                  </UnstyledButton>
                ) : (
                  <Text size="sm" fw={700}>
                    {item.label} {item.title}
                  </Text>
                )}
                {item.indicatorKeys.map((key) => {
                  const i = indicators.get(key);
                  return i ? (
                    <Text key={key} size="xs" c="gray.8">
                      指標：{i.label} {figureText(i)}
                      {i.target ? `／目標 ${i.target.value}` : ''}
                    </Text>
                  ) : null;
                })}
                {item.issues.map((issue) => (
                  <Text key={issue.id} size="xs" c="gray.8">
                    地域課題：{issue.title}（
                    {REGIONAL_ISSUE_STATUS_LABELS[
                      issue.status as keyof typeof REGIONAL_ISSUE_STATUS_LABELS
                    ] ?? issue.status}
                    ）
                  </Text>
                ))}
              </Table.Td>
              {years.map((y) => {
                const cell = item.years.find((c) => c.fiscalYear === y);
                const content = (
                  <>
                    {cell?.planned && <Text size="sm">{cell.planned}</Text>}
                    {cell?.progress && (
                      <Text size="xs" c="gray.8" mt={4}>
                        進捗：{cell.progress}
                      </Text>
                    )}
                    {cell?.evaluation && (
                      <Badge variant="outline" color={EVALUATION_COLORS[cell.evaluation]} mt={4}>
                        {EVALUATION_LABELS[cell.evaluation]}
                      </Badge>
                    )}
                  </>
                );
                return (
                  <Table.Td key={y} style={{ verticalAlign: 'top' }}>
                    {onCell ? (
                      <UnstyledButton
                        w="100%"
                        mih={48}
                        onClick={() => onCell(item, y)}
                        aria-label={`${item.label} ${item.title}：${yearHeader(y)}を記入`}
                        className="plan-cell"
                      >
                        {cell ? (
                          content
                        ) : (
                          <Text size="xs" c="gray.7">
                            ＋ 記入
                          </Text>
                        )}
                      </UnstyledButton>
                    ) : (
                      content
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ));
        })}
      </Table.Tbody>
    </Table>
  );
}
