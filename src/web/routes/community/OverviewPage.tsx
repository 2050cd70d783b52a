import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Overview } from '../../../modules/community/areas-community.schemas';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { CommunityTabs } from './CommunityTabs';
import { COMMUNITY, overviewQuery } from './community-queries';
import { RaiseIssueDialog } from './issues/RaiseIssueDialog';
import { cellShade, cellText, overviewColumns } from './overview-cells';
import { YearCounts } from './YearCounts';

type Picked = { code: string; label: string; areaKey: string; areaLabel: string };

/** 課題×地区の俯瞰: where cases of each issue gather, this year against last, raised as an issue in one step. */
export function OverviewPage() {
  const thisYear = fiscalYearOf(new Date());
  const [fiscalYear, setFiscalYear] = useState(thisYear);
  const [by, setBy] = useState<'zone' | 'district'>('zone');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [raising, setRaising] = useState(false);
  const { data, error } = useQuery(overviewQuery(fiscalYear));
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const isPicked = (code: string, areaKey: string) =>
    picked.some((p) => p.code === code && p.areaKey === areaKey);
  const toggle = (p: Picked) =>
    setPicked((all) =>
      isPicked(p.code, p.areaKey)
        ? all.filter((x) => x.code !== p.code || x.areaKey !== p.areaKey)
        : [...all, p],
    );
  const codes = [...new Map(picked.map((p) => [p.code, p.label])).entries()];
  const places = [
    ...new Map(picked.filter((p) => p.areaKey !== 'none').map((p) => [p.areaKey, p.areaLabel])),
  ];
  return (
    <Stack>
      <CommunityTabs current={COMMUNITY} />
      <Title order={1} size="h2">
        課題×地区の俯瞰
      </Title>
      <Group justify="space-between" align="flex-end">
        <Group>
          <Select
            label="年度"
            data={years.map((y) => ({ value: String(y), label: fiscalYearLabel(y) }))}
            value={String(fiscalYear)}
            onChange={(v) => v && setFiscalYear(Number(v))}
            allowDeselect={false}
            w={240}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="overview-by">
              地区の単位
            </Text>
            <SegmentedControl
              aria-labelledby="overview-by"
              value={by}
              onChange={(v) => setBy(v as 'zone' | 'district')}
              data={[
                { value: 'zone', label: '圏域ごと' },
                { value: 'district', label: '地区ごと' },
              ]}
            />
          </div>
        </Group>
        <ExportButton
          list="community-overview"
          filters={{ fiscalYear, by }}
          label={`課題×${by === 'zone' ? '圏域' : '地区'}の俯瞰`}
        />
      </Group>
      <Text size="sm" c="gray.8">
        年度中に支援していた多機関協働の事例を、相談で記録された課題の分類と、世帯の地区で数えています。5件未満は「5件未満」（DV・虐待・依存・精神・再犯防止は「10件未満」）と表示し、圏域と地区を見比べても少ない件数がわからないようにしています。マスを選ぶと、その組み合わせを地域課題として提起できます。
      </Text>
      <ErrorAlert error={error} />
      {data && data.rows.length === 0 && (
        <EmptyState title={`${fiscalYearLabel(fiscalYear)}の事例はまだありません`}>
          多機関協働の事例が開かれると、課題の分類と世帯の地区ごとの件数がここに表示されます。世帯の地区は、世帯のページで設定できます。
        </EmptyState>
      )}
      {data && data.rows.length > 0 && (
        <OverviewTable
          data={data}
          by={by}
          isPicked={isPicked}
          onToggle={data.canRaise ? toggle : undefined}
        />
      )}
      {picked.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${picked.length}マスを選んでいます`}
          style={{ position: 'sticky', bottom: 8, zIndex: 2, boxShadow: 'var(--mantine-shadow-md)' }}
        >
          <Stack gap="xs">
            <Text size="sm">
              {codes.map(([, label]) => label).join('・')} ×{' '}
              {places.map(([, name]) => name).join('・') || '地区未設定'}
            </Text>
            <Group>
              <Button onClick={() => setRaising(true)}>選んだ組み合わせを地域課題として提起</Button>
              <Button variant="subtle" color="gray" onClick={() => setPicked([])}>
                選択をやめる
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {raising && (
        <RaiseIssueDialog
          draft={{
            source: 'overview',
            title: `${codes.map(([, l]) => l).join('・')}が${places.map(([, n]) => n).join('・')}に多い`,
            areaIds: places.map(([id]) => id),
            issueCodes: codes.map(([code]) => code),
          }}
          onClose={() => setRaising(false)}
        />
      )}
    </Stack>
  );
}

function OverviewTable({
  data,
  by,
  isPicked,
  onToggle,
}: {
  data: Overview;
  by: 'zone' | 'district';
  isPicked: (code: string, areaKey: string) => boolean;
  onToggle?: (p: Picked) => void;
}) {
  const columns = overviewColumns(data, by);
  const max = Math.max(0, ...data.rows.flatMap((r) => columns.map((c) => r.current[c.key]?.count ?? 0)));
  return (
    <Table.ScrollContainer minWidth={columns.length * (by === 'zone' ? 110 : 78) + 180}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>課題の分類</Table.Th>
            {columns.map((c) => (
              <Table.Th
                key={c.key}
                ta="center"
                fz={by === 'district' ? 'sm' : undefined}
                style={{ whiteSpace: 'nowrap' }}
              >
                {c.zoneLabel && (
                  <Text size="xs" c="gray.8">
                    {c.zoneLabel}
                  </Text>
                )}
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              {columns.map((c) => {
                const current = row.current[c.key];
                const text = cellText(current, row.threshold);
                const before = cellText(row.previous[c.key], row.threshold);
                const content = (
                  <YearCounts current={current} previous={row.previous[c.key]} threshold={row.threshold} />
                );
                const pickedHere = isPicked(row.code, c.key);
                return (
                  <Table.Td
                    key={c.key}
                    p={0}
                    bg={pickedHere ? 'var(--mantine-color-teal-2)' : cellShade(current, max)}
                    style={
                      pickedHere
                        ? { outline: '3px solid var(--mantine-color-teal-9)', outlineOffset: -3 }
                        : undefined
                    }
                  >
                    {onToggle ? (
                      <UnstyledButton
                        w="100%"
                        p="xs"
                        aria-pressed={pickedHere}
                        aria-label={`${row.label}・${c.label}：今年度${text}、前年度${before}`}
                        onClick={() =>
                          onToggle({ code: row.code, label: row.label, areaKey: c.key, areaLabel: c.label })
                        }
                      >
                        {content}
                      </UnstyledButton>
                    ) : (
                      <div style={{ padding: 'var(--mantine-spacing-xs)' }}>{content}</div>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              （参考）アウトリーチの記録
            </Table.Th>
            {columns.map((c) => (
              <Table.Td key={c.key}>
                <YearCounts
                  current={data.outreach.current[c.key]}
                  previous={data.outreach.previous[c.key]}
                  threshold={data.outreach.threshold}
                />
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
