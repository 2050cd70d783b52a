import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Support } from '../../../modules/participation/participation.schemas';
import {
  REACH_LABELS,
  TIME_OF_DAY_LABELS,
  WEEKDAY_LABELS,
  WISH_LABELS,
} from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { MatchList } from './MatchList';
import { NeedsDialog } from './NeedsDialog';
import { PlacementCard } from './PlacementCard';
import { PARTICIPATION, supportQuery } from './participation-queries';
import { UnmetNeedDialog } from './UnmetNeedDialog';

function Line({ label, value }: { label: string; value: string | null }) {
  return (
    <Text size="sm">
      <Text span c="gray.7">
        {label}：
      </Text>
      {value || '—'}
    </Text>
  );
}

function NeedsSummary({ support, onEdit }: { support: Support; onEdit: () => void }) {
  const when = [
    support.weekdays.map((d) => WEEKDAY_LABELS[d]).join('・'),
    support.timesOfDay.map((t) => TIME_OF_DAY_LABELS[t]).join('・'),
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          希望と条件
        </Title>
        {support.canWrite && (
          <Button variant="default" onClick={onEdit}>
            希望・条件を編集
          </Button>
        )}
      </Group>
      <Group gap={6} mb="xs">
        {support.wishes.length === 0 ? (
          <Text c="gray.7">
            希望がまだ記録されていません。「希望・条件を編集」から本人と一緒に記録してください。
          </Text>
        ) : (
          support.wishes.map((w) => (
            <Badge key={w} variant="light" size="lg" tt="none">
              {WISH_LABELS[w]}
            </Badge>
          ))
        )}
      </Group>
      {support.inTheirWords && <Text mb="xs">「{support.inTheirWords}」</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4}>
        <Line label="行ける曜日・時間" value={when} />
        <Line
          label="住んでいる地区・範囲"
          value={`${support.areaName ?? '未設定'}（${REACH_LABELS[support.reach]}）${support.onlyFree ? '・無料の場' : ''}`}
        />
        <Line label="一緒に行きたい人" value={support.companion} />
        <Line label="体調・健康面" value={support.health} />
        <Line label="不安なこと" value={support.anxieties} />
        <Line label="強み・得意なこと" value={support.strengths} />
        <Line label="興味・関心" value={support.interests} />
      </SimpleGrid>
    </Paper>
  );
}

/** A person's participation support: wishes, the ranked places, the path and the follow-ups. */
export function SupportPage({ id }: { id: string }) {
  const { data: support } = useSuspenseQuery(supportQuery(id));
  const [dialog, setDialog] = useState<'needs' | 'unmet' | null>(null);
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={PARTICIPATION}>
          参加支援
        </Anchor>{' '}
        ／ {support.personName}さん
      </Text>
      <div>
        <Title order={1} size="h2">
          {support.personName}さんの参加支援
          {support.closedOn && (
            <Badge ml="sm" color="gray" variant="outline">
              終了（
              <DateText value={support.closedOn} />）
            </Badge>
          )}
        </Title>
        <Text c="gray.8">
          {support.age !== null ? `${support.age}歳・` : ''}担当 {support.coordinatorName}（
          {support.organisationName}）・開始 <DateText value={support.openedOn} />
          {support.caseId && (
            <>
              ・
              <Anchor component={Link} to={`/cases/${support.caseId}`} underline="always">
                多機関協働の事例へ
              </Anchor>
            </>
          )}
        </Text>
      </div>
      <NeedsSummary support={support} onEdit={() => setDialog('needs')} />
      <Title order={2} size="h4">
        参加先
      </Title>
      {support.placements.length === 0 ? (
        <EmptyState title="まだ参加先を提案していません">
          下の「参加先の候補」から本人と選び、「提案する」を押すと、見学・体験・参加開始の経過を記録できます。
        </EmptyState>
      ) : (
        support.placements.map((p) => <PlacementCard key={p.id} placement={p} canWrite={support.canWrite} />)
      )}
      {support.closedOn === null && <MatchList support={support} onNothingFits={() => setDialog('unmet')} />}
      {support.unmetNeeds.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            合う場が見つからなかった希望
          </Title>
          {support.unmetNeeds.map((n) => (
            <Text key={n.id} size="sm">
              <DateText value={n.recordedOn} />　{WISH_LABELS[n.wish]}（{n.areaName ?? '地区未設定'}）：
              {n.conditions}
              {n.answeredBy && `　→ 新しい場「${n.answeredBy}」`}
            </Text>
          ))}
        </Paper>
      )}
      {dialog === 'needs' && <NeedsDialog support={support} onClose={() => setDialog(null)} />}
      {dialog === 'unmet' && <UnmetNeedDialog support={support} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
