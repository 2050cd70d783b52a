import { Anchor, Button, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Support } from '../../../modules/participation/participation.schemas';
import { formatWestern } from '../../../shared/dates';
import { PLACEMENT_STAGE_LABELS } from '../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { activeMembership, useSession } from '../../lib/session';
import { type Needs, NeedsFields } from './NeedsDialog';
import {
  PARTICIPATION_KEYS,
  participationStaffQuery,
  supportPath,
  supportsQuery,
} from './participation-queries';

type Member = { personId: string; name: string; concerned: boolean };

/** 参加支援 of the case's people: where each stands, and the way to start one. */
export function CaseParticipation({
  caseId,
  members,
  canWrite,
}: {
  caseId: string;
  members: Member[];
  canWrite: boolean;
}) {
  const list = useQuery(supportsQuery({ caseId }));
  const [opening, setOpening] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-participation-title">
      <Title order={2} size="h5" id="case-participation-title" mb="xs">
        参加支援
      </Title>
      <ErrorAlert error={list.error} title="参加支援を読み込めませんでした" />
      <Stack gap={4}>
        {list.data?.supports.map((s) => (
          <Text key={s.id} size="sm">
            <Anchor component={Link} to={supportPath(s.id)}>
              {s.personName}さん
            </Anchor>
            ：
            {s.placements.length === 0
              ? '候補を検討中'
              : s.placements.map((p) => `${p.resourceName}：${PLACEMENT_STAGE_LABELS[p.stage]}`).join('／')}
            （担当 {s.coordinatorName}）
          </Text>
        ))}
        {list.data?.supports.length === 0 && (
          <Text size="sm" c="gray.7">
            居場所・活動・就労体験など、本人が社会とつながる場を一緒に探すときに始めます。
          </Text>
        )}
      </Stack>
      {canWrite && (
        <Button mt="sm" variant="light" fullWidth onClick={() => setOpening(true)}>
          参加支援を始める
        </Button>
      )}
      {opening && <OpenSupportDialog caseId={caseId} members={members} onClose={() => setOpening(false)} />}
    </Paper>
  );
}

const NO_NEEDS: Needs = {
  wishes: [],
  inTheirWords: null,
  weekdays: [],
  timesOfDay: [],
  areaId: null,
  reach: 'city',
  companion: null,
  health: null,
  anxieties: null,
  strengths: null,
  interests: null,
  onlyFree: false,
};

function OpenSupportDialog({
  caseId,
  members,
  onClose,
}: {
  caseId: string;
  members: Member[];
  onClose: () => void;
}) {
  const session = useSession();
  const navigate = useNavigate();
  const staff = useQuery(participationStaffQuery);
  const [personId, setPersonId] = useState<string | null>(members.find((m) => m.concerned)?.personId ?? null);
  // the 担当 is a 参加支援担当: the actor when they are one, else the first of the municipality
  const [chosen, setCoordinator] = useState<string | null>(null);
  const actorIsStaff = activeMembership(session)?.role === 'participation_coordinator';
  const coordinatorUserId = chosen ?? (actorIsStaff ? session.user.id : (staff.data?.[0]?.id ?? null));
  const [openedOn, setOpenedOn] = useState(formatWestern(new Date()));
  const [needs, setNeeds] = useState<Needs>(NO_NEEDS);
  const save = useApiMutation(
    () =>
      api<Support>('POST', '/api/participation', { personId, caseId, coordinatorUserId, openedOn, ...needs }),
    {
      invalidate: PARTICIPATION_KEYS,
      success: (s) => `${s.personName}さんの参加支援を始めました。`,
      onDone: (s) => navigate({ to: supportPath(s.id) }),
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  const people = staff.data ?? [];
  const staffOptions = [
    ...(people.some((p) => p.id === session.user.id)
      ? []
      : [{ value: session.user.id, label: `${session.user.displayName}（自分）` }]),
    ...people.map((p) => ({ value: p.id, label: `${p.name}（${p.organisation}）` })),
  ];
  return (
    <Modal opened onClose={onClose} title="参加支援を始める" size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label="本人"
            required
            data={members.map((m) => ({
              value: m.personId,
              label: `${m.name}${m.concerned ? '（対象）' : ''}`,
            }))}
            value={personId}
            onChange={setPersonId}
            error={fieldError(save.error, 'personId')}
          />
          <Select
            label="担当（参加支援担当）"
            required
            description="担当になった職員は、この方の記録を見られるようになります。"
            data={staffOptions}
            value={coordinatorUserId}
            onChange={setCoordinator}
            error={fieldError(save.error, 'coordinatorUserId')}
          />
          <TextInput
            label="開始日"
            type="date"
            required
            value={openedOn}
            onChange={(e) => setOpenedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'openedOn')}
          />
          <Text size="sm" c="gray.7">
            希望と条件は、いまわかる範囲で記録してください。あとから編集できます。
          </Text>
          <NeedsFields needs={needs} onChange={setNeeds} error={save.error} />
          <FormButtons onCancel={onClose} busy={save.isPending} label="始める" />
        </Stack>
      </form>
    </Modal>
  );
}
