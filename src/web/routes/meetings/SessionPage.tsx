import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { formatWareki } from '../../../shared/dates';
import { LEGAL_BASIS_LABELS, SESSION_STATE_LABELS, TIER_LABELS } from '../../../shared/meeting-vocabulary';
import { confirmAction } from '../../components/confirm';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StaleTextNotice } from '../../components/StaleTextNotice';
import { todayInJapan } from '../cases/case-queries';
import { AgendaPanel } from './AgendaPanel';
import { AttendeesPanel } from './AttendeesPanel';
import { MEETINGS, sessionQuery, useSessionChange } from './meeting-queries';

export function SessionPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: session } = useSuspenseQuery(sessionQuery(id));
  const prepare = useSessionChange(
    id,
    'POST',
    '/prepare',
    '資料を配付しました。出席者が議題の事例の資料を見られます。',
  );
  const held = useSessionChange(id, 'POST', '/held', '開催を記録しました。');
  const [minutes, setMinutes] = useState(session.minutes ?? '');
  const saveMinutes = useSessionChange(id, 'PATCH', '', '会議録を保存しました。');
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="gray.8" size="sm">
            <Link to={MEETINGS}>会議</Link> ／ {LEGAL_BASIS_LABELS[session.legalBasis]}
            {session.tier && ` ／ ${TIER_LABELS[session.tier]}`}
          </Text>
          <Title order={1} size="h2">
            {session.bodyName}
          </Title>
          <Text>
            <DateText value={session.startsAt} withTime />
            {session.place && `　${session.place}`}
            {session.online && '（オンライン併用）'}
          </Text>
        </div>
        <Group>
          <Badge size="lg" variant="light" color={session.state === 'held' ? 'teal' : 'indigo'}>
            {SESSION_STATE_LABELS[session.state]}
          </Badge>
          {session.agendaVisible && (
            <>
              <Button variant="default" component="a" href={`/print/meetings/${id}/agenda`} target="_blank">
                次第を印刷
              </Button>
              <Button variant="default" component="a" href={`/print/meetings/${id}/minutes`} target="_blank">
                会議録・決定一覧を印刷
              </Button>
            </>
          )}
          {session.canRun && session.state !== 'held' && (
            <Button
              variant={session.state === 'prepared' ? 'default' : 'filled'}
              loading={prepare.isPending}
              onClick={() =>
                confirmAction({
                  title: session.state === 'prepared' ? '資料を配付し直しますか' : '資料を配付しますか',
                  message:
                    '出席者が、議題の事例の会議資料（概要・世帯・課題・関わる機関・プラン）を、いまの内容で見られるようになります。出席者に見えるのは配付した時点の資料です（後の変更は配付し直すまで反映されません）。閲覧できるのは、開催日のあと自治体の設定の日数までです。',
                  confirmLabel: '配付する',
                  onConfirm: () => prepare.mutate({}),
                })
              }
            >
              {session.state === 'prepared' ? '資料を配付し直す' : '資料を配付する'}
            </Button>
          )}
          {session.canRun && session.state !== 'held' && (
            <Button
              color="teal"
              // the next step is filled: 資料を配付する first, then 開催を記録する
              variant={session.state === 'prepared' ? 'filled' : 'outline'}
              loading={held.isPending}
              onClick={() =>
                confirmAction({
                  title: '開催したことを記録しますか',
                  message:
                    '今日を開催日として記録します。開催後は議題や出席者を変えられません（決定と宿題は記録できます）。',
                  confirmLabel: '開催を記録する',
                  onConfirm: () => held.mutate({ body: { heldOn: todayInJapan() } }),
                })
              }
            >
              開催を記録する
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={prepare.error ?? held.error} />
      <RuleNotice session={session} />
      {!session.agendaVisible ? (
        <Alert color="orange" title="議題と資料は表示できません">
          {session.agendaHiddenReason === 'not_distributed'
            ? '資料はまだ配付されていません。事務局（コーディネーター）が資料を配付すると、議題と資料が表示されます。'
            : session.agendaHiddenReason === 'window_closed'
              ? `この会議の議題と資料を見られる期間（${session.packetWindowEndsOn ? formatWareki(session.packetWindowEndsOn) : '開催後の一定期間'}まで）は終わりました。`
              : 'この会議は法律で守秘義務が定められた会議です。守秘義務の説明を受けた記録がないため、議題と資料は表示できません。会議の事務局（コーディネーター）に連絡してください。'}
        </Alert>
      ) : (
        <AgendaPanel session={session} />
      )}
      <AttendeesPanel session={session} />
      {session.agendaVisible && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              会議録
            </Title>
            {session.canRun ? (
              <>
                <Textarea
                  aria-label="会議録"
                  description="全体の経過や申し合わせを書きます。議題ごとの記録と決定は、議題の欄に書きます。"
                  autosize
                  minRows={4}
                  value={minutes}
                  onChange={(e) => setMinutes(e.currentTarget.value)}
                />
                <ErrorAlert error={saveMinutes.error} />
                <StaleTextNotice
                  error={saveMinutes.error}
                  queryKey={sessionQuery(id).queryKey}
                  latest={session.minutes}
                  onTakeLatest={() => setMinutes(session.minutes ?? '')}
                />
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    loading={saveMinutes.isPending}
                    onClick={() => saveMinutes.mutate({ body: { minutes, version: session.version } })}
                  >
                    会議録を保存
                  </Button>
                </Group>
              </>
            ) : (
              <Text style={{ whiteSpace: 'pre-wrap' }}>{session.minutes ?? 'まだ記録はありません。'}</Text>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function RuleNotice({
  session,
}: {
  session: {
    requiresConsent: boolean;
    themesOnly: boolean;
    confidentialityBound: boolean;
    packetWindowEndsOn: string | null;
  };
}) {
  return (
    <Alert color={session.confidentialityBound ? 'indigo' : 'gray'} variant="light">
      {session.themesOnly
        ? '情報共有の会議体です（事例は扱わず、テーマだけを議題にします）。'
        : session.requiresConsent
          ? '本人の同意が必要な会議体です。議題にできるのは、本人が関係機関との情報共有に同意している事例だけです。'
          : '構成員に守秘義務がある会議体です（本人の同意がない事例も検討できます）。出席者は守秘義務の説明を受けた記録があるときだけ、議題と資料を見られます。共有した情報は、この会議の出席者の外に出しません。'}
      {session.packetWindowEndsOn && (
        <>
          {' '}
          会議資料は <DateText value={session.packetWindowEndsOn} /> まで閲覧できます。
        </>
      )}
    </Alert>
  );
}
