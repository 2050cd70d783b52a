import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Packet } from '../../../modules/meetings/meetings.schemas';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { EcomapDrawing, teamParties } from '../../components/Ecomap';
import { Genogram } from '../../components/Genogram';

export const genogramOf = (packet: Packet) => ({
  members: packet.members.map((m) => ({
    person: { id: m.id, familyName: m.name, givenName: null, gender: m.gender, isDeceased: m.isDeceased },
    relation: m.relation,
    livesTogether: m.livesTogether,
  })),
  relationships: packet.relationships.map((r, i) => ({ ...r, id: `r${i}` })),
});

/** The ecomap of the meeting: the agencies on the team now, and those the meeting proposes. */
export function PacketEcomap({ packet, large = false }: { packet: Packet; large?: boolean }) {
  const onTeam = new Set(packet.team.map((t) => t.organisationId));
  return (
    <EcomapDrawing
      name={packet.case.householdName}
      memberNames={packet.members.map((m) => m.name)}
      parties={[
        ...teamParties(packet.team),
        ...packet.proposedOrganisations
          .filter((o) => !onTeam.has(o.id))
          .map((o) => ({ name: o.name, tie: 'weak' as const, note: 'これから関わる' })),
      ]}
      legend="凡例：太線＝いま関わっている機関　破線＝これから関わるべき機関"
      large={large}
    />
  );
}

/** 会議資料: summary, household, issues, agencies, plan, open actions. Never the case file. */
export function PacketView({ packet }: { packet: Packet }) {
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group gap="xs">
          <Title order={2} size="h4">
            事例の概要
          </Title>
          <Badge variant="light">{CASE_STATUS_LABELS[packet.case.status]}</Badge>
        </Group>
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {packet.case.summary}
        </Text>
        <Text size="sm" c="gray.8" mt="xs">
          事例の開始 <DateText value={packet.case.openedOn} />
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            世帯（{packet.case.householdName}）
          </Title>
          <Table mt="xs">
            <Table.Tbody>
              {packet.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={m.concerned ? 700 : undefined}>
                    {m.name}
                    {m.concerned && '（対象者）'}
                  </Table.Td>
                  <Table.Td>{m.relation ?? '—'}</Table.Td>
                  <Table.Td>{m.age}</Table.Td>
                  <Table.Td>{m.livesTogether ? '同居' : '別居'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Genogram household={genogramOf(packet)} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            関わる機関
          </Title>
          <PacketEcomap packet={packet} />
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            課題
          </Title>
          {packet.issues.length ? (
            <List mt="xs">
              {packet.issues.map((i) => (
                <List.Item key={i}>{i}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="gray.8" mt="xs">
              支援プランがまだないため、課題は概要を参照してください。
            </Text>
          )}
          {packet.plan && (
            <>
              <Title order={3} size="h5" mt="md">
                支援プラン（第{packet.plan.version}版・{packet.plan.approved ? '承認済み' : '未承認'}）
              </Title>
              <Text size="sm" mt="xs">
                目指す姿：{packet.plan.vision}
              </Text>
              <List size="sm" mt="xs">
                {packet.plan.goals.map((g) => (
                  <List.Item key={g.text}>
                    {g.text}（{g.timeframe}）
                  </List.Item>
                ))}
              </List>
              <Text size="sm" fw={700} mt="xs">
                役割分担
              </Text>
              <List size="sm">
                {packet.plan.actions.map((a) => (
                  <List.Item key={`${a.text}-${a.organisationName}`}>
                    {a.organisationName}：{a.text}（{a.frequency}・<DateText value={a.until} />
                    まで）
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            進行中の支援・宿題
          </Title>
          {packet.openActions.length === 0 ? (
            <Text size="sm" c="gray.8" mt="xs">
              進行中の支援内容・宿題はありません。
            </Text>
          ) : (
            <Table mt="xs">
              <Table.Tbody>
                {packet.openActions.map((a) => (
                  <Table.Tr key={`${a.source}-${a.text}-${a.organisationName}`}>
                    <Table.Td>{a.text}</Table.Td>
                    <Table.Td>{a.organisationName}</Table.Td>
                    <Table.Td>{a.until && <DateText value={a.until} />}まで</Table.Td>
                    <Table.Td>{a.source === 'plan' ? 'プラン' : '会議の宿題'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
