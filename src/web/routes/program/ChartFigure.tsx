import { Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';

export type FigureTable = { columns: string[]; rows: (string | number)[][] };

/**
 * A chart with its words: a title, a one-line reading for screen readers and the busy, and
 * the same numbers as a table a click away (axe: the picture is not the only carrier).
 */
export function ChartFigure({
  title,
  summary,
  table,
  children,
  note,
}: {
  title: string;
  summary: string;
  table: FigureTable;
  children: ReactNode;
  note?: string;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card withBorder padding="md" component="figure" m={0} aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        <SegmentedControl
          size="sm"
          aria-label={`${title}の表示`}
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          data={[
            { value: 'chart', label: 'グラフ' },
            { value: 'table', label: '表' },
          ]}
        />
      </Group>
      <Text size="sm" c="gray.8" mb="xs" component="figcaption">
        {summary}
      </Text>
      {view === 'chart' ? (
        <div role="img" aria-label={`${title}：${summary}（「表」で数値を確認できます）`}>
          {children}
        </div>
      ) : (
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c} className="nowrap">
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={String(row[0])}>
                {row.map((cell, i) => (
                  <Table.Td
                    key={`${row[0]}-${table.columns[i]}`}
                    ta={i === 0 ? undefined : 'right'}
                    className="nowrap"
                  >
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {note && (
        <Text size="xs" c="gray.8" mt="xs">
          {note}
        </Text>
      )}
    </Card>
  );
}
