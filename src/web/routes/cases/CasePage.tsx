import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { CASE_TRANSITIONS, type Rule } from '../../../modules/cases/case-state';
import type { Case } from '../../../modules/cases/cases.schemas';
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  CLOSURE_REASON_LABELS,
  DECISION_KIND_LABELS,
  SCREENING_OUTCOME_LABELS,
} from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CASE_STATUS_COLORS } from '../../lib/labels';
import { CaseRegionalIssues } from '../community/issues/CaseRegionalIssues';
import { sessionPath } from '../meetings/meeting-queries';
import { OutreachHistory } from '../outreach/OutreachHistory';
import { CaseParticipation } from '../participation/CaseParticipation';
import { AssessmentView } from './AssessmentView';
import { CaseTimeline } from './CaseTimeline';
import { caseQuery, todayInJapan } from './case-queries';
import { EvaluationDialog, EvaluationView } from './EvaluationView';
import { FhirExportButton } from './FhirExportButton';
import { PlanConsentDialog, PlanView } from './PlanView';
import { RecordDialog } from './RecordDialog';
import { ScreeningDialog } from './ScreeningDialog';
import { StepDialog } from './StepDialog';
import { SupportMeetingNotice, TableAtMeetingDialog } from './TableAtMeetingDialog';
import { TeamPanel } from './TeamPanel';

const GUIDANCE: Record<CaseStatus, string> = {
  received: 'コーディネーターがスクリーニングをします。',
  screening: 'コーディネーターがスクリーニングの判断と理由を記録します。',
  assessment: '世帯員ごとの状況、本人・世帯の思いと力、リスクを整理します。',
  planning: '目指す姿、課題、目標、役割分担（誰が・何を・どのくらい）を決めます。',
  awaiting_decision: '会議での承認を記録します。承認には、本人・世帯のプランへの同意が必要です。',
  supporting: 'チームで支援し、経過を記録します。モニタリング時期に評価します。',
  evaluating: '評価の結果にもとづき、継続・プラン見直し・終結を決めます。',
  suspended: '支援を中断しています。状況が変われば再開します。',
  closed: 'この事例は終結しました。',
  connected: '終結後も、決めた機関がつながりを続けています。',
};

type Dialog =
  | { kind: 'step'; to: CaseStatus; rule: Rule }
  | { kind: 'screening' | 'record' | 'evaluation' | 'consent' | 'table' };

function NextStep({ caseData, open }: { caseData: Case; open: (dialog: Dialog) => void }) {
  const navigate = useNavigate();
  const status = caseData.status;
  const steps = Object.entries(CASE_TRANSITIONS[status]) as [CaseStatus, Rule][];
  const allowed = steps.filter(([, rule]) => rule.who === 'team' || caseData.isCoordinator);
  const latest = caseData.plan;
  const needsConsent = status === 'awaiting_decision' && latest && !latest.consentOn;
  const reviewDue =
    status === 'supporting' && caseData.nextReviewOn && caseData.nextReviewOn <= todayInJapan();
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>次にすること</Text>
          <Text>{GUIDANCE[status]}</Text>
        </Group>
        {reviewDue && (
          <Alert color="orange" p="xs">
            モニタリング時期（
            <DateText value={caseData.nextReviewOn ?? ''} />
            ）です。評価を記録してください。
          </Alert>
        )}
        {needsConsent && (
          <Alert color="orange" p="xs">
            プランへの本人・世帯の同意がまだ記録されていません。
          </Alert>
        )}
        {caseData.screeningOutcome === 'support_meeting' && status !== 'closed' && caseData.isCoordinator && (
          <SupportMeetingNotice caseData={caseData} onTable={() => open({ kind: 'table' })} />
        )}
        {caseData.canWrite && (
          <Group gap="xs">
            {['received', 'screening'].includes(status) && caseData.isCoordinator && (
              <Button onClick={() => open({ kind: 'screening' })}>スクリーニングを記録</Button>
            )}
            {status === 'assessment' && (
              <Button onClick={() => navigate({ to: `/cases/${caseData.id}/assessment` })}>
                アセスメントシートを書く
              </Button>
            )}
            {status === 'planning' && (
              <Button onClick={() => navigate({ to: `/cases/${caseData.id}/plan` })}>
                {latest ? `支援プランの第${latest.version + 1}版を作る` : '支援プランを作る'}
              </Button>
            )}
            {needsConsent && <Button onClick={() => open({ kind: 'consent' })}>プランへの同意を記録</Button>}
            {!['closed', 'received', 'screening'].includes(status) && (
              <Button
                variant={status === 'supporting' || status === 'connected' ? 'filled' : 'default'}
                onClick={() => open({ kind: 'record' })}
              >
                {status === 'connected' ? '連絡を記録' : '支援経過を記録'}
              </Button>
            )}
            {['supporting', 'evaluating'].includes(status) && caseData.planInForce && (
              <Button variant="default" onClick={() => open({ kind: 'evaluation' })}>
                評価を記録
              </Button>
            )}
            {['planning', 'supporting', 'evaluating'].includes(status) && (
              <Button variant="default" onClick={() => navigate({ to: `/cases/${caseData.id}/assessment` })}>
                アセスメントを見直す
              </Button>
            )}
            {allowed
              // one clear next step: recording the screening moves the case on by itself
              .filter(([to]) => !(to === 'screening' && caseData.isCoordinator))
              .filter(([to]) => !(status === 'supporting' && to === 'evaluating'))
              .map(([to, rule]) => (
                <Button
                  key={to}
                  variant={rule.decision ? 'filled' : 'default'}
                  color={
                    to === 'suspended' || (status === 'connected' && to === 'closed') ? 'red' : undefined
                  }
                  onClick={() => open({ kind: 'step', to, rule })}
                >
                  {rule.label}
                </Button>
              ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Decisions({ caseData }: { caseData: Case }) {
  if (caseData.decisions.length === 0) return <Text c="gray.8">まだ決定の記録はありません。</Text>;
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>決定日</Table.Th>
          <Table.Th w={140}>種類</Table.Th>
          <Table.Th>会議体・内容</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {caseData.decisions.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <DateText value={d.decidedOn} />
            </Table.Td>
            <Table.Td>
              {DECISION_KIND_LABELS[d.kind]}
              {d.screeningOutcome && <Text size="xs">{SCREENING_OUTCOME_LABELS[d.screeningOutcome]}</Text>}
              {d.closureReason && <Text size="xs">{CLOSURE_REASON_LABELS[d.closureReason]}</Text>}
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={700}>
                {d.meetingSessionId ? (
                  <Anchor component={Link} to={sessionPath(d.meetingSessionId)}>
                    {d.decidingBody}（会議の記録）
                  </Anchor>
                ) : (
                  d.decidingBody
                )}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {d.content}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CasePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery(caseQuery(id));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (query.error) return <ErrorAlert error={query.error} title="事例を表示できません" />;
  const c = query.data;
  if (!c) return null;
  const close = () => setDialog(null);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {c.householdName}
            </Title>
            <Badge size="lg" color={CASE_STATUS_COLORS[c.status]} variant="light">
              {CASE_STATUS_LABELS[c.status]}
            </Badge>
          </Group>
          <Text>{c.summary}</Text>
          <Text size="sm" c="gray.8">
            多機関協働事例　開始 <DateText value={c.openedOn} />
            {c.referral && `　${c.referral.fromOrganisationName}からのつなぎ`}
            {c.closedOn && (
              <>
                {'　'}終結 <DateText value={c.closedOn} />
                {c.closureReason && `（${CLOSURE_REASON_LABELS[c.closureReason]}）`}
              </>
            )}
          </Text>
        </div>
        <Group gap="xs">
          <FhirExportButton caseId={c.id} />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default">印刷</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {[
                ['summary', '事例の概要（1枚）'],
                ['assessment', 'アセスメントシート'],
                ['plan', '支援プラン'],
                ['evaluation', '評価シート'],
              ].map(([sheet, label]) => (
                <Menu.Item key={sheet} component="a" href={`/print/cases/${c.id}/${sheet}`} target="_blank">
                  {label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {c.connection && !c.connection.endedOn && (
        <Alert color="cyan" title="つながり継続">
          {c.connection.organisationName}
          {c.connection.userName ? `（${c.connection.userName}）` : ''}が{c.connection.intervalDays}日ごとに：
          {c.connection.how}。次の連絡日：
          <DateText value={c.connection.nextContactOn} />
        </Alert>
      )}
      <NextStep caseData={c} open={setDialog} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  世帯
                </Title>
                <Anchor component={Link} to={`/households/${c.householdId}`} size="sm">
                  世帯のページ（ジェノグラム）
                </Anchor>
              </Group>
              <Stack gap={4}>
                {c.members.map((m) => (
                  <Group key={m.personId} gap="xs">
                    <Text size="sm">
                      {m.name}（{m.relationship ?? ''}・{m.age}）
                    </Text>
                    {m.concerned && (
                      <Badge size="xs" variant="outline">
                        対象
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            </Paper>
            <TeamPanel caseData={c} />
            <CaseParticipation
              caseId={c.id}
              members={c.members}
              canWrite={c.canWrite && c.status !== 'closed'}
            />
            <CaseRegionalIssues caseId={c.id} intakeIssues={c.intakeIssues} canWrite={c.canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="timeline">経過</Tabs.Tab>
              <Tabs.Tab value="assessment">アセスメント</Tabs.Tab>
              <Tabs.Tab value="plan">支援プラン</Tabs.Tab>
              <Tabs.Tab value="evaluation">評価</Tabs.Tab>
              <Tabs.Tab value="decisions">決定の記録</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="md">
              <CaseTimeline caseData={c} />
              <OutreachHistory householdId={c.householdId} />
            </Tabs.Panel>
            <Tabs.Panel value="assessment" pt="md">
              <AssessmentView caseData={c} />
            </Tabs.Panel>
            <Tabs.Panel value="plan" pt="md">
              <PlanView caseData={c} />
            </Tabs.Panel>
            <Tabs.Panel value="evaluation" pt="md">
              <EvaluationView caseData={c} />
            </Tabs.Panel>
            <Tabs.Panel value="decisions" pt="md">
              <Decisions caseData={c} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      {dialog?.kind === 'step' && (
        <StepDialog caseData={c} to={dialog.to} rule={dialog.rule} onClose={close} />
      )}
      {dialog?.kind === 'screening' && <ScreeningDialog caseData={c} onClose={close} />}
      {dialog?.kind === 'record' && <RecordDialog caseData={c} onClose={close} />}
      {dialog?.kind === 'table' && <TableAtMeetingDialog caseData={c} onClose={close} />}
      {dialog?.kind === 'evaluation' && <EvaluationDialog caseData={c} onClose={close} />}
      {dialog?.kind === 'consent' && c.plan && (
        <PlanConsentDialog caseData={c} plan={c.plan} onClose={close} />
      )}
    </Stack>
  );
}
