import { Alert, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/dates';
import { PILLAR_LABELS, PILLAR_OF, PILLARS, type Pillar } from '../../../shared/program-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { hasPermission, useSession } from '../../lib/session';
import { CustomIndicatorsPanel } from './CustomIndicatorsPanel';
import { MonthTable } from './MonthTable';
import { PopulationField } from './PopulationField';
import { ProgramHeader, ProgramTabs } from './ProgramTabs';
import { figureText, type IndicatorResult, resultsQuery, unitSuffix } from './program-queries';
import { TargetDialog } from './TargetDialog';

const pillarOf = (i: IndicatorResult): Pillar | 'other' => {
  const first = i.functions[0];
  return first ? PILLAR_OF[first] : 'other';
};

/** 成果目標と実績: every indicator of the year, with its definition, its target and how far it is. */
export function ResultsPage() {
  const [fiscalYear, setFiscalYear] = useState(fiscalYearOf(new Date()));
  const { data, error } = useQuery(resultsQuery(fiscalYear));
  const canManage = hasPermission(useSession(), 'program.manage');
  const [editing, setEditing] = useState<IndicatorResult | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const yearLabel = fiscalYearLabel(fiscalYear);
  const groups = [...PILLARS, 'other' as const].map((pillar) => ({
    pillar,
    indicators: (data?.indicators ?? []).filter((i) => pillarOf(i) === pillar),
  }));
  const withTargets = data?.indicators.filter((i) => i.target).length ?? 0;
  return (
    <Stack>
      <ProgramTabs current="/program" />
      <ProgramHeader
        title="成果目標と実績"
        lead="実績は記録から数えます（入力の手間はありません）。人に関わる数が1〜4のときは「5件未満」と表示します。"
        fiscalYear={fiscalYear}
        onYear={setFiscalYear}
      >
        <PopulationField fiscalYear={fiscalYear} canManage={canManage} />
        <ExportButton
          list="program-results"
          filters={{ fiscalYear }}
          label={`${yearLabel}の成果目標と実績`}
        />
      </ProgramHeader>
      <ErrorAlert error={error} title="実績を表示できませんでした" />
      {data && withTargets === 0 && (
        <Alert color="blue" title={`${yearLabel}の成果目標がまだありません`}>
          各指標の「目標を設定」から目標値を入れると、達成率と月ごとの進み具合が表示されます。実施計画の成果目標（例：事例検討件数
          6件、協力企業・団体 5団体）をそのまま入れてください。
        </Alert>
      )}
      {data?.warnings.map((w) => (
        <Alert key={w.pillar} color="orange" title="今年度の記録がない機能があります" c="#7a2e0a">
          {w.message}
        </Alert>
      ))}
      {data && (
        <Text size="sm" c="gray.8">
          {data.monthsElapsed === 12
            ? `${yearLabel}の1年間の実績です。`
            : data.monthsElapsed === 0
              ? `${yearLabel}はまだ始まっていません。目標だけ先に設定できます。`
              : `${yearLabel}の4月から${data.monthsElapsed}か月分の実績です（今月を含みます）。`}
        </Text>
      )}
      {groups
        .filter((g) => g.indicators.length > 0)
        .map((g) => (
          <Stack key={g.pillar} gap={4}>
            <Title order={2} size="h4">
              {g.pillar === 'other'
                ? 'その他（事業の区分を決めていない、自治体が入力する指標の実績）'
                : PILLAR_LABELS[g.pillar]}
            </Title>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="42%">指標と数え方</Table.Th>
                  <Table.Th ta="right" className="nowrap">
                    実績
                  </Table.Th>
                  <Table.Th ta="right" className="nowrap">
                    目標
                  </Table.Th>
                  <Table.Th w="18%">達成率</Table.Th>
                  <Table.Th aria-label="操作" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.indicators.map((i) => (
                  <Fragment key={i.key}>
                    <Table.Tr>
                      <Table.Td>
                        <Text fw={700}>{i.label}</Text>
                        <Text size="sm" c="gray.8">
                          {i.definition}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" className="nowrap" fz="lg" fw={700}>
                        <Figure indicator={i} />
                      </Table.Td>
                      <Table.Td ta="right" className="nowrap">
                        {i.target
                          ? `${i.target.value.toLocaleString('ja-JP')}${unitSuffix(i.unit)}`
                          : '未設定'}
                      </Table.Td>
                      <Table.Td>
                        {i.achievement !== null ? (
                          <Stack gap={2}>
                            <Text size="sm" fw={700}>
                              {i.achievement}%
                            </Text>
                            <Progress
                              value={Math.min(i.achievement, 100)}
                              color={i.achievement >= 100 ? 'teal.8' : 'blue.8'}
                              aria-label={`${i.label}の達成率 ${i.achievement}%`}
                            />
                            {paceOf(i, data?.monthsElapsed ?? 12)}
                          </Stack>
                        ) : (
                          <Text size="sm" c="gray.8">
                            {i.target ? `実績が5${i.unit === '人' ? '人' : '件'}未満のため表示しません` : '—'}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-expanded={open === i.key}
                            onClick={() => setOpen(open === i.key ? null : i.key)}
                          >
                            月ごと
                          </Button>
                          {canManage && (
                            <Button size="compact-sm" variant="outline" onClick={() => setEditing(i)}>
                              {i.target ? '目標を変更' : '目標を設定'}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {open === i.key && (
                      <Table.Tr>
                        <Table.Td colSpan={5}>
                          <MonthTable indicator={i} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      {data && <CustomIndicatorsPanel fiscalYear={fiscalYear} canManage={canManage} />}
      {editing && (
        <TargetDialog
          indicator={editing}
          fiscalYear={fiscalYear}
          yearLabel={yearLabel}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** The year's figure; a typed indicator says when months are still to be entered. */
function Figure({ indicator }: { indicator: IndicatorResult }) {
  const notEntered = indicator.months.filter((m) => m.notEntered).length;
  if (indicator.months.length > 0 && notEntered === indicator.months.length) return <>未入力</>;
  return (
    <>
      {figureText(indicator)}
      {notEntered > 0 && (
        <Text size="xs" c="gray.8" fw={400}>
          {notEntered}か月分が未入力
        </Text>
      )}
    </>
  );
}

/** Where a yearly count should be by now, so that 20% in November reads as behind. */
function paceOf(indicator: IndicatorResult, monthsElapsed: number) {
  if (monthsElapsed >= 12 || indicator.unit === '%' || indicator.unit === '件/10万人・月') return null;
  const pace = Math.round((monthsElapsed / 12) * 100);
  const behind = (indicator.achievement ?? 0) < pace;
  return (
    <Text size="xs" c={behind ? 'orange.9' : 'gray.8'}>
      今の時期の目安 {pace}%{behind ? '（目安より遅れています）' : ''}
    </Text>
  );
}
