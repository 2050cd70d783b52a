import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { HouseholdView } from '../../../modules/households/households.schemas';
import type { Person } from '../../../modules/people/people.schemas';
import { formatWareki } from '../../../shared/dates';
import { OUTCOME_LABELS, referralStatusLabel } from '../../../shared/intake-vocabulary';
import { DateText } from '../../components/DateText';
import { Ecomap } from '../../components/Ecomap';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Genogram } from '../../components/Genogram';
import { apiGet } from '../../lib/api';
import { personName, REFERRAL_STATUS_COLORS } from '../../lib/labels';
import { caseQuery, casesQuery } from '../cases/case-queries';
import { HouseholdCases } from '../cases/HouseholdCases';
import { OutreachHistory } from '../outreach/OutreachHistory';
import { OpenSupportDialog } from '../participation/OpenSupportDialog';
import { ConsentForm } from './ConsentForm';
import { HouseholdArea } from './HouseholdArea';
import { AddMemberForm, AddRelationshipForm } from './HouseholdEditors';

type Entry = { at: string; key: string; node: React.ReactNode };

const CONSENT_BADGE = {
  all_agencies: { label: '全機関に同意', color: 'teal' },
  some_agencies: { label: '一部の機関に同意', color: 'blue' },
  withdrawn: { label: '撤回済み', color: 'orange' },
  none: { label: '記録なし', color: 'gray' },
} as const;

export function HouseholdPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery({
    queryKey: ['household', id],
    queryFn: () => apiGet<HouseholdView>(`/api/households/${id}`),
  });
  // the team of the household's case in progress (when the reader may see it) joins the ecomap
  const activeCases = useQuery(casesQuery('active', id));
  const activeCaseId = activeCases.data?.[0]?.id;
  const openCase = useQuery({ ...caseQuery(activeCaseId ?? ''), enabled: Boolean(activeCaseId) });
  const [editing, setEditing] = useState<'member' | 'relationship' | null>(null);
  const [consentFor, setConsentFor] = useState<Person | null>(null);
  const [participationFrom, setParticipationFrom] = useState<string | null>(null);
  if (query.error) return <ErrorAlert error={query.error} title="世帯を表示できません" />;
  const household = query.data;
  if (!household) return null;

  const entries: Entry[] = [
    ...household.consultations.map((c) => ({
      at: c.receivedAt,
      key: `c-${c.id}`,
      node: (
        <>
          <Badge variant="light">相談</Badge> {c.organisationName}：{c.mainComplaint}（
          {OUTCOME_LABELS[c.outcome]}）{' '}
          <Anchor href={`/print/consultations/${c.id}`} target="_blank" size="sm">
            受付票を印刷
          </Anchor>
          {c.personId && (
            <Button size="compact-sm" variant="subtle" ml="xs" onClick={() => setParticipationFrom(c.id)}>
              この相談から参加支援を始める
            </Button>
          )}
        </>
      ),
    })),
    ...household.referrals.map((r) => ({
      at: r.sentAt ?? r.updatedAt,
      key: `r-${r.id}`,
      node: (
        <>
          <Badge variant="light" color={REFERRAL_STATUS_COLORS[r.status]}>
            つなぎ：{referralStatusLabel(r.status, r.toExternal)}
          </Badge>{' '}
          <Anchor component={Link} to={`/referrals/${r.id}`}>
            {r.fromOrganisationName} → {r.toOrganisationName}
          </Anchor>
        </>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {household.name}
      </Title>
      <HouseholdArea householdId={household.id} areaId={household.areaId} />
      {household.contactHidden ? (
        <Text c="gray.8">世帯の住所・備考は、同意がないため表示されません。</Text>
      ) : (
        <>
          {household.address && <Text c="gray.8">{household.address}</Text>}
          {household.notes && (
            <Text c="gray.8" size="sm">
              {household.notes}
            </Text>
          )}
        </>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            世帯員
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing('member')}>
              世帯員を追加
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing('relationship')}
              disabled={household.members.length < 2}
            >
              関係を追加
            </Button>
          </Group>
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>氏名</Table.Th>
              <Table.Th>続柄</Table.Th>
              <Table.Th>生年月日・年代</Table.Th>
              <Table.Th>同居</Table.Th>
              <Table.Th>情報共有の同意</Table.Th>
              <Table.Th>連絡先</Table.Th>
              <Table.Th>
                <span className="visually-hidden">操作</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {household.members.map((m) => (
              <Table.Tr key={m.person.id}>
                <Table.Td>
                  {personName(m.person)}
                  {m.person.isDeceased && (
                    <Badge color="gray" ml="xs">
                      死亡
                    </Badge>
                  )}
                  <Text size="xs" c="gray.7">
                    {[m.person.familyNameKana, m.person.givenNameKana].filter(Boolean).join(' ')}
                  </Text>
                </Table.Td>
                <Table.Td>{m.relation}</Table.Td>
                <Table.Td>
                  {m.person.birthDate
                    ? formatWareki(`${m.person.birthDate}T00:00:00+09:00`)
                    : m.person.birthYear
                      ? `${m.person.birthYear}年生まれ`
                      : (m.person.ageBand ?? '不明')}
                </Table.Td>
                <Table.Td>{m.livesTogether ? '同居' : '別居'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={CONSENT_BADGE[m.consent].color}>
                    {CONSENT_BADGE[m.consent].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {m.person.contactHidden ? (
                    <Text size="sm" c="gray.8">
                      同意がないため非表示
                    </Text>
                  ) : (
                    <Text size="sm">
                      {[m.person.address, ...(m.person.phones ?? [])].filter(Boolean).join('　')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => setConsentFor(m.person)}>
                      同意
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="default"
                      component="a"
                      href={`/intake/new?person=${m.person.id}&household=${household.id}`}
                      aria-label={`${personName(m.person)}さんの新しい相談を受け付ける`}
                    >
                      相談を受付
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <HouseholdCases householdId={household.id} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          ジェノグラム
        </Title>
        <Genogram household={household} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          エコマップ
        </Title>
        <Ecomap household={household} team={openCase.data?.team.filter((m) => !m.leftOn)} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          相談とつなぎの経過
        </Title>
        {entries.length === 0 ? (
          <Text c="gray.8">閲覧できる相談・つなぎはまだありません。</Text>
        ) : (
          <Stack gap="xs">
            {entries.map((e) => (
              <Group key={e.key} gap="sm" wrap="nowrap" align="flex-start">
                <Text size="sm" className="nowrap">
                  <DateText value={e.at} />
                </Text>
                <Text size="sm">{e.node}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <OutreachHistory householdId={household.id} />
      {consentFor && (
        <ConsentForm person={consentFor} householdId={household.id} onClose={() => setConsentFor(null)} />
      )}
      {editing === 'member' && <AddMemberForm household={household} onClose={() => setEditing(null)} />}
      {editing === 'relationship' && (
        <AddRelationshipForm household={household} onClose={() => setEditing(null)} />
      )}
      {participationFrom && (
        <OpenSupportDialog
          source={{ consultationId: participationFrom }}
          members={household.members
            .filter(
              (m) =>
                m.person.id === household.consultations.find((c) => c.id === participationFrom)?.personId,
            )
            .map((m) => ({ personId: m.person.id, name: personName(m.person), concerned: true }))}
          onClose={() => setParticipationFrom(null)}
        />
      )}
    </Stack>
  );
}
