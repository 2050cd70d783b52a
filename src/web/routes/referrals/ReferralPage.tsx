import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Referral } from '../../../modules/referrals/referrals.schemas';
import { formatWareki } from '../../../shared/dates';
import { type ReferralStatus, referralStatusLabel } from '../../../shared/intake-vocabulary';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, apiGet } from '../../lib/api';
import { personName, REFERRAL_STATUS_COLORS } from '../../lib/labels';
import { hasPermission, useSession } from '../../lib/session';
import { todayInJapan } from '../cases/case-queries';
import { OpenCaseDialog } from '../cases/OpenCaseDialog';
import { PartnerBadge } from '../partners/PartnerBadge';

type Action = {
  to: ReferralStatus;
  label: string;
  side: 'sender' | 'recipient';
  note?: string;
  color?: string;
};

const ACTIONS: Record<ReferralStatus, Action[]> = {
  draft: [
    { to: 'requested', label: '送信する', side: 'sender' },
    { to: 'cancelled', label: '取り消す', side: 'sender', color: 'red' },
  ],
  requested: [
    { to: 'accepted', label: '受理する', side: 'recipient' },
    { to: 'declined', label: '辞退する', side: 'recipient', note: '辞退の理由', color: 'red' },
    { to: 'cancelled', label: '依頼を取り消す', side: 'sender', color: 'red' },
  ],
  accepted: [
    { to: 'in_progress', label: '対応を始める', side: 'recipient' },
    { to: 'unsuccessful', label: '不調として終える', side: 'recipient', note: '不調の結果', color: 'red' },
  ],
  in_progress: [
    { to: 'completed', label: '完了する', side: 'recipient', note: '対応の結果' },
    { to: 'unsuccessful', label: '不調として終える', side: 'recipient', note: '不調の結果', color: 'red' },
  ],
  declined: [],
  cancelled: [],
  completed: [],
  unsuccessful: [],
};

/** What the sender logs for a partner without a login, by the step it records. */
const LOGGED_ACTION_LABELS: Partial<Record<ReferralStatus, string>> = {
  requested: '連絡したことを記録',
  accepted: '受け入れの返事を記録',
  declined: '見送りの返事を記録',
  in_progress: '支援の開始を記録',
  completed: '完了を記録',
  unsuccessful: '不調を記録',
};

export function ReferralPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const session = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['referral', id],
    queryFn: () => apiGet<Referral>(`/api/referrals/${id}`),
  });
  const [pending, setPending] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [occurredOn, setOccurredOn] = useState(todayInJapan());
  const [error, setError] = useState<unknown>(null);
  const [opening, setOpening] = useState(false);

  if (query.error) return <ErrorAlert error={query.error} title="つなぎを表示できません" />;
  const referral = query.data;
  if (!referral) return null;
  const org = session.memberships.find((m) => m.id === session.activeMembershipId);
  const isSender = referral.fromOrganisationId === org?.organisationId;
  const isRecipient =
    referral.toOrganisationId === org?.organisationId ||
    (referral.toMultiAgency && org?.role === 'coordinator');
  // a partner without a login answers by phone or letter: the sender logs each step, with its day
  const logs = referral.toExternal && isSender;
  const actions = ACTIONS[referral.status]
    .filter((a) => (a.side === 'sender' ? isSender : isRecipient || logs))
    .map((a) =>
      logs && LOGGED_ACTION_LABELS[a.to]
        ? {
            ...a,
            label: LOGGED_ACTION_LABELS[a.to] ?? a.label,
            note: a.to === 'declined' ? '見送りの理由' : a.note,
          }
        : a,
    );
  const lastLoggedOn = referral.events.reduce<string>(
    (day, e) => (e.occurredOn && e.occurredOn > day ? e.occurredOn : day),
    '',
  );
  const needsDialog = (a: Action) => Boolean(a.note) || (logs && a.to !== 'cancelled');
  const canOpenCase =
    referral.toMultiAgency &&
    hasPermission(session, 'cases.coordinate') &&
    ['requested', 'accepted'].includes(referral.status);
  // For a referral to 多機関協働 the coordinator's next step is opening the case (which takes the
  // referral on), not a separate 受理する beside it; declining stays possible.
  const steps = canOpenCase ? actions.filter((a) => a.to !== 'accepted') : actions;

  const run = async (action: Action, withNote: string | null) => {
    setError(null);
    try {
      await api('POST', `/api/referrals/${id}/transitions`, {
        to: action.to,
        note: withNote,
        occurredOn: logs && action.to !== 'cancelled' ? occurredOn : null,
      });
      setPending(null);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: ['referral', id] });
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          つなぎ票
        </Title>
        <Group gap="sm">
          <Badge size="lg" color={REFERRAL_STATUS_COLORS[referral.status]} variant="light">
            {referralStatusLabel(referral.status, referral.toExternal)}
          </Badge>
          <Button
            component="a"
            href={`/print/referrals/${referral.id}`}
            target="_blank"
            variant="default"
            size="xs"
          >
            つなぎ票を印刷
          </Button>
        </Group>
      </Group>
      {referral.overdue && (
        <Alert
          color="red"
          title={referral.toExternal ? '返事待ちの期限を過ぎています' : '受理待ちの期限を過ぎています'}
        >
          {referral.toExternal
            ? '連絡から所定の日数が過ぎても返事が記録されていません。'
            : '依頼から所定の日数が過ぎても受理されていません。'}
          {isRecipient
            ? '受理か辞退で応えてください。'
            : referral.toExternal
              ? 'つなぎ先に返事を確かめ、受け入れか見送りを記録してください。'
              : 'つなぎ先に連絡してください。'}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" c="gray.7">
              つないだ機関
            </Text>
            <Text>{referral.fromOrganisationName}</Text>
          </div>
          <div>
            <Text size="sm" c="gray.7">
              つなぎ先
            </Text>
            <Group gap={6}>
              <Text>{referral.toOrganisationName}</Text>
              {referral.toExternal && <PartnerBadge />}
            </Group>
            {referral.partnerContact && (
              <Text size="sm">
                {[
                  referral.partnerContact.contactPerson && `担当：${referral.partnerContact.contactPerson}`,
                  referral.partnerContact.phone && `電話：${referral.partnerContact.phone}`,
                ]
                  .filter(Boolean)
                  .join('　') || '先方の担当者・電話番号は未登録です'}
              </Text>
            )}
            {referral.toExternal && (
              <Text size="sm" c="gray.8">
                ログインしない機関です。連絡と返事は、つないだ機関が記録します。
              </Text>
            )}
          </div>
          <div>
            <Text size="sm" c="gray.7">
              本人
            </Text>
            <Text>
              {referral.person
                ? personName(referral.person)
                : referral.personId
                  ? '（氏名不明）'
                  : '（本人の指定なし・世帯へのつなぎ）'}
              {referral.householdId && (
                <Anchor component={Link} to={`/households/${referral.householdId}`} ml="sm" size="sm">
                  世帯を見る
                </Anchor>
              )}
            </Text>
            {referral.person?.contactHidden && (
              <Text size="sm" c="gray.8">
                本人の同意がないため、連絡先は表示されません。
              </Text>
            )}
            {referral.person && !referral.person.contactHidden && (
              <Text size="sm">
                {referral.person.address} {referral.person.phones?.join('、')}
              </Text>
            )}
          </div>
          <div>
            <Text size="sm" c="gray.7">
              緊急度
            </Text>
            <Text>{referral.urgent ? '緊急' : '通常'}</Text>
          </div>
        </SimpleGrid>
        <Text size="sm" c="gray.7" mt="md">
          主訴
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.mainComplaint}</Text>
        <Text size="sm" c="gray.7" mt="md">
          つなぐ理由
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</Text>
        <Text size="sm" c="gray.7" mt="md">
          これまでの対応
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.actionsTaken ?? '—'}</Text>
        {referral.declineReason && (
          <Alert color="red" title="辞退の理由" mt="md">
            {referral.declineReason}
          </Alert>
        )}
        {referral.outcome && (
          <Alert color="teal" title="結果" mt="md">
            {referral.outcome}
          </Alert>
        )}
      </Paper>

      {pending === null && <ErrorAlert error={error} title="状態を変更できませんでした" />}
      {canOpenCase && (
        <Alert color="blue" title="多機関協働へのつなぎです">
          <Text size="sm" mb="xs">
            事例を開くと、このつなぎは「対応中」になり、スクリーニングから始めます。
          </Text>
          <Button onClick={() => setOpening(true)}>多機関協働事例を開く</Button>
        </Alert>
      )}
      {opening && (
        <OpenCaseDialog
          householdId={referral.householdId}
          referralId={referral.id}
          defaultSummary={referral.mainComplaint}
          onClose={() => setOpening(false)}
        />
      )}
      {steps.length > 0 && (
        <Group>
          {steps.map((action) => (
            <Button
              key={action.to}
              color={action.color}
              variant={action.color ? 'outline' : 'filled'}
              onClick={() => (needsDialog(action) ? setPending(action) : run(action, null))}
            >
              {action.label}
            </Button>
          ))}
        </Group>
      )}

      <section aria-labelledby="history-title">
        <Title order={2} size="h4" id="history-title" mb="sm">
          経過
        </Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {referral.events.map((event) => (
            <Timeline.Item
              key={`${event.at}-${event.toStatus}`}
              title={referralStatusLabel(event.toStatus, referral.toExternal)}
            >
              {event.occurredOn && (
                <Text size="sm" fw={500}>
                  <DateText value={event.occurredOn} />
                  のやりとり
                </Text>
              )}
              <Text size="sm" c={event.occurredOn ? 'gray.8' : undefined}>
                {event.occurredOn ? '記録：' : ''}
                <DateText value={event.at} withTime />　{event.byOrganisationName}　{event.byUserName}
              </Text>
              {event.note && <Text size="sm">{event.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </section>

      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending?.label}>
        <Stack>
          <ErrorAlert error={error} title="記録できませんでした" />
          {logs && pending?.to !== 'cancelled' && (
            <>
              <Text size="sm" c="gray.8">
                {referral.toOrganisationName}
                はログインしない機関です。電話や書面でのやりとりを、あった日とともに記録します。
              </Text>
              <TextInput
                label="やりとりがあった日"
                type="date"
                required
                max={todayInJapan()}
                min={lastLoggedOn || undefined}
                description={
                  lastLoggedOn
                    ? `前のやりとり（${formatWareki(`${lastLoggedOn}T00:00:00+09:00`)}）以降の日付です。`
                    : undefined
                }
                value={occurredOn}
                onChange={(e) => setOccurredOn(e.currentTarget.value)}
              />
            </>
          )}
          <Textarea
            label={pending?.note ?? 'やりとりの内容（だれから・どのように。任意）'}
            required={Boolean(pending?.note)}
            data-autofocus
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              キャンセル
            </Button>
            <Button
              color={pending?.color}
              disabled={(Boolean(pending?.note) && !note.trim()) || (logs && !occurredOn)}
              onClick={() => pending && run(pending, note.trim() || null)}
            >
              {pending?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
