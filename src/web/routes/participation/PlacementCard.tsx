import { Anchor, Badge, Button, Group, Paper, Stack, Stepper, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Placement } from '../../../modules/participation/participation.schemas';
import {
  END_REASON_LABELS,
  PLACEMENT_MOVES,
  PLACEMENT_STAGE_LABELS,
  type PlacementStage,
} from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';
import { FollowUpDialog, RescheduleDialog } from './FollowUpDialog';
import { MoveDialog } from './MoveDialog';
import { resourcePath } from './participation-queries';

const PATH: PlacementStage[] = ['proposed', 'visited', 'trial', 'started'];
const STEP_LABELS: Record<string, string> = {
  proposed: '提案',
  visited: '見学',
  trial: '体験',
  started: '参加開始',
};
const FORWARD_LABELS: Partial<Record<PlacementStage, string>> = {
  visited: '見学した',
  trial: '体験した',
  started: '参加を始めた',
};

function dateOf(p: Placement, stage: PlacementStage): string | null {
  return { proposed: p.proposedOn, visited: p.visitedOn, trial: p.trialOn, started: p.startedOn }[
    stage as 'proposed'
  ];
}

/** One place tried with the person: where it stands, what was said, and the follow-ups. */
export function PlacementCard({ placement, canWrite }: { placement: Placement; canWrite: boolean }) {
  const [moving, setMoving] = useState<PlacementStage | null>(null);
  const [following, setFollowing] = useState(false);
  const closed = placement.stage === 'ended' || placement.stage === 'interrupted';
  const reached = PATH.reduce((last, stage, i) => (dateOf(placement, stage) ? i : last), 0);
  const active = closed ? reached : PATH.indexOf(placement.stage) + 1;
  const moves = PLACEMENT_MOVES[placement.stage];
  const [rescheduling, setRescheduling] = useState<{ id: string; dueOn: string } | null>(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to={resourcePath(placement.resourceId)} fw={700} size="lg">
            {placement.resourceName}
          </Anchor>
          <Text size="sm" c="gray.7">
            {placement.operatorName}
          </Text>
        </div>
        {closed && (
          <Badge color="gray" variant="outline" size="lg">
            {PLACEMENT_STAGE_LABELS[placement.stage]}（<DateText value={placement.endedOn ?? ''} />）
            {placement.endReason && `・${END_REASON_LABELS[placement.endReason]}`}
          </Badge>
        )}
      </Group>
      <Stepper active={active} size="sm" mt="sm" allowNextStepsSelect={false}>
        {PATH.map((stage, i) => {
          const day = dateOf(placement, stage);
          return (
            <Stepper.Step
              key={stage}
              label={STEP_LABELS[stage]}
              description={day ? <DateText value={day} /> : i < reached ? '省略' : '—'}
            />
          );
        })}
      </Stepper>
      {placement.matchNotes && (
        <Text size="sm" mt="xs" c="gray.8">
          提案の理由：{placement.matchNotes.reasons.join('、') || '—'}
          {placement.matchNotes.mismatches.length > 0 &&
            `（合わない点：${placement.matchNotes.mismatches.join('、')}）`}
        </Text>
      )}
      <Stack gap={4} mt="sm">
        {placement.events
          .filter((e) => e.personSaid || e.receiverSaid || e.note)
          .map((e) => (
            <Text key={e.id} size="sm">
              <DateText value={e.happenedOn} />
              {'　'}
              {e.kind === 'follow_up' ? '定着支援の連絡' : PLACEMENT_STAGE_LABELS[e.toStage ?? 'proposed']}：
              {e.personSaid && `本人「${e.personSaid}」`}
              {e.receiverSaid && `　受け入れ側「${e.receiverSaid}」`}
              {e.note && `　${e.note}`}（{e.userName}）
            </Text>
          ))}
      </Stack>
      {placement.stage === 'started' && (
        <Group gap="xs" mt="sm">
          <Text size="sm" fw={700}>
            定着支援の予定：
          </Text>
          {placement.followUps.map((f) =>
            f.doneOn || !canWrite ? (
              <Badge key={f.id} variant="light" color={f.doneOn ? 'teal.9' : 'blue.9'} tt="none" size="lg">
                <DateText value={f.dueOn} />
                {f.doneOn ? ' 済' : ''}
              </Badge>
            ) : (
              <Button
                key={f.id}
                size="compact-sm"
                variant="outline"
                onClick={() => setRescheduling(f)}
                title="予定日を変える"
              >
                <DateText value={f.dueOn} />
                <VisuallyHidden>（予定日を変える）</VisuallyHidden>
              </Button>
            ),
          )}
        </Group>
      )}
      {canWrite && !closed && (
        <Group mt="md" gap="xs">
          {moves
            .filter((m) => FORWARD_LABELS[m])
            .map((m) => (
              <Button key={m} variant="light" onClick={() => setMoving(m)}>
                {FORWARD_LABELS[m]}
              </Button>
            ))}
          {placement.stage === 'started' && (
            <Button onClick={() => setFollowing(true)}>定着支援の連絡を記録</Button>
          )}
          <Button variant="default" onClick={() => setMoving('ended')}>
            終了
          </Button>
          <Button variant="default" c="red.9" onClick={() => setMoving('interrupted')}>
            中断
          </Button>
        </Group>
      )}
      {moving && <MoveDialog placement={placement} to={moving} onClose={() => setMoving(null)} />}
      {following && <FollowUpDialog placement={placement} onClose={() => setFollowing(false)} />}
      {rescheduling && (
        <RescheduleDialog
          placementId={placement.id}
          followUp={rescheduling}
          onClose={() => setRescheduling(null)}
        />
      )}
    </Paper>
  );
}
