import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { AgendaItem, Session } from '../../../modules/meetings/meetings.schemas';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { formatWareki } from '../../../shared/dates';
import { ITEM_DECISION_TYPE_LABELS, TOPIC_KIND_LABELS } from '../../../shared/meeting-vocabulary';
import { confirmAction } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CASE_STATUS_COLORS } from '../../lib/labels';
import { ActionItemsPanel } from './ActionItemsPanel';
import { AddItemDialog } from './AddItemDialog';
import { DecisionDialog } from './DecisionDialog';
import { useSessionChange } from './meeting-queries';

/** 議題: tabled cases and topics, with their notes and decisions. */
export function AgendaPanel({ session }: { session: Session }) {
  const [adding, setAdding] = useState<'case' | 'outreach' | 'topic' | null>(null);
  const open = session.state !== 'held';
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            議題
          </Title>
          {session.canRun && open && (
            <Group>
              {!session.themesOnly && (
                <Button variant="default" onClick={() => setAdding('case')}>
                  事例を議題にする
                </Button>
              )}
              {!session.requiresConsent && !session.themesOnly && (
                <Button variant="default" onClick={() => setAdding('outreach')}>
                  アウトリーチの記録を議題にする
                </Button>
              )}
              <Button variant="default" onClick={() => setAdding('topic')}>
                テーマを議題にする
              </Button>
            </Group>
          )}
        </Group>
        {session.themesOnly && (
          <Text size="sm" c="gray.8">
            この会議体は事例を扱いません（テーマのみ・情報共有）。個別の事例は、事例を扱う会議体（重層的支援会議や支援会議など）の会議で検討してください。
          </Text>
        )}
        {session.items.length === 0 && (
          <EmptyState title="議題はまだありません">
            {session.canRun
              ? session.themesOnly
                ? '「テーマを議題にする」で、共有する地域課題や資源開発のテーマを加えてください。'
                : '「事例を議題にする」で多機関協働事例を、「テーマを議題にする」で地域課題や資源開発のテーマを加えてください。'
              : '事務局が議題を加えると、ここに表示されます。'}
          </EmptyState>
        )}
        {session.items.map((item, index) => (
          <ItemCard key={item.id} session={session} item={item} number={index + 1} />
        ))}
        <ActionItemsPanel session={session} />
      </Stack>
      {adding && <AddItemDialog session={session} kind={adding} onClose={() => setAdding(null)} />}
    </Paper>
  );
}

function ItemCard({ session, item, number }: { session: Session; item: AgendaItem; number: number }) {
  const [deciding, setDeciding] = useState(false);
  const [notes, setNotes] = useState(item.notes ?? '');
  const saveNotes = useSessionChange(session.id, 'PATCH', `/items/${item.id}`, '議題の記録を保存しました。');
  const remove = useSessionChange(session.id, 'DELETE', `/items/${item.id}`, '議題から外しました。');
  const removed = Boolean(item.removedOn);
  const title = item.kind === 'topic' ? item.title : item.caseTitle;
  return (
    <Paper withBorder p="sm" bg={removed ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Text fw={700} td={removed ? 'line-through' : undefined}>
              {number}.{' '}
              {item.kind !== 'topic' && !removed ? (
                <Anchor
                  component={Link}
                  to={
                    item.caseId
                      ? `/meetings/${session.id}/cases/${item.caseId}`
                      : `/meetings/${session.id}/outreach/${item.outreachRecordId}`
                  }
                >
                  {title}
                </Anchor>
              ) : (
                title
              )}
            </Text>
            {item.kind === 'outreach' && (
              <Badge variant="light" color="orange">
                アウトリーチ（同意前）
              </Badge>
            )}
            {item.kind === 'topic' && item.topicKind && (
              <Badge variant="light" color="grape">
                {TOPIC_KIND_LABELS[item.topicKind]}
              </Badge>
            )}
            {item.caseStatus && (
              <Badge variant="light" color={CASE_STATUS_COLORS[item.caseStatus]}>
                {CASE_STATUS_LABELS[item.caseStatus]}
              </Badge>
            )}
            {item.kind === 'case' && !removed && (
              <Badge variant="outline" color={item.consentInForce ? 'teal' : 'orange'}>
                {item.consentInForce ? '本人同意あり' : '本人同意なし'}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {item.kind === 'case' && item.caseId && !removed && (
              <Button
                size="xs"
                variant="default"
                component="a"
                href={`/whiteboard/${session.id}/${item.caseId}`}
                target="_blank"
              >
                ホワイトボード
              </Button>
            )}
            {session.canRun && !removed && (
              <Button size="xs" onClick={() => setDeciding(true)}>
                決定を記録
              </Button>
            )}
            {session.canRun && session.state !== 'held' && item.decisions.length === 0 && !removed && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  confirmAction({
                    title: '議題から外しますか',
                    message: `「${title}」をこの会議の議題から外します。`,
                    confirmLabel: '外す',
                    danger: true,
                    onConfirm: () => remove.mutate({}),
                  })
                }
              >
                外す
              </Button>
            )}
          </Group>
        </Group>
        {removed && (
          <Text size="sm" c="orange.9">
            {item.removedReason}（{item.removedOn ? formatWareki(item.removedOn) : ''}）
          </Text>
        )}
        <ErrorAlert error={remove.error ?? saveNotes.error} />
        {session.canRun && !removed ? (
          <Group align="flex-end">
            <Textarea
              aria-label={`${number}の議題の記録`}
              placeholder="検討の経過・意見を記録"
              autosize
              minRows={2}
              style={{ flex: 1 }}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            <Button
              variant="default"
              size="sm"
              disabled={notes === (item.notes ?? '')}
              loading={saveNotes.isPending}
              onClick={() => saveNotes.mutate({ body: { notes, version: item.version } })}
            >
              記録を保存
            </Button>
          </Group>
        ) : (
          item.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.notes}
            </Text>
          )
        )}
        {item.decisions.map((d) => (
          <Group key={d.id} gap="xs" wrap="nowrap" align="flex-start">
            <Badge color="teal">{ITEM_DECISION_TYPE_LABELS[d.type]}</Badge>
            <Text size="sm">{d.content}</Text>
          </Group>
        ))}
      </Stack>
      {deciding && <DecisionDialog session={session} item={item} onClose={() => setDeciding(false)} />}
    </Paper>
  );
}
