import { Button, Group, Modal, MultiSelect, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Consent } from '../../../modules/consent/consent.schemas';
import type { Person } from '../../../modules/people/people.schemas';
import { formatWareki } from '../../../shared/dates';
import { CONSENT_METHOD_LABELS } from '../../../shared/intake-vocabulary';
import { confirmAction } from '../../components/confirm';
import { DateText } from '../../components/DateText';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { api, apiGet } from '../../lib/api';
import { agencyGroups, organisationsQuery } from '../../lib/directory';
import { personName } from '../../lib/labels';
import { useApiMutation } from '../../lib/mutation';

const todayInJapan = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

/** 同意: record the person's consent to share, or withdraw one in force. */
export function ConsentForm({
  person,
  householdId,
  onClose,
}: {
  person: Person;
  householdId: string;
  onClose: () => void;
}) {
  const { data: organisations } = useSuspenseQuery(organisationsQuery);
  const consents = useQuery({
    queryKey: ['consents', person.id],
    queryFn: () => apiGet<{ consents: Consent[] }>(`/api/people/${person.id}/consents`),
  });
  const [purpose, setPurpose] = useState('相談・支援のための関係機関との情報共有');
  const [scope, setScope] = useState<'all_agencies' | 'organisations'>('all_agencies');
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [obtainedOn, setObtainedOn] = useState(todayInJapan());
  const [method, setMethod] = useState<string>('written');
  const invalidate = [
    ['consents', person.id],
    ['household', householdId],
  ];
  const save = useApiMutation((body: unknown) => api('POST', '/api/consents', body), {
    invalidate,
    success: '同意を記録しました。',
    onDone: onClose,
  });
  const withdraw = useApiMutation(
    (id: string) =>
      api<{ removedFromAgendas: number }>('POST', `/api/consents/${id}/withdraw`, {
        withdrawnOn: todayInJapan(),
      }),
    {
      invalidate,
      success: ({ removedFromAgendas }) =>
        removedFromAgendas > 0
          ? `同意の撤回を記録しました。本人の同意が必要な会議の議題から、この方の事例を${removedFromAgendas}件外しました。`
          : '同意の撤回を記録しました。',
    },
  );
  const name = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ personId: person.id, purpose, scope, organisationIds, obtainedOn, method });
  };
  return (
    <Modal opened onClose={onClose} title={`${personName(person)}さんの同意`} size="lg">
      <Stack>
        {(consents.data?.consents.length ?? 0) > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>同意日</Table.Th>
                <Table.Th>共有先</Table.Th>
                <Table.Th>状態</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data?.consents.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <DateText value={c.obtainedOn} />（{CONSENT_METHOD_LABELS[c.method]}）
                  </Table.Td>
                  <Table.Td>
                    {c.scope === 'all_agencies'
                      ? '支援に関わる全機関'
                      : c.organisationIds.map(name).join('、')}
                  </Table.Td>
                  <Table.Td>
                    {c.withdrawnOn ? (
                      <>
                        撤回（
                        <DateText value={c.withdrawnOn} />）
                      </>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          confirmAction({
                            title: '同意の撤回を記録しますか',
                            message: `${personName(person)}さんの同意（${formatWareki(c.obtainedOn)}）の撤回を、今日の日付で記録します。共有先には、連絡先が表示されなくなります。同意が必要な会議の議題からも、この方の事例が外れます。`,
                            confirmLabel: '撤回を記録する',
                            danger: true,
                            onConfirm: () => withdraw.mutate(c.id),
                          })
                        }
                      >
                        撤回を記録
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={save.error ?? withdraw.error} />
            <TextInput
              label="同意の目的"
              required
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
              error={fieldError(save.error, 'purpose')}
            />
            <Radio.Group label="共有してよい相手" value={scope} onChange={(v) => setScope(v as typeof scope)}>
              <Group mt="xs">
                <Radio value="all_agencies" label="支援に関わる全機関" />
                <Radio value="organisations" label="指定した機関のみ" />
              </Group>
            </Radio.Group>
            {scope === 'organisations' && (
              <MultiSelect
                label="共有先の機関"
                searchable
                data={agencyGroups(organisations.filter((o) => o.isActive))}
                value={organisationIds}
                onChange={setOrganisationIds}
              />
            )}
            <Group grow>
              <TextInput
                type="date"
                label="同意を得た日"
                required
                value={obtainedOn}
                onChange={(e) => setObtainedOn(e.currentTarget.value)}
              />
              <Radio.Group label="方法" value={method} onChange={setMethod}>
                <Group mt="xs">
                  <Radio value="written" label="書面" />
                  <Radio value="oral" label="口頭" />
                </Group>
              </Radio.Group>
            </Group>
            <Text size="sm" c="gray.8">
              同意があると、共有先の機関にも連絡先が表示されます。撤回するとすぐに表示されなくなります。
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                閉じる
              </Button>
              <Button type="submit" loading={save.isPending}>
                同意を記録
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
