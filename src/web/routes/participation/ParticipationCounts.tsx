import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ParticipationCounts as Counts } from '../../../modules/participation/participation.schemas';
import { fiscalYearLabel } from '../../../shared/dates';
import { RESOURCE_KIND_LABELS, WISH_LABELS } from '../../../shared/participation-vocabulary';
import { formatSafeCount, type SafeCount } from '../../../shared/small-counts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { participationCountsQuery } from './participation-queries';

/** 第2号 KPIs for the program manager: counts only, small counts of people suppressed. */
export function ParticipationCounts() {
  const counts = useQuery(participationCountsQuery());
  const c = counts.data;
  const kinds = c
    ? Object.entries(
        c.resources.reduce<Record<string, { active: number; created: number; verified: number }>>(
          (acc, r) => {
            const row = acc[r.kind] ?? { active: 0, created: 0, verified: 0 };
            acc[r.kind] = {
              active: row.active + r.active,
              created: row.created + r.newThisYear,
              verified: row.verified + r.verifiedThisYear,
            };
            return acc;
          },
          {},
        ),
      )
    : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participation-counts-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="participation-counts-title">
          参加支援の件数{c && `（${fiscalYearLabel(c.fiscalYear)}）`}
        </Title>
        <ExportButton list="participation-counts" filters={{ fiscalYear: c?.fiscalYear }} />
      </Group>
      <ErrorAlert error={counts.error} title="件数を表示できません" />
      {c && <CountsBody c={c} kinds={kinds} />}
      <Text size="sm" c="gray.8" mt="sm">
        件数のみを表示しています。人に関する1〜4は「5人未満」「5件未満」と表示され、個人は特定されません。流れは年度内に提案した参加先の、その後の段階です。
      </Text>
    </Paper>
  );
}

function CountsBody({
  c,
  kinds,
}: {
  c: Counts;
  kinds: [string, { active: number; created: number; verified: number }][];
}) {
  const people = (v: SafeCount) => formatSafeCount(v, '人');
  const items = (v: SafeCount) => formatSafeCount(v, '件');
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[
          ['参加支援の対象者', people(c.people)],
          ['活動の場につながった人', people(c.connected)],
          ['就労体験等への協力企業・団体', `${c.cooperatingOperators}団体`],
          ['提案した参加先', items(c.funnel.proposed)],
          ['見学まで進んだ', items(c.funnel.visited)],
          ['体験まで進んだ', items(c.funnel.trial)],
          ['参加開始', items(c.funnel.started)],
          ['3か月後も継続', items(c.funnel.continuedThreeMonths)],
        ].map(([label, value]) => (
          <div key={label}>
            <Text size="sm" c="gray.8">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group align="flex-start" gap="xl">
        <Table withTableBorder w={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>社会資源の種別</Table.Th>
              <Table.Th ta="right">活動中</Table.Th>
              <Table.Th ta="right">今年度の新規</Table.Th>
              <Table.Th ta="right">今年度の確認</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.map(([kind, row]) => (
              <Table.Tr key={kind}>
                <Table.Td>{RESOURCE_KIND_LABELS[kind as keyof typeof RESOURCE_KIND_LABELS]}</Table.Td>
                <Table.Td ta="right">{row.active}</Table.Td>
                <Table.Td ta="right">{row.created}</Table.Td>
                <Table.Td ta="right">{row.verified}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {c.unmetNeeds.length > 0 && (
          <Table withTableBorder w={360}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>合う場がなかった希望</Table.Th>
                <Table.Th>地区</Table.Th>
                <Table.Th ta="right">件数</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.unmetNeeds.map((u) => (
                <Table.Tr key={`${u.wish}-${u.areaName}`}>
                  <Table.Td>{WISH_LABELS[u.wish]}</Table.Td>
                  <Table.Td>{u.areaName ?? '—'}</Table.Td>
                  <Table.Td ta="right">{items(u.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Group>
    </Stack>
  );
}
