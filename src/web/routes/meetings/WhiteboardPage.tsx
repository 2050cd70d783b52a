import { Badge, Group, List, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { Genogram } from '../../components/Genogram';
import { packetQuery } from './meeting-queries';
import { genogramOf, PacketEcomap } from './PacketView';

// 尼崎's whiteboard: one screen for a projector, readable from the back of the room.

export function WhiteboardPage() {
  const { id, caseId } = useParams({ strict: false }) as { id: string; caseId: string };
  const { data: packet } = useSuspenseQuery(packetQuery(id, caseId));
  const onTeam = new Set(packet.team.map((t) => t.organisationId));
  const proposed = packet.proposedOrganisations.filter((o) => !onTeam.has(o.id));
  const actions = packet.plan && !packet.plan.approved ? packet.plan.actions : packet.openActions;
  return (
    <main className="whiteboard">
      <Group justify="space-between">
        <Title order={1}>{packet.case.householdName}</Title>
        <Group>
          <Badge size="xl" variant="light">
            {CASE_STATUS_LABELS[packet.case.status]}
          </Badge>
          <Text size="xl">{packet.session.bodyName}</Text>
        </Group>
      </Group>
      <Text className="whiteboard-summary">{packet.case.summary}</Text>
      <div className="whiteboard-grid">
        <section>
          <Title order={2}>世帯</Title>
          <div className="whiteboard-household">
            <Genogram household={genogramOf(packet)} />
            <List>
              {packet.members.map((m) => (
                <List.Item key={m.id}>
                  {m.name}（{m.relation ?? '—'}・{m.age}）
                </List.Item>
              ))}
            </List>
          </div>
        </section>
        <section className="whiteboard-wide">
          <Title order={2}>エコマップ</Title>
          <div className="whiteboard-ecomap">
            <PacketEcomap packet={packet} />
          </div>
        </section>
        <section>
          <Title order={2}>課題</Title>
          <List>
            {packet.issues.map((i) => (
              <List.Item key={i}>{i}</List.Item>
            ))}
          </List>
          {packet.issues.length === 0 && <Text>（プラン作成前）</Text>}
        </section>
        <section>
          <Title order={2}>関わる機関</Title>
          <List>
            {packet.team.map((t) => (
              <List.Item key={t.organisationId}>
                {t.organisationName}：{t.role}
                {t.isLead && '（主担当）'}
              </List.Item>
            ))}
            {proposed.map((o) => (
              <List.Item key={o.id} className="whiteboard-proposed">
                {o.name}：これから関わる
              </List.Item>
            ))}
          </List>
        </section>
        <section>
          <Title order={2}>
            {packet.plan && !packet.plan.approved ? '役割分担（プラン案）' : '進行中の支援・宿題'}
          </Title>
          <List>
            {actions.map((a) => (
              <List.Item key={`${a.text}-${a.organisationName}`}>
                {a.text}（{a.organisationName}）
              </List.Item>
            ))}
          </List>
          {actions.length === 0 && <Text>なし</Text>}
        </section>
      </div>
    </main>
  );
}
