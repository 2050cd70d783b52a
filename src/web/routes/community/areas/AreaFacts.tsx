import { Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { AreaPage } from '../../../../modules/community/areas-community.schemas';
import { REGIONAL_ISSUE_STATUS_LABELS } from '../../../../shared/community-vocabulary';
import { fiscalYearLabel } from '../../../../shared/dates';
import { RESOURCE_STATUS_LABELS, type ResourceStatus } from '../../../../shared/participation-vocabulary';
import {
  formatSafeCount,
  SENSITIVE_COUNT_THRESHOLD,
  SMALL_COUNT_THRESHOLD,
} from '../../../../shared/small-counts';
import { DateText } from '../../../components/DateText';
import { issuePath } from '../community-queries';

const resourcePath = (id: string) => `/participation/resources/${id}`;

/** 課題×件数: cases by issue category in the area, this year beside last; small counts hidden. */
export function CasesPanel({ page }: { page: AreaPage }) {
  const { cases, fiscalYear } = page;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cases-title" h="100%">
      <Stack>
        <Title order={2} size="h4" id="cases-title">
          課題別の事例の件数
        </Title>
        {cases.length === 0 ? (
          <Text size="sm" c="gray.8">
            {fiscalYearLabel(fiscalYear)}
            と前年度に、この地区の世帯の事例はありません。事例の世帯に地区が登録されると、ここに課題ごとの件数が出ます。
          </Text>
        ) : (
          <Table striped verticalSpacing="xs">
            <Table.Caption>
              個人が特定されないよう、少ない件数は「{SMALL_COUNT_THRESHOLD}
              件未満」と表示します（DV・虐待など配慮の要る課題は「
              {SENSITIVE_COUNT_THRESHOLD}件未満」）。
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">課題</Table.Th>
                <Table.Th scope="col" ta="right">
                  今年度
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  前年度
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  <Table.Td ta="right" className="nowrap" fw={700}>
                    {formatSafeCount(row.current, '件', row.threshold)}
                  </Table.Td>
                  <Table.Td ta="right" className="nowrap">
                    {formatSafeCount(row.previous, '件', row.threshold)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** 相談会・出張相談: consultations taken at the area's places this year. */
export function PlaceConsultationsPanel({ page }: { page: AreaPage }) {
  const { placeConsultations, area } = page;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="places-title" h="100%">
      <Stack>
        <Title order={2} size="h4" id="places-title">
          相談会・出張相談で受けた相談
        </Title>
        {placeConsultations.length === 0 ? (
          <Text size="sm" c="gray.8">
            この年度に、この{area.level === 'zone' ? '圏域' : '地区'}
            の場所で受けた相談はありません。相談を受け付けるときに「相談を受けた場所」を選ぶと、ここに場所ごとの件数が出ます。
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">場所</Table.Th>
                <Table.Th scope="col" ta="right">
                  件数
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {placeConsultations.map((p) => (
                <Table.Tr key={p.resourceId}>
                  <Table.Td>
                    <Anchor component={Link} to={resourcePath(p.resourceId)} size="sm">
                      {p.resourceName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" className="nowrap">
                    {formatSafeCount(p.count)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** Regional issues that touch the area. */
export function IssuesPanel({ page }: { page: AreaPage }) {
  const { issues } = page;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issues-title" h="100%">
      <Stack>
        <Title order={2} size="h4" id="issues-title">
          この地域の地域課題（{issues.length.toLocaleString('ja-JP')}件、うち未解決
          {issues.filter((i) => i.status !== 'resolved').length.toLocaleString('ja-JP')}件）
        </Title>
        {issues.length === 0 ? (
          <Text size="sm" c="gray.8">
            この地域にかかわる地域課題はありません。事例や会議から見えた課題は、「課題×地区の俯瞰」や「地域課題」の画面から地域課題として提起できます。
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" ml={0}>
            {issues.map((issue) => (
              <List.Item key={issue.id}>
                <Anchor component={Link} to={issuePath(issue.id)} fw={700} size="sm">
                  {issue.title}
                </Anchor>
                <Group gap="xs" mt={2}>
                  <Badge variant="light" size="sm">
                    {REGIONAL_ISSUE_STATUS_LABELS[issue.status]}
                  </Badge>
                  <Text size="xs" c="gray.8">
                    提起 <DateText value={issue.raisedOn} />
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

const STATUS_COLORS: Record<ResourceStatus, string> = { active: 'teal.9', paused: 'red.9', ended: 'gray.8' };

/** The directory's places in the area. */
export function ResourcesPanel({ page }: { page: AreaPage }) {
  const { resources } = page;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="resources-title" h="100%">
      <Stack>
        <Title order={2} size="h4" id="resources-title">
          この地域の社会資源（{resources.length.toLocaleString('ja-JP')}か所）
        </Title>
        {resources.length === 0 ? (
          <Text size="sm" c="gray.8">
            この地域の社会資源は登録されていません。
            <Anchor component={Link} to="/participation/resources" inherit>
              社会資源の一覧
            </Anchor>
            で、場所の「地区」を登録すると、ここに出ます。
          </Text>
        ) : (
          <List spacing={4} listStyleType="none" ml={0}>
            {resources.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={resourcePath(r.id)} size="sm">
                  {r.name}
                </Anchor>
                {r.status !== 'active' && r.status in RESOURCE_STATUS_LABELS && (
                  <Badge
                    ml="xs"
                    size="sm"
                    variant="outline"
                    color={STATUS_COLORS[r.status as ResourceStatus]}
                  >
                    {RESOURCE_STATUS_LABELS[r.status as ResourceStatus]}
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
