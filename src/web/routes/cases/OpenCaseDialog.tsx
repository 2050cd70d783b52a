import { Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { HouseholdView } from '../../../modules/households/households.schemas';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api, apiGet } from '../../lib/api';
import { personName } from '../../lib/labels';
import { useApiMutation } from '../../lib/mutation';

/** A coordinator opens a 多機関協働 case for a household, from a referral or on their own. */
export function OpenCaseDialog({
  householdId,
  referralId = null,
  defaultSummary = '',
  onClose,
}: {
  householdId: string | null;
  referralId?: string | null;
  defaultSummary?: string;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const household = useQuery({
    queryKey: ['household', householdId],
    queryFn: () => apiGet<HouseholdView>(`/api/households/${householdId}`),
    enabled: householdId !== null,
  });
  const [summary, setSummary] = useState(defaultSummary);
  const [concerned, setConcerned] = useState<string[] | null>(null);
  const members = household.data?.members ?? [];
  const selected = concerned ?? members.slice(0, 1).map((m) => m.person.id);
  const open = useApiMutation((body: unknown) => api<{ id: string }>('POST', '/api/cases', body), {
    invalidate: [['cases'], ['referral', referralId ?? ''], ['referrals'], ['case-work-queue']],
    success: '多機関協働事例を開きました。',
    onDone: (result) => navigate({ to: `/cases/${result.id}` }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate({ householdId, referralId, summary, concernedPersonIds: selected });
  };
  return (
    <Modal opened onClose={onClose} title="多機関協働事例を開く" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={open.error} title="事例を開けませんでした" />
          <Text size="sm" c="gray.8">
            あなたの機関が主担当（仮）になり、
            {referralId
              ? 'つないだ機関もチームに残ります。つなぎは「対応中」になります。'
              : 'チームに機関を加えていきます。'}
          </Text>
          {members.length > 0 && (
            <Checkbox.Group label="対象の世帯員" value={selected} onChange={setConcerned}>
              <Group mt="xs">
                {members.map((m) => (
                  <Checkbox
                    key={m.person.id}
                    value={m.person.id}
                    label={`${personName(m.person)}（${m.relation}）`}
                  />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          <Textarea
            label="事例の概要"
            required
            autosize
            minRows={3}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fieldError(open.error, 'summary')}
          />
          <FormButtons onCancel={onClose} busy={open.isPending} label="事例を開く" />
        </Stack>
      </form>
    </Modal>
  );
}
