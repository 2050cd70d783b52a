import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { AREA_WORKER_ROLE_LABELS } from '../../../../shared/community-vocabulary';
import { fiscalYearLabel } from '../../../../shared/dates';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { CommunityTabs } from '../CommunityTabs';
import { AREAS, areaPath } from '../community-queries';
import {
  AREA_WORKER_ROLE_SHORT,
  AREAS_IMPORT,
  agingRate,
  areasListQuery,
  type CommunityArea,
  formatNumber,
  formatRate,
} from './area-queries';

/** 圏域・地区: each 圏域 with its 地区, this year's figures, who works them and what goes on. */
export function CommunityAreasPage() {
  const list = useQuery(areasListQuery);
  const data = list.data;
  const zones = data?.areas.filter((a) => a.level === 'zone') ?? [];
  const zoneIds = new Set(zones.map((z) => z.id));
  const loose = data?.areas.filter((a) => a.level === 'district' && !zoneIds.has(a.parentId ?? '')) ?? [];
  return (
    <Stack>
      <CommunityTabs current={AREAS} />
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <Title order={1} size="h2">
            圏域・地区
          </Title>
          <Text c="gray.8">
            {data ? `${fiscalYearLabel(data.fiscalYear)}の` : ''}
            人口・高齢化率と、地区を受け持つ職員、地域課題・社会資源・働きかけの数です。圏域・地区の名前から、地域プロフィールと記録を開けます。
          </Text>
        </div>
        <Group wrap="nowrap">
          {data && data.areas.length > 0 && <ExportButton list="community-areas" />}
          {data?.canWrite && (
            <Button component={Link} to={AREAS_IMPORT} variant="default">
              地域プロフィールをCSVで取り込む
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={list.error} title="圏域・地区を読み込めませんでした" />
      {data && data.areas.length === 0 && (
        <EmptyState title="圏域・地区が登録されていません">
          圏域と地区は、管理者が「管理」の「地区」で登録します。登録すると、ここに地域プロフィールと担当者を記録できます。
        </EmptyState>
      )}
      {zones.map((zone) => (
        <ZoneTable
          key={zone.id}
          zone={zone}
          districts={data?.areas.filter((a) => a.level === 'district' && a.parentId === zone.id) ?? []}
        />
      ))}
      {loose.length > 0 && <ZoneTable zone={null} districts={loose} />}
    </Stack>
  );
}

function ZoneTable({ zone, districts }: { zone: CommunityArea | null; districts: CommunityArea[] }) {
  const titleId = `zone-${zone?.id ?? 'none'}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {zone ? (
          <Anchor component={Link} to={areaPath(zone.id)} inherit>
            {zone.name}
          </Anchor>
        ) : (
          '圏域に属さない地区'
        )}
      </Title>
      <Table.ScrollContainer minWidth={960}>
        <Table striped verticalSpacing="xs" layout="fixed">
          <colgroup>
            <col style={{ width: '20%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '24%' }} />
            <col style={{ width: '14%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '13%' }} />
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{zone ? '圏域・地区' : '地区'}</Table.Th>
              <Table.Th scope="col" ta="right">
                人口
              </Table.Th>
              <Table.Th scope="col" ta="right">
                高齢化率
              </Table.Th>
              <Table.Th scope="col">担当</Table.Th>
              <Table.Th scope="col" ta="right">
                未解決の地域課題
              </Table.Th>
              <Table.Th scope="col" ta="right">
                社会資源
              </Table.Th>
              <Table.Th scope="col" ta="right">
                今年度の働きかけ
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {zone && <AreaRow area={zone} label={`${zone.name}（圏域全体）`} />}
            {districts.map((d) => (
              <AreaRow key={d.id} area={d} label={d.name} />
            ))}
            {zone && districts.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="gray.8">
                    この圏域には地区が登録されていません。
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function AreaRow({ area, label }: { area: CommunityArea; label: string }) {
  const isZone = area.level === 'zone';
  return (
    <Table.Tr fw={isZone ? 700 : undefined}>
      <Table.Th scope="row" fw={isZone ? 700 : 500} className="nowrap">
        <Anchor component={Link} to={areaPath(area.id)} inherit>
          {label}
        </Anchor>
      </Table.Th>
      <Table.Td ta="right" className="nowrap">
        {formatNumber(area.population, '人')}
      </Table.Td>
      <Table.Td ta="right" className="nowrap">
        {formatRate(agingRate(area.aged65, area.population))}
      </Table.Td>
      <Table.Td fw={400}>
        {area.workers.length === 0 ? (
          <Text size="sm" c="gray.7">
            未登録
          </Text>
        ) : (
          <Stack gap={0}>
            {area.workers.map((w) => (
              <Text size="sm" key={w.id}>
                <Text span size="sm" c="gray.8" title={AREA_WORKER_ROLE_LABELS[w.role]}>
                  {AREA_WORKER_ROLE_SHORT[w.role]}
                </Text>{' '}
                {w.name}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td ta="right" className="nowrap">
        {area.openIssues.toLocaleString('ja-JP')}件
      </Table.Td>
      <Table.Td ta="right" className="nowrap">
        {area.resources.toLocaleString('ja-JP')}か所
      </Table.Td>
      <Table.Td ta="right" className="nowrap">
        {area.activitiesThisYear.toLocaleString('ja-JP')}回
      </Table.Td>
    </Table.Tr>
  );
}
