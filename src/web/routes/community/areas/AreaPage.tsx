import { Anchor, Badge, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { AreaPage as AreaPageData } from '../../../../modules/community/areas-community.schemas';
import { AREA_LEVEL_LABELS } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CommunityTabs } from '../CommunityTabs';
import { AREAS, areaPageQuery, areaPath } from '../community-queries';
import { ActivitiesPanel } from './ActivitiesPanel';
import { CasesPanel, IssuesPanel, PlaceConsultationsPanel, ResourcesPanel } from './AreaFacts';
import { fiscalYearOptions } from './area-queries';
import { ProfilePanel } from './ProfilePanel';
import { WorkersPanel } from './WorkersPanel';

export function AreaPageRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <AreaPage key={id} id={id} />;
}

/** One 圏域 or 地区: its profile by year, who works it, community work, counts and links. */
function AreaPage({ id }: { id: string }) {
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const query = useQuery({ ...areaPageQuery(id, fiscalYear), placeholderData: (previous) => previous });
  const page = query.data;
  return (
    <Stack>
      <CommunityTabs current={AREAS} />
      <Text size="sm">
        <Anchor component={Link} to={AREAS}>
          圏域・地区
        </Anchor>{' '}
        ／ {page?.area.name ?? ''}
      </Text>
      <ErrorAlert error={query.error} title="圏域・地区を表示できません" />
      {page && (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Group gap="sm" align="center">
                <Title order={1} size="h2">
                  {page.area.name}
                </Title>
                <Badge variant="light" color="gray" size="lg">
                  {AREA_LEVEL_LABELS[page.area.level]}
                </Badge>
              </Group>
              <AreaRelations page={page} />
            </div>
            <Select
              label="年度"
              w={300}
              allowDeselect={false}
              data={fiscalYearOptions(page.profileYears)}
              value={String(page.fiscalYear)}
              onChange={(v) => setFiscalYear(v ? Number(v) : undefined)}
            />
          </Group>
          <ProfilePanel page={page} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <WorkersPanel page={page} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <CasesPanel page={page} />
            </Grid.Col>
          </Grid>
          <ActivitiesPanel page={page} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <PlaceConsultationsPanel page={page} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <IssuesPanel page={page} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <ResourcesPanel page={page} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function AreaRelations({ page }: { page: AreaPageData }) {
  const { area } = page;
  if (area.level === 'zone')
    return area.children.length === 0 ? (
      <Text c="gray.8">この圏域には地区が登録されていません。</Text>
    ) : (
      <Text c="gray.8">
        地区:{' '}
        {area.children.map((c, i) => (
          <span key={c.id}>
            {i > 0 && '、'}
            <Anchor component={Link} to={areaPath(c.id)}>
              {c.name}
            </Anchor>
          </span>
        ))}
      </Text>
    );
  return area.parentName ? <Text c="gray.8">{area.parentName}の地区</Text> : null;
}
