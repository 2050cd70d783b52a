import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/dates';
import { formatSafeCount, type SafeCount } from '../../../shared/small-counts';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChartFigure } from './ChartFigure';
import { ProgramHeader, ProgramTabs } from './ProgramTabs';
import { type Dashboard, dashboardQuery, figureText, monthLabel } from './program-queries';

const HIDDEN_NOTE =
  '人に関わる数が1〜4件のところは「5件未満」とし、灰色の短い棒で示します（長さは数を表しません）。';
const safe = (c: SafeCount) => formatSafeCount(c);
/** A hidden count is drawn as a short grey bar of its own series, so that it does not look like 0. */
const HIDDEN_HEIGHT = 2.5;
const HIDDEN = '5件未満';
const barsOf = (items: { label: string; count: SafeCount }[], shown: string) =>
  items.map((i) => ({
    段階: i.label,
    [shown]: i.count.count ?? 0,
    [HIDDEN]: i.count.belowThreshold ? HIDDEN_HEIGHT : 0,
  }));
const barValue = (v: number) => (v === HIDDEN_HEIGHT ? HIDDEN : `${v}件`);

/** The program manager's year at a glance: where people would rather look than read. */
export function DashboardPage() {
  const [fiscalYear, setFiscalYear] = useState(fiscalYearOf(new Date()));
  const { data, error } = useQuery(dashboardQuery(fiscalYear));
  return (
    <Stack>
      <ProgramTabs current="/program/dashboard" />
      <ProgramHeader
        title="ダッシュボード"
        lead="相談・つなぎの推移、事例の段階、参加支援の流れ、課題×圏域、目標と実績をグラフで見ます。個人は特定されません。"
        fiscalYear={fiscalYear}
        onYear={setFiscalYear}
      />
      <ErrorAlert error={error} title="ダッシュボードを表示できませんでした" />
      {data?.warnings.map((w) => (
        <Alert key={w.pillar} color="orange" c="#7a2e0a" title="今年度の記録がない機能があります">
          {w.message}
        </Alert>
      ))}
      {data && data.monthsElapsed === 0 && (
        <EmptyState title={`${fiscalYearLabel(fiscalYear)}はまだ始まっていません`}>
          年度を選び直すと、これまでの年度のグラフを見られます。
        </EmptyState>
      )}
      {data && data.monthsElapsed > 0 && <Charts data={data} />}
    </Stack>
  );
}

function Charts({ data }: { data: Dashboard }) {
  const trend = data.trend.map((p) => ({
    month: monthLabel(p.month),
    新規相談: p.consultationsToDate,
    つなぎ: p.referralsToDate,
  }));
  const hidden = (n: number | null) => (n === null ? '5件未満' : `${n}件`);
  const last = data.trend.at(-1);
  const pipeline = data.pipeline.filter((p) => p.count.count !== 0);
  const targets = data.targets.map((t) => ({
    name: t.label,
    達成率: t.achievement ?? 0,
  }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartFigure
          title="新規相談とつなぎ（4月からの累計）"
          summary={`${monthLabel(last?.month ?? 1)}までに新規相談 ${hidden(last?.consultationsToDate ?? null)}、つなぎ ${hidden(last?.referralsToDate ?? null)}。`}
          note="累計が前の月から1〜4件しか増えていない月は、その増え方がわからないよう点を打たず（表では「非表示」「—」）、前後の点を線で結んでいます。"
          table={{
            columns: ['月', '新規相談（累計）', '新規相談（その月）', 'つなぎ（累計）', 'つなぎ（その月）'],
            rows: data.trend.map((p) => [
              monthLabel(p.month),
              p.consultationsToDate === null ? '非表示' : `${p.consultationsToDate}件`,
              p.consultations === null ? '—' : `${p.consultations}件`,
              p.referralsToDate === null ? '非表示' : `${p.referralsToDate}件`,
              p.referrals === null ? '—' : `${p.referrals}件`,
            ]),
          }}
        >
          <LineChart
            h={280}
            data={trend}
            dataKey="month"
            withLegend
            connectNulls
            curveType="linear"
            valueFormatter={(v) => `${v}件`}
            series={[
              { name: '新規相談', color: 'blue.8' },
              { name: 'つなぎ', color: 'teal.8' },
            ]}
          />
        </ChartFigure>
        <ChartFigure
          title="多機関協働事例の段階（現在）"
          summary={`事例の合計 ${safe(data.pipelineTotal)}。`}
          note={HIDDEN_NOTE}
          table={{ columns: ['段階', '事例数'], rows: data.pipeline.map((p) => [p.label, safe(p.count)]) }}
        >
          <BarChart
            h={280}
            data={barsOf(pipeline, '事例数')}
            dataKey="段階"
            orientation="vertical"
            type="stacked"
            withLegend
            yAxisProps={{ width: 110 }}
            valueFormatter={barValue}
            series={[
              { name: '事例数', color: 'blue.8' },
              { name: HIDDEN, color: 'gray.6' },
            ]}
          />
        </ChartFigure>
        <ChartFigure
          title="参加支援の流れ（その年度に提案した参加先）"
          summary={data.funnel.map((f) => `${f.label} ${safe(f.count)}`).join('、')}
          note={HIDDEN_NOTE}
          table={{ columns: ['段階', '件数'], rows: data.funnel.map((f) => [f.label, safe(f.count)]) }}
        >
          <BarChart
            h={260}
            data={barsOf(data.funnel, '件数')}
            dataKey="段階"
            type="stacked"
            withLegend
            valueFormatter={barValue}
            series={[
              { name: '件数', color: 'grape.8' },
              { name: HIDDEN, color: 'gray.6' },
            ]}
          />
        </ChartFigure>
        <ChartFigure
          title="成果目標の達成率"
          summary={
            data.targets.length
              ? `赤い線が目標（100%）、灰色の線が今の時期の目安（${Math.round((data.monthsElapsed / 12) * 100)}%）。` +
                data.targets
                  .map((t) => `${t.label} ${t.achievement === null ? '—' : `${t.achievement}%`}`)
                  .join('、')
              : '目標がまだ設定されていません。'
          }
          table={{
            columns: ['指標', '実績', '目標', '達成率'],
            rows: data.targets.map((t) => [
              t.label,
              figureText(t),
              `${t.target?.value ?? ''}`,
              t.achievement === null ? '—' : `${t.achievement}%`,
            ]),
          }}
        >
          {targets.length ? (
            <BarChart
              h={Math.max(160, targets.length * 48)}
              data={targets}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 220 }}
              valueFormatter={(v) => `${v}%`}
              xAxisProps={{ domain: [0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)] }}
              referenceLines={[
                { x: 100, color: 'red.9' },
                ...(data.monthsElapsed < 12
                  ? [
                      {
                        x: Math.round((data.monthsElapsed / 12) * 100),
                        color: 'gray.7',
                      },
                    ]
                  : []),
              ]}
              series={[{ name: '達成率', color: 'teal.8' }]}
            />
          ) : (
            <Text size="sm">「成果目標と実績」で目標を設定すると、ここに達成率が並びます。</Text>
          )}
        </ChartFigure>
      </SimpleGrid>
      <IssuesByZone data={data} />
    </>
  );
}

/** Cases by issue × 圏域, as a table shaded by size (a chart would hide the suppressed cells). */
function IssuesByZone({ data }: { data: Dashboard }) {
  const { zones, rows } = data.issuesByZone;
  if (rows.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4">
        課題×圏域（その年度に開いていた多機関協働事例）
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        事例の世帯が相談で挙げた課題ごと、世帯の圏域ごとの事例数です。1〜4件は「5件未満」、DV・虐待・依存・精神・再犯防止は10件未満を表示しません。圏域と地区の差から少数が分からないよう、あわせて伏せている数もあります。色の濃さは件数の目安です（薄い青
        5〜9件、濃い青 10件以上）。
      </Text>
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>課題</Table.Th>
            {zones.map((z) => (
              <Table.Th key={z.id} ta="right">
                {z.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Th scope="row">{r.label}</Table.Th>
              {zones.map((z) => {
                const c = r.cells[z.id];
                return (
                  <Table.Td
                    key={z.id}
                    ta="right"
                    bg={c?.count ? `blue.${Math.min(1 + Math.floor(c.count / 5), 3)}` : undefined}
                  >
                    {cellText(c, r.threshold)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

const cellText = (c: SafeCount | undefined, threshold: number) =>
  c ? formatSafeCount(c, '件', threshold) : '0件';
