import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../../modules/people/people.schemas';
import { formatWareki } from '../../../shared/dates';
import { apiGet } from '../../lib/api';
import { personName } from '../../lib/labels';
import { type ExistingPerson, presetPerson } from './consultation-form-state';

/** The person the consultation is for, already registered: no second record is made. */
export function ExistingPersonCard({ existing, onClear }: { existing: ExistingPerson; onClear: () => void }) {
  return (
    <Alert color="teal" title="登録済みの方の相談として受け付けます" mt="xs">
      <Text size="sm">
        {existing.name}さん（
        {existing.birthDate ? formatWareki(`${existing.birthDate}T00:00:00+09:00`) : '生年月日不明'}）
        {existing.householdName ? `・${existing.householdName}` : '・世帯は新しく作ります'}
      </Text>
      <Group mt="xs">
        <Button size="compact-sm" variant="default" onClick={onClear}>
          別の方として新しく登録する
        </Button>
      </Group>
    </Alert>
  );
}

/** Opened with ?person=…&household=… (from a household's member list): that person, chosen. */
export function usePresetPerson(): ExistingPerson | null {
  const { personId, householdId } = presetPerson();
  const preset = useQuery({
    queryKey: ['preset-person', personId, householdId],
    enabled: Boolean(personId),
    queryFn: async (): Promise<ExistingPerson> => {
      const person = await apiGet<Person>(`/api/people/${personId}`);
      const household = householdId
        ? await apiGet<{ id: string; name: string }>(`/api/households/${householdId}`)
        : null;
      return {
        personId: person.id,
        name: personName(person),
        birthDate: person.birthDate,
        householdId: household?.id ?? null,
        householdName: household?.name ?? null,
      };
    },
  });
  return preset.data ?? null;
}
