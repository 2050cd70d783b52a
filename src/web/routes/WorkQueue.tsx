import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { WorkItem } from '../../modules/cases/cases.schemas';
import type { ReferralSummary } from '../../modules/referrals/referrals.schemas';
import { referralStatusLabel } from '../../shared/intake-vocabulary';
import { DateText } from '../components/DateText';
import { EmptyState } from '../components/EmptyState';
import { apiGet } from '../lib/api';
import { useSession } from '../lib/session';
import { MeetingActionItems } from './meetings/MeetingActionItems';
import { actionItemsQuery } from './meetings/meeting-queries';
import { OutreachQueue } from './outreach/OutreachQueue';
import { outreachQueueQuery } from './outreach/outreach-queries';
import { ParticipationQueue } from './participation/ParticipationQueue';
import { participationQueueQuery } from './participation/participation-queries';
import { referralsQuery } from './referrals/ReferralsPage';

type Item = { key: string; urgent: boolean; overdue: boolean; label: string; referral: ReferralSummary };

const OPEN_INBOX = new Set(['requested', 'accepted', 'in_progress']);

function caseItemLabel(item: WorkItem): string {
  switch (item.kind) {
    case 'screening':
      return '多機関協働の事例：スクリーニングを';
    case 'review_due':
      return 'モニタリング時期です：評価を';
    case 'action_overdue':
      return `期間を過ぎた支援内容：${item.detail ?? ''}`;
    case 'no_record':
      return '主担当の事例で、支援経過の記録が途絶えています';
    case 'connection_due':
      return `つながり継続の連絡日です（${item.detail ?? ''}）`;
    default: {
      const unreachable: never = item.kind;
      return unreachable;
    }
  }
}

function CaseItems({ items }: { items: WorkItem[] }) {
  return items.map((item) => (
    <Paper key={`${item.kind}-${item.caseId}-${item.detail ?? ''}`} withBorder p="sm">
      <Group gap="sm" wrap="nowrap">
        {(item.kind === 'action_overdue' || item.kind === 'no_record') && (
          <Badge color="red" variant="outline">
            期限超過
          </Badge>
        )}
        {item.mine && <Badge variant="light">あなたの担当</Badge>}
        <Anchor component={Link} to={`/cases/${item.caseId}`}>
          {caseItemLabel(item)}
        </Anchor>
        <Text size="sm" c="gray.7">
          {item.personName ?? '（氏名不明）'}
          {item.due && (
            <span>
              （期日 <DateText value={item.due} />）
            </span>
          )}
        </Text>
      </Group>
    </Paper>
  ));
}

/** What needs doing now, most pressing first: urgent, overdue, then oldest. */
export function WorkQueue() {
  const session = useSession();
  const isCoordinator =
    session.memberships.find((m) => m.id === session.activeMembershipId)?.role === 'coordinator';
  const inbox = useQuery(referralsQuery('inbox'));
  const sent = useQuery(referralsQuery('sent'));
  const alerts = useQuery({
    queryKey: ['urgent-alerts'],
    queryFn: () =>
      apiGet<{ alerts: { consultationId: string; organisationName: string; receivedAt: string }[] }>(
        '/api/consultations/urgent-alerts',
      ),
    enabled: isCoordinator,
  });
  const caseItems = useQuery({
    queryKey: ['case-work-queue'],
    queryFn: () => apiGet<{ items: WorkItem[]; total: number }>('/api/cases/work-queue'),
  });
  const meetingItems = useQuery(actionItemsQuery);
  const outreachItems = useQuery(outreachQueueQuery);
  const participationItems = useQuery(participationQueueQuery);
  const items: Item[] = [
    ...(inbox.data ?? [])
      .filter((r) => OPEN_INBOX.has(r.status))
      .map((r) => ({
        key: `in-${r.id}`,
        urgent: r.urgent,
        overdue: r.overdue,
        label:
          r.status === 'requested'
            ? `${r.fromOrganisationName}からのつなぎ：受理か辞退を`
            : `${r.fromOrganisationName}からのつなぎ：${referralStatusLabel(r.status, r.toExternal)}`,
        referral: r,
      })),
    ...(sent.data ?? [])
      .filter((r) => r.overdue || r.status === 'declined' || r.status === 'draft')
      .map((r) => ({
        key: `out-${r.id}`,
        urgent: r.urgent,
        overdue: r.overdue,
        label:
          r.status === 'declined'
            ? `${r.toOrganisationName}が辞退しました：つなぎ直しを`
            : r.status === 'draft'
              ? `未送信の下書き（${r.toOrganisationName}宛）`
              : `${r.toOrganisationName}がまだ受理していません`,
        referral: r,
      })),
  ].sort((a, b) => Number(b.urgent) - Number(a.urgent) || Number(b.overdue) - Number(a.overdue));

  if (
    items.length === 0 &&
    !alerts.data?.alerts.length &&
    !caseItems.data?.items.length &&
    !meetingItems.data?.length &&
    !outreachItems.data?.items.length &&
    !participationItems.data?.followUps.length
  ) {
    return (
      <EmptyState title="いま対応が必要な事項はありません">
        届いたつなぎ、期限を過ぎたつなぎ、モニタリング時期の事例、期間を過ぎた支援内容、会議の宿題、アウトリーチの予定、定着支援の連絡予定などが、ここに並びます。
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      {alerts.data?.alerts.map((a) => (
        <Paper key={a.consultationId} withBorder p="sm" bg="red.0">
          <Group gap="sm">
            <Badge color="red">緊急</Badge>
            <Text size="sm">
              {a.organisationName}で緊急の相談を受け付けました（
              <DateText value={a.receivedAt} withTime />
              ）。同機関に連絡してください。
            </Text>
          </Group>
        </Paper>
      ))}
      <OutreachQueue items={outreachItems.data?.items ?? []} />
      <ParticipationQueue />
      <CaseItems items={caseItems.data?.items ?? []} />
      <MeetingActionItems items={meetingItems.data ?? []} />
      {caseItems.data && caseItems.data.total > caseItems.data.items.length && (
        <Text size="sm" c="gray.8">
          事例の対応事項は全部で{caseItems.data.total}件あります（期日の近い{caseItems.data.items.length}
          件を表示しています）。
        </Text>
      )}
      {items.map((item) => (
        <Paper key={item.key} withBorder p="sm">
          <Group gap="sm" wrap="nowrap">
            {item.urgent && <Badge color="red">緊急</Badge>}
            {item.overdue && (
              <Badge color="red" variant="outline">
                期限超過
              </Badge>
            )}
            <Anchor component={Link} to={`/referrals/${item.referral.id}`}>
              {item.label}
            </Anchor>
            <Text size="sm" c="gray.7">
              {item.referral.personName ?? '（氏名不明）'}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
