import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../components/ErrorAlert';
import { personName } from '../../lib/labels';
import { type FormState, typedPerson } from './consultation-form-state';
import { DuplicateWarning } from './DuplicateWarning';

/** The person of a consultation entered anew, with the duplicate check that offers the one registered. */
export function NewPersonFields({
  form,
  set,
  error,
}: {
  form: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  error: unknown;
}) {
  return (
    <>
      <Text size="sm" c="gray.7" mb="sm">
        わからない項目は空欄のままで構いません。匿名の相談は氏を空欄にします。
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          label="氏"
          value={form.familyName}
          onChange={(e) => set('familyName', e.currentTarget.value)}
          error={fieldError(error, 'newPerson.familyName')}
        />
        <TextInput
          label="名"
          value={form.givenName}
          onChange={(e) => set('givenName', e.currentTarget.value)}
        />
        <TextInput
          label="氏（フリガナ）"
          value={form.familyNameKana}
          onChange={(e) => set('familyNameKana', e.currentTarget.value)}
        />
        <TextInput
          label="名（フリガナ）"
          value={form.givenNameKana}
          onChange={(e) => set('givenNameKana', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="生年月日"
          value={form.birthDate}
          onChange={(e) => set('birthDate', e.currentTarget.value)}
        />
        <TextInput
          label="性別（任意）"
          value={form.gender}
          onChange={(e) => set('gender', e.currentTarget.value)}
        />
        <TextInput
          label="電話番号"
          value={form.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={fieldError(error, 'newPerson.phones')}
        />
        <TextInput
          label="世帯の呼び名"
          placeholder={form.familyName ? `${form.familyName}さん世帯` : ''}
          value={form.householdName}
          onChange={(e) => set('householdName', e.currentTarget.value)}
        />
      </SimpleGrid>
      <TextInput
        mt="sm"
        label="住所"
        value={form.address}
        onChange={(e) => set('address', e.currentTarget.value)}
      />
      <DuplicateWarning
        onPick={(candidate) =>
          set('existing', {
            personId: candidate.person.id,
            name: personName(candidate.person),
            birthDate: candidate.person.birthDate,
            householdId: candidate.households[0]?.id ?? null,
            householdName: candidate.households[0]?.name ?? null,
          })
        }
        query={typedPerson(form)}
      />
    </>
  );
}
