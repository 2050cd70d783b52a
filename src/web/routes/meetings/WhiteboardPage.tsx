import { Badge, Button, Group, List, SegmentedControl, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Packet } from '../../../modules/meetings/meetings.schemas';
import { CASE_STATUS_LABELS } from '../../../shared/case-vocabulary';
import { Genogram } from '../../components/Genogram';
import { packetQuery } from './meeting-queries';
import { genogramOf, PacketEcomap } from './PacketView';

// 尼崎's whiteboard: one screen for a projector, read by 13 people around the table. At
// 1920×1080 every letter is at least 24 px as drawn (a browser test measures it): the diagrams
// take the larger column, one at a time or on the whole screen, and agency names wrap, never cut.

type Diagram = 'ecomap' | 'genogram';

function DiagramView({ packet, diagram, whole }: { packet: Packet; diagram: Diagram; whole: boolean }) {
  return diagram === 'ecomap' ? (
    <PacketEcomap packet={packet} large />
  ) : (
    <Genogram household={genogramOf(packet)} large maxScale={whole ? 4 : 2} />
  );
}

export function WhiteboardPage() {
  const { id, caseId } = useParams({ strict: false }) as { id: string; caseId: string };
  const { data: packet } = useSuspenseQuery(packetQuery(id, caseId));
  const [diagram, setDiagram] = useState<Diagram>('ecomap');
  const [whole, setWhole] = useState(false);
  const onTeam = new Set(packet.team.map((t) => t.organisationId));
  const proposed = packet.proposedOrganisations.filter((o) => !onTeam.has(o.id));
  const actions = packet.plan && !packet.plan.approved ? packet.plan.actions : packet.openActions;
  const label = diagram === 'ecomap' ? 'エコマップ' : 'ジェノグラム';
  if (whole)
    return (
      <main className="whiteboard whiteboard-whole">
        <Group justify="space-between">
          <Title order={1}>
            {packet.case.householdName}　{label}
          </Title>
          <Button size="lg" variant="default" onClick={() => setWhole(false)}>
            もとに戻す
          </Button>
        </Group>
        <div className="whiteboard-diagram">
          <DiagramView packet={packet} diagram={diagram} whole />
        </div>
      </main>
    );
  return (
    <main className="whiteboard">
      <Group justify="space-between">
        <Title order={1}>{packet.case.householdName}</Title>
        <Group>
          <Badge size="xl" variant="light">
            {CASE_STATUS_LABELS[packet.case.status]}
          </Badge>
          <Text>{packet.session.bodyName}</Text>
        </Group>
      </Group>
      <Text className="whiteboard-summary">{packet.case.summary}</Text>
      <div className="whiteboard-grid">
        <section>
          <Group justify="space-between">
            <SegmentedControl
              size="lg"
              aria-label="表示する図"
              value={diagram}
              onChange={(v) => setDiagram(v as Diagram)}
              data={[
                { value: 'ecomap', label: 'エコマップ' },
                { value: 'genogram', label: 'ジェノグラム' },
              ]}
            />
            <Button size="lg" variant="default" onClick={() => setWhole(true)}>
              {label}を画面いっぱいに
            </Button>
          </Group>
          <div className="whiteboard-diagram">
            <DiagramView packet={packet} diagram={diagram} whole={false} />
          </div>
        </section>
        <section>
          <Title order={2}>世帯</Title>
          <List>
            {packet.members.map((m) => (
              <List.Item key={m.id}>
                {m.name}（{m.relation ?? '—'}・{m.age}）
              </List.Item>
            ))}
          </List>
          <Title order={2}>{packet.issuesAtIntake ? '課題（受付時に聞き取ったもの）' : '課題'}</Title>
          <List>
            {packet.issues.map((i) => (
              <List.Item key={i}>{i}</List.Item>
            ))}
          </List>
          {packet.issues.length === 0 && <Text>（まだ記録がありません）</Text>}
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
