import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PublicResource } from '../../../modules/resources/public-directory.schemas';
import {
  ACTIVITY_LABELS,
  RESOURCE_KIND_LABELS,
  TARGET_ATTRIBUTE_LABELS,
  WEEKDAY_LABELS,
} from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';

export function scheduleText(r: PublicResource): string {
  const slots = r.schedule.map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.opens}〜${s.closes}`);
  const parts = [...slots, ...(r.irregular ? ['不定期'] : [])];
  const main = parts.length > 0 ? parts.join('、') : '日時はお問い合わせください';
  return r.scheduleNote ? `${main}（${r.scheduleNote}）` : main;
}

export function targetText(r: PublicResource): string {
  const ages =
    r.ageMin !== null && r.ageMax !== null
      ? `${r.ageMin}〜${r.ageMax}歳`
      : r.ageMin !== null
        ? `${r.ageMin}歳以上`
        : r.ageMax !== null
          ? `${r.ageMax}歳まで`
          : null;
  const parts = [
    ...(r.forEveryone ? ['どなたでも'] : []),
    ...(ages ? [ages] : []),
    ...r.targetAttributes.map((t) => TARGET_ATTRIBUTE_LABELS[t]),
  ];
  return parts.length > 0 ? parts.join('、') : 'どなたでも';
}

const costText = (r: PublicResource) =>
  r.free ? (r.costNote ? `無料（${r.costNote}）` : '無料') : (r.costNote ?? '有料');

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One place of the public directory: what, when, for whom, where; 受け入れ可／要相談, never numbers. */
export function PublicResourceCard({ resource: r }: { resource: PublicResource }) {
  return (
    <Paper
      withBorder
      p="sm"
      className="public-resource"
      component="article"
      aria-labelledby={`resource-${r.id}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={`resource-${r.id}`}>
            {r.name}
          </Title>
          <Badge variant="light" color={r.availability === '受け入れ可' ? 'teal' : 'gray'} className="nowrap">
            {r.availability}
          </Badge>
        </Group>
        <Group gap={4}>
          {r.kinds.map((kind) => (
            <Badge key={kind} variant="outline" color="gray" size="sm">
              {RESOURCE_KIND_LABELS[kind]}
            </Badge>
          ))}
        </Group>
        {r.description && <Text size="sm">{r.description}</Text>}
        <dl className="public-resource-facts">
          <Item label="曜日と時間">{scheduleText(r)}</Item>
          <Item label="対象">{targetText(r)}</Item>
          {r.activities.length > 0 && (
            <Item label="できること">{r.activities.map((a) => ACTIVITY_LABELS[a]).join('、')}</Item>
          )}
          <Item label="費用">{costText(r)}</Item>
          {r.address && <Item label="場所">{r.address}</Item>}
          {r.phone && <Item label="電話">{r.phone}</Item>}
          <Item label="運営">{r.operatorName}</Item>
          {r.accessibility && <Item label="配慮・設備">{r.accessibility}</Item>}
          {r.verifiedOn && (
            <Item label="情報の確認日">
              <DateText value={`${r.verifiedOn}T12:00:00+09:00`} />
            </Item>
          )}
        </dl>
      </Stack>
    </Paper>
  );
}
