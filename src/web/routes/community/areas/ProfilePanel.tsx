import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { AreaPage, Profile } from '../../../../modules/community/areas-community.schemas';
import { fiscalYearLabel } from '../../../../shared/dates';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { AREAS_IMPORT, agingRate } from './area-queries';
import { ProfileDialog, type ProfileDialogMode } from './ProfileDialog';
import { formatDifference, formatFigure, PROFILE_FIGURES, PROFILE_TEXTS } from './profile-figures';

type Row = {
  label: string;
  unit: string;
  decimal?: boolean;
  current: number | null;
  previous: number | null;
};

function figureRows(profile: Profile, previous: Profile | null): Row[] {
  const rows: Row[] = [];
  for (const f of PROFILE_FIGURES) {
    rows.push({ ...f, current: profile[f.key], previous: previous?.[f.key] ?? null });
    if (f.key === 'aged65')
      rows.push({
        label: '高齢化率（65歳以上÷人口）',
        unit: '%',
        decimal: true,
        current: agingRate(profile.aged65, profile.population),
        previous: previous ? agingRate(previous.aged65, previous.population) : null,
      });
  }
  for (const extra of profile.extraFigures) {
    const before = previous?.extraFigures.find((e) => e.label === extra.label);
    rows.push({
      label: extra.label,
      unit: extra.unit,
      decimal: !Number.isInteger(extra.value),
      current: extra.value,
      previous: before?.value ?? null,
    });
  }
  return rows;
}

/** 地域プロフィール of the year shown, beside the year before. */
export function ProfilePanel({ page }: { page: AreaPage }) {
  const [dialog, setDialog] = useState<ProfileDialogMode | null>(null);
  const { profile, previousProfile, fiscalYear, canWrite } = page;
  const yearLabel = fiscalYearLabel(fiscalYear);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profile-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="profile-title">
            地域プロフィール（{yearLabel}）
          </Title>
          {canWrite && profile && (
            <Button variant="default" onClick={() => setDialog('edit')}>
              編集
            </Button>
          )}
        </Group>
        {!profile ? (
          <EmptyState
            title={`${yearLabel}の地域プロフィールはまだありません`}
            action={
              canWrite && (
                <Group>
                  <Button onClick={() => setDialog('create')}>この年度のプロフィールを作成</Button>
                  {previousProfile && (
                    <Button variant="outline" onClick={() => setDialog('copy')}>
                      前年度の数値を写して作成
                    </Button>
                  )}
                </Group>
              )
            }
          >
            {canWrite ? (
              <>
                人口・世帯数などの数値と、地域の強み・課題・ビジョンを記録します。
                {previousProfile && '前年度の数値を写してから直すこともできます。'}
                全地区の数値をまとめて入れるときは、
                <Anchor component={Link} to={AREAS_IMPORT} inherit>
                  CSVで取り込めます
                </Anchor>
                。
              </>
            ) : (
              '地域プロフィールは、地域づくりの担当者が作成します。年度を変えると、ほかの年度のプロフィールを見られます。'
            )}
          </EmptyState>
        ) : (
          <>
            <FigureTable profile={profile} previous={previousProfile} fiscalYear={fiscalYear} />
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {PROFILE_TEXTS.map((t) => (
                <div key={t.key}>
                  <Title order={3} size="h5" mb={4}>
                    {t.label}
                  </Title>
                  {profile[t.key] ? (
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{profile[t.key]}</Text>
                  ) : (
                    <Text size="sm" c="gray.7">
                      未記入
                    </Text>
                  )}
                </div>
              ))}
            </SimpleGrid>
            <Text size="sm" c="gray.7">
              最終更新: <DateText value={profile.updatedAt} withTime />
              {profile.updatedByName && `（${profile.updatedByName}）`}
            </Text>
          </>
        )}
      </Stack>
      {dialog && <ProfileDialog page={page} mode={dialog} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

function FigureTable({
  profile,
  previous,
  fiscalYear,
}: {
  profile: Profile;
  previous: Profile | null;
  fiscalYear: number;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder maw={960}>
        {!previous && (
          <Table.Caption>
            {fiscalYearLabel(fiscalYear - 1)}のプロフィールはないため、前年度との比較はありません。
          </Table.Caption>
        )}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">項目</Table.Th>
            <Table.Th scope="col" ta="right">
              {fiscalYearLabel(fiscalYear)}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              前年度
            </Table.Th>
            <Table.Th scope="col" ta="right">
              増減
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figureRows(profile, previous).map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right" fw={700} className="nowrap">
                {formatFigure(row.current, row.unit, row.decimal)}
              </Table.Td>
              <Table.Td ta="right" className="nowrap">
                {formatFigure(row.previous, row.unit, row.decimal)}
              </Table.Td>
              <Table.Td ta="right" className="nowrap">
                {formatDifference(row.current, row.previous, row.unit, row.decimal)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
