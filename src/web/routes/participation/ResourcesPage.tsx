import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  RESOURCE_STATUS_LABELS,
  WEEKDAY_LABELS,
} from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { areasQuery } from '../../lib/directory';
import { PARTICIPATION, type ResourceFilters, resourcePath, resourcesQuery } from './participation-queries';
import { ResourceForm } from './ResourceForm';
import { placesText, scheduleText, targetText } from './resource-format';

const STATUS_COLORS = { active: 'teal.9', paused: 'red.9', ended: 'gray.8' } as const;

/** 社会資源: the places a person can be connected to, and how fresh what we know of them is. */
export function ResourcesPage() {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [filters, setFilters] = useState<ResourceFilters>({});
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const list = useQuery(resourcesQuery({ ...filters, q: q || undefined }));
  const [creating, setCreating] = useState(false);
  const set = (key: keyof ResourceFilters) => (value: string | null) =>
    setFilters((f) => ({ ...f, [key]: value ?? undefined }));
  const districts = areas.filter((a) => a.level === 'district');
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={PARTICIPATION}>
          参加支援
        </Anchor>{' '}
        ／ 社会資源
      </Text>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            社会資源（居場所・活動の場・就労体験先）
          </Title>
          <Text c="gray.8">
            地域の居場所や活動の場です。本人の希望に合う場を探し、情報が古くなっていないか確かめます。
          </Text>
        </div>
        {list.data?.canManage && (
          <Group>
            <Button variant="default" component={Link} to={`${PARTICIPATION}/resources/import`}>
              取り込み・書き出し
            </Button>
            <Button onClick={() => setCreating(true)}>資源を登録</Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <TextInput label="名称・団体で探す" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Select
          label="種別"
          clearable
          data={RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))}
          value={filters.kind ?? null}
          onChange={set('kind')}
        />
        <Select
          label="地区"
          clearable
          searchable
          data={districts.map((a) => ({ value: a.id, label: a.name }))}
          value={filters.areaId ?? null}
          onChange={set('areaId')}
        />
        <Select
          label="曜日"
          clearable
          data={WEEKDAY_LABELS.map((label, i) => ({ value: String(i), label: `${label}曜日` }))}
          value={filters.weekday ?? null}
          onChange={set('weekday')}
        />
        <Select
          label="状態"
          clearable
          data={Object.entries(RESOURCE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={filters.status ?? null}
          onChange={set('status')}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Checkbox
          label={`情報の確認が必要なもの（最終確認から${list.data?.verifyDays ?? 365}日以上）だけ表示`}
          checked={filters.stale === 'true'}
          onChange={(e) => {
            const stale = e.currentTarget.checked ? ('true' as const) : undefined;
            setFilters((f) => ({ ...f, stale }));
          }}
        />
        <ExportButton
          list="resources"
          filters={{ ...filters, q: q || undefined }}
          label="社会資源の一覧（いまの絞り込み）"
          also={[{ list: 'resource-operators', label: '運営団体の一覧（すべて）' }]}
        />
      </Group>
      <ErrorAlert error={list.error} title="一覧を読み込めませんでした" />
      {list.data && list.data.resources.length === 0 ? (
        <EmptyState title="条件に合う社会資源はありません">
          条件を変えて探すか、新しい場を「資源を登録」で加えてください（CSVやHSDSで一括して取り込むこともできます）。
        </EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名称・運営</Table.Th>
              <Table.Th>種別</Table.Th>
              <Table.Th>地区</Table.Th>
              <Table.Th>日時</Table.Th>
              <Table.Th>対象</Table.Th>
              <Table.Th>空き</Table.Th>
              <Table.Th>最終確認日</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.resources.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={resourcePath(r.id)} fw={700}>
                    {r.name}
                  </Anchor>
                  {r.status !== 'active' && (
                    <Badge ml="xs" color={STATUS_COLORS[r.status]} variant="outline">
                      {RESOURCE_STATUS_LABELS[r.status]}
                    </Badge>
                  )}
                  <Text size="sm" c="gray.7">
                    {r.operatorName}
                  </Text>
                </Table.Td>
                <Table.Td>{r.kinds.map((k) => RESOURCE_KIND_LABELS[k]).join('、')}</Table.Td>
                <Table.Td className="nowrap">{r.areaName ?? '—'}</Table.Td>
                <Table.Td>{scheduleText(r)}</Table.Td>
                <Table.Td>{targetText(r)}</Table.Td>
                <Table.Td>{placesText(r)}</Table.Td>
                <Table.Td className="nowrap">
                  {r.verifiedOn ? <DateText value={r.verifiedOn} /> : '未確認'}
                  {r.stale && (
                    <Badge ml="xs" color="red.9" variant="outline">
                      要確認
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <ResourceForm resource={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
