import {
  Alert,
  Button,
  Center,
  Container,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { PublicDirectory, PublicResource } from '../../../modules/resources/public-directory.schemas';
import {
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  TARGET_ATTRIBUTE_LABELS,
  TARGET_ATTRIBUTES,
  WEEKDAY_LABELS,
} from '../../../shared/participation-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError, apiGet } from '../../lib/api';
import { PublicResourceCard } from './PublicResourceCard';
import './public-directory.css';

type Filters = { areaId: string; kind: string; weekday: string; target: string; age: string | number };
const NO_FILTERS: Filters = { areaId: '', kind: '', weekday: '', target: '', age: '' };
const NO_AREA = '地区の指定なし';
const ANY = { value: '', label: 'すべて' };

function queryString(filters: Filters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The resources grouped by area, in the municipality's order of areas. */
function byArea(directory: PublicDirectory) {
  const groups = new Map<string, PublicResource[]>();
  const order = [...directory.areas.map((a) => a.name), NO_AREA];
  for (const r of directory.resources) {
    const name = r.areaName ?? NO_AREA;
    groups.set(name, [...(groups.get(name) ?? []), r]);
  }
  return [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

/** 地域の居場所・活動の一覧: the page without login, when the municipality publishes it. */
export function PublicDirectoryPage() {
  const { tenantCode } = useParams({ strict: false }) as { tenantCode: string };
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = useQuery({
    queryKey: ['public-directory', tenantCode, filters],
    queryFn: () => apiGet<PublicDirectory>(`/api/public/${tenantCode}/resources${queryString(filters)}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const set = (key: keyof Filters) => (value: string | number) => setFilters({ ...filters, [key]: value });

  if (query.error instanceof ApiError && query.error.status === 404 && !query.data) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} size="h2">
          社会資源の一覧
        </Title>
        <Alert color="gray" mt="md" title="公開されていません">
          この自治体の社会資源の一覧は公開されていません。URLを確かめるか、自治体の担当窓口にお問い合わせください。
        </Alert>
      </Container>
    );
  }
  const directory = query.data;
  if (!directory) {
    return query.error ? (
      <Container py="xl">
        <ErrorAlert error={query.error} title="一覧を表示できませんでした" />
      </Container>
    ) : (
      <Center p="xl">
        <Loader aria-label="読み込み中" />
      </Center>
    );
  }
  const groups = byArea(directory);
  return (
    <Container size="lg" py="md" className="public-directory">
      <Stack>
        <Title order={1} size="h2">
          {directory.municipality.name} 地域の居場所・活動の一覧
        </Title>
        <Text className="public-no-print">
          地域のサロン、居場所、子ども食堂、就労体験の場などです。参加したいときは、各場所の電話か、市の相談窓口にお問い合わせください。「受け入れ可」は今すぐ参加できる見込みがあること、「要相談」はまず問い合わせが必要なことを表します。
        </Text>
        <form className="public-no-print" onSubmit={(e) => e.preventDefault()} aria-label="絞り込み">
          <Group align="flex-end">
            <NativeSelect
              label="地区"
              value={filters.areaId}
              onChange={(e) => set('areaId')(e.currentTarget.value)}
              data={[
                ANY,
                ...directory.areas.map((a) => ({
                  value: a.id,
                  label: `${a.level === 'district' ? '　' : ''}${a.name}`,
                })),
              ]}
            />
            <NativeSelect
              label="種別"
              value={filters.kind}
              onChange={(e) => set('kind')(e.currentTarget.value)}
              data={[ANY, ...RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))]}
            />
            <NativeSelect
              label="曜日"
              value={filters.weekday}
              onChange={(e) => set('weekday')(e.currentTarget.value)}
              data={[ANY, ...WEEKDAY_LABELS.map((label, i) => ({ value: String(i), label: `${label}曜日` }))]}
            />
            <NativeSelect
              label="対象"
              value={filters.target}
              onChange={(e) => set('target')(e.currentTarget.value)}
              data={[ANY, ...TARGET_ATTRIBUTES.map((t) => ({ value: t, label: TARGET_ATTRIBUTE_LABELS[t] }))]}
            />
            <NumberInput
              label="年齢"
              min={0}
              max={120}
              value={filters.age}
              onChange={set('age')}
              w={100}
              suffix="歳"
            />
            <Button variant="default" onClick={() => setFilters(NO_FILTERS)}>
              条件をクリア
            </Button>
            <Button onClick={() => window.print()}>印刷する（A4）</Button>
          </Group>
        </form>
        <Text role="status" size="sm">
          {directory.resources.length}か所
        </Text>
        {groups.length === 0 && <Text>条件に合う場所はありません。条件を変えてお試しください。</Text>}
        {groups.map(([area, list], index) => (
          <section key={area} className="public-area-group" aria-labelledby={`area-${index}`}>
            <Title order={2} size="h3" id={`area-${index}`} className="public-area-title">
              {area}（{list.length}か所）
            </Title>
            <div className="public-resource-grid">
              {list.map((r) => (
                <PublicResourceCard key={r.id} resource={r} />
              ))}
            </div>
          </section>
        ))}
        <Text size="xs" c="gray.7">
          {directory.municipality.name}（全国地方公共団体コード {directory.municipality.code}）
        </Text>
      </Stack>
    </Container>
  );
}
