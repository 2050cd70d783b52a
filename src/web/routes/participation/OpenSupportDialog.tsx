import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Support } from '../../../modules/participation/participation.schemas';
import { formatWestern } from '../../../shared/dates';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { activeMembership, useSession } from '../../lib/session';
import { type Needs, NeedsFields } from './NeedsDialog';
import { PARTICIPATION_KEYS, participationStaffQuery, supportPath } from './participation-queries';

export type Member = { personId: string; name: string; concerned: boolean };

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

/** 参加支援を始める, from a case or a consultation about the person. */
export function OpenSupportDialog({
  source,
  members,
  onClose,
}: {
  source: { caseId: string } | { consultationId: string };
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
      api<Support>('POST', '/api/participation', {
        personId,
        ...source,
        coordinatorUserId,
        openedOn,
        ...needs,
      }),
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
