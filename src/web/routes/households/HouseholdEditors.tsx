import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { HouseholdView } from '../../../modules/households/households.schemas';
import { formatWareki } from '../../../shared/dates';
import {
  RELATIONSHIP_KIND_LABELS,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
} from '../../../shared/intake-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { personName } from '../../lib/labels';
import { useApiMutation } from '../../lib/mutation';
import { type Candidate, DuplicateWarning } from '../intake/DuplicateWarning';

type Props = { household: HouseholdView; onClose: () => void };

const RELATION_SUGGESTIONS = [
  '本人',
  '夫',
  '妻',
  '父',
  '母',
  '長男',
  '長女',
  '次男',
  '次女',
  '子',
  '孫',
  '兄',
  '弟',
  '姉',
  '妹',
  '祖父',
  '祖母',
  'パートナー',
  'その他',
];

/**
 * A family member: registered and added in one step, or, when the duplicate check finds them
 * already registered (in another household, by another agency), that record added as it is.
 */
export function AddMemberForm({ household, onClose }: Props) {
  const [existing, setExisting] = useState<Candidate | null>(null);
  const [familyName, setFamilyName] = useState(household.members[0]?.person.familyName ?? '');
  const [givenName, setGivenName] = useState('');
  const [familyNameKana, setFamilyNameKana] = useState(household.members[0]?.person.familyNameKana ?? '');
  const [givenNameKana, setGivenNameKana] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [gender, setGender] = useState('');
  const [relation, setRelation] = useState<string | null>(null);
  const [livesTogether, setLivesTogether] = useState(true);
  const [isDeceased, setIsDeceased] = useState(false);
  const save = useApiMutation(
    (body: unknown) => api('POST', `/api/households/${household.id}/members`, body),
    {
      invalidate: [['household', household.id]],
      success: '世帯員を追加しました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...(existing
        ? { personId: existing.person.id }
        : {
            newPerson: {
              familyName,
              givenName,
              familyNameKana,
              givenNameKana,
              birthDate: birthDate || null,
              gender,
              isDeceased,
            },
          }),
      relation,
      livesTogether,
    });
  };
  return (
    <Modal opened onClose={onClose} title="世帯員の追加" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          {existing ? (
            <Alert color="blue" title="登録済みの方を世帯員に加えます">
              <Text size="sm">
                {personName(existing.person)}（
                {existing.person.birthDate
                  ? formatWareki(`${existing.person.birthDate}T00:00:00+09:00`)
                  : '生年月日不明'}
                {existing.households.length > 0 && `・${existing.households.map((h) => h.name).join('、')}`}）
              </Text>
              <Text size="sm" c="dimmed">
                新しい記録は作らず、この方の記録（相談・同意・つなぎの経過）をそのまま世帯につなげます。
                {existing.households.length > 0 &&
                  `この方は「${existing.households.map((h) => h.name).join('」「')}」の世帯員のままで、両方の世帯に表示されます。`}
              </Text>
              <Button mt="xs" size="compact-sm" variant="default" onClick={() => setExisting(null)}>
                別の方として新しく登録する
              </Button>
            </Alert>
          ) : (
            <>
              <SimpleGrid cols={2}>
                <TextInput
                  label="氏"
                  required
                  data-autofocus
                  value={familyName}
                  onChange={(e) => setFamilyName(e.currentTarget.value)}
                  error={fieldError(save.error, 'newPerson.familyName')}
                />
                <TextInput
                  label="名"
                  value={givenName}
                  onChange={(e) => setGivenName(e.currentTarget.value)}
                />
                <TextInput
                  label="氏（フリガナ）"
                  value={familyNameKana}
                  onChange={(e) => setFamilyNameKana(e.currentTarget.value)}
                />
                <TextInput
                  label="名（フリガナ）"
                  value={givenNameKana}
                  onChange={(e) => setGivenNameKana(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label="生年月日"
                  value={birthDate}
                  onChange={(e) => setBirthDate(e.currentTarget.value)}
                />
                <TextInput
                  label="性別（任意）"
                  value={gender}
                  onChange={(e) => setGender(e.currentTarget.value)}
                />
              </SimpleGrid>
              <DuplicateWarning
                query={{
                  familyName,
                  givenName,
                  familyNameKana,
                  givenNameKana,
                  birthDate: birthDate || null,
                  phones: [],
                }}
                onPick={(candidate) => {
                  setExisting(candidate);
                  // registered in a household of their own: most likely living apart
                  if (candidate.households.length > 0) setLivesTogether(false);
                }}
                exclude={household.members.map((m) => m.person.id)}
                pickLabel={(candidate) => `${personName(candidate.person)}さんをこの世帯に加える`}
              />
            </>
          )}
          <Select
            label="続柄"
            required
            searchable
            data={RELATION_SUGGESTIONS}
            value={relation}
            onChange={setRelation}
            error={fieldError(save.error, 'relation')}
          />
          <Group>
            <Checkbox
              label="同居している"
              checked={livesTogether}
              onChange={(e) => setLivesTogether(e.currentTarget.checked)}
            />
            <Checkbox
              label="死亡"
              checked={isDeceased}
              onChange={(e) => setIsDeceased(e.currentTarget.checked)}
            />
          </Group>
          <FormButtons onCancel={onClose} busy={save.isPending} label="追加" />
        </Stack>
      </form>
    </Modal>
  );
}

/** A tie between two members, for the genogram. */
export function AddRelationshipForm({ household, onClose }: Props) {
  const [personAId, setPersonAId] = useState<string | null>(null);
  const [personBId, setPersonBId] = useState<string | null>(null);
  const [kind, setKind] = useState<RelationshipKind | null>(null);
  const [ended, setEnded] = useState(false);
  const members = household.members.map((m) => ({
    value: m.person.id,
    label: `${personName(m.person)}（${m.relation}）`,
  }));
  const save = useApiMutation(
    (body: unknown) => api('POST', `/api/households/${household.id}/relationships`, body),
    {
      invalidate: [['household', household.id]],
      success: '関係を登録しました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ personAId, personBId, kind, ended });
  };
  return (
    <Modal opened onClose={onClose} title="世帯員どうしの関係">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label={kind === 'parent_child' ? '親' : '一人目'}
            required
            data-autofocus
            data={members}
            value={personAId}
            onChange={setPersonAId}
          />
          <Select
            label="関係"
            required
            data={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: RELATIONSHIP_KIND_LABELS[k] }))}
            value={kind}
            onChange={(v) => setKind(v as RelationshipKind | null)}
          />
          <Select
            label={kind === 'parent_child' ? '子' : '二人目'}
            required
            data={members}
            value={personBId}
            onChange={setPersonBId}
          />
          {(kind === 'spouse' || kind === 'partner') && (
            <Checkbox
              label="離婚・離別している"
              checked={ended}
              onChange={(e) => setEnded(e.currentTarget.checked)}
            />
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} label="登録" />
        </Stack>
      </form>
    </Modal>
  );
}
