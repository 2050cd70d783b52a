import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Case, PlanVersion } from '../../../modules/cases/cases.schemas';
import { PLAN_CONSENT_METHOD_LABELS } from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api, apiGet } from '../../lib/api';
import { organisationsQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';
import { activeMembership, hasPermission, useSession } from '../../lib/session';
import { PartnerBadge } from '../partners/PartnerBadge';
import { todayInJapan, useCaseStep } from './case-queries';
import { ChangeList, VersionSelect } from './Versions';

export function PlanConsentDialog({
  caseData,
  plan,
  onClose,
}: {
  caseData: Case;
  plan: PlanVersion;
  onClose: () => void;
}) {
  const save = useCaseStep(
    caseData.id,
    `/plans/${plan.id}/consent`,
    'プランへの同意を記録しました。',
    onClose,
  );
  const [consentOn, setConsentOn] = useState(todayInJapan());
  const [consentMethod, setConsentMethod] = useState('written');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ consentOn, consentMethod });
  };
  return (
    <Modal opened onClose={onClose} title={`支援プラン第${plan.version}版への同意`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            type="date"
            label="同意を得た日"
            required
            value={consentOn}
            onChange={(e) => setConsentOn(e.currentTarget.value)}
          />
          <Radio.Group label="方法" value={consentMethod} onChange={setConsentMethod}>
            <Group mt="xs">
              <Radio value="written" label="書面" />
              <Radio value="verbal" label="口頭" />
            </Group>
          </Radio.Group>
          <FormButtons onCancel={onClose} busy={save.isPending} label="同意を記録" />
        </Stack>
      </form>
    </Modal>
  );
}

export function PlanBody({
  plan,
  completed = [],
  onComplete,
  recordsForPartners = false,
}: {
  plan: PlanVersion;
  completed?: string[];
  onComplete?: (key: string) => void;
  /** The lead (or a coordinator) marks done the actions of partners without a login. */
  recordsForPartners?: boolean;
}) {
  const organisations = useQuery(organisationsQuery);
  const session = useSession();
  const myOrg = activeMembership(session)?.organisationId;
  const orgOf = (id: string) => organisations.data?.find((o) => o.id === id);
  const orgName = (id: string) => orgOf(id)?.name ?? '';
  const mayComplete = (organisationId: string) =>
    organisationId === myOrg || (recordsForPartners && orgOf(organisationId)?.external === true);
  return (
    <Stack>
      <div>
        <Text size="sm" c="gray.8" fw={700}>
          目指す姿
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.content.vision}</Text>
      </div>
      <div>
        <Text size="sm" c="gray.8" fw={700}>
          取り組む課題（優先順）
        </Text>
        <List type="ordered">
          {plan.content.issues.map((issue) => (
            <List.Item key={issue}>{issue}</List.Item>
          ))}
        </List>
      </div>
      {plan.content.goals.map((goal) => (
        <div key={goal.key}>
          <Title order={3} size="h5">
            目標：{goal.text}（{goal.timeframe}）
          </Title>
          <Table withTableBorder mt={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>支援内容</Table.Th>
                <Table.Th>担当</Table.Th>
                <Table.Th>頻度</Table.Th>
                <Table.Th>期間</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.content.actions
                .filter((a) => a.goalKey === goal.key)
                .map((a) => {
                  const done = completed.includes(a.key);
                  const overdue = !done && plan.approvedOn && a.until < todayInJapan();
                  return (
                    <Table.Tr key={a.key}>
                      <Table.Td>{a.text}</Table.Td>
                      <Table.Td>
                        {orgName(a.organisationId)}
                        {orgOf(a.organisationId)?.external && (
                          <>
                            {' '}
                            <PartnerBadge />
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>{a.frequency}</Table.Td>
                      <Table.Td>
                        <DateText value={a.from} />〜<DateText value={a.until} />
                        {overdue && (
                          <Badge color="red" variant="outline" ml={4} size="sm">
                            期間超過
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {done ? (
                          <Badge color="teal" variant="light">
                            完了
                          </Badge>
                        ) : (
                          onComplete &&
                          mayComplete(a.organisationId) && (
                            <Button size="compact-xs" variant="default" onClick={() => onComplete(a.key)}>
                              完了にする
                            </Button>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      <Group gap="xl">
        <Text size="sm">
          モニタリング時期：
          <DateText value={plan.reviewOn} />
        </Text>
        <Text size="sm">
          本人・世帯の同意：
          {plan.consentOn ? (
            <>
              <DateText value={plan.consentOn} />（
              {plan.consentMethod ? PLAN_CONSENT_METHOD_LABELS[plan.consentMethod] : ''}）
            </>
          ) : (
            'まだ'
          )}
        </Text>
        <Text size="sm">
          承認：
          {plan.approvedOn ? (
            <>
              <DateText value={plan.approvedOn} />（{plan.approvedBy}）
            </>
          ) : (
            'まだ'
          )}
        </Text>
      </Group>
    </Stack>
  );
}

/** The current plan (and any earlier version), with consent and approval. */
export function PlanView({ caseData }: { caseData: Case }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [consenting, setConsenting] = useState(false);
  const session = useSession();
  const complete = useApiMutation(
    (key: string) => api<Case>('POST', `/api/cases/${caseData.id}/actions/${key}/complete`, {}),
    {
      answer: ['case', caseData.id],
      invalidate: [['case-work-queue']],
      success: '支援内容を完了にしました。',
    },
  );
  const versions = useQuery({
    queryKey: ['case-plans', caseData.id, caseData.plan?.version],
    queryFn: async () =>
      (await apiGet<{ versions: PlanVersion[] }>(`/api/cases/${caseData.id}/plans`)).versions,
    enabled: selected !== null,
  });
  const latest = caseData.plan;
  if (!latest) {
    return (
      <EmptyState title="支援プランはまだありません">
        アセスメントの後、「プラン作成」の段階で「支援プランを作る」から作成します。
      </EmptyState>
    );
  }
  const shown = versions.data?.find((v) => String(v.version) === selected) ?? latest;
  const canConsent =
    caseData.canWrite &&
    shown.id === latest.id &&
    !latest.approvedOn &&
    ['planning', 'awaiting_decision'].includes(caseData.status);
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm">
            第{shown.version}版{'　'}
            <DateText value={shown.createdAt} />　{shown.organisationName}　{shown.userName}
          </Text>
          {shown.approvedOn ? <Badge color="teal">承認済み</Badge> : <Badge color="orange">未承認</Badge>}
          {caseData.planInForce && shown.id === caseData.planInForce.id && (
            <Badge variant="outline">実施中のプラン</Badge>
          )}
        </Group>
        <Group gap="xs">
          {canConsent && !latest.consentOn && (
            <Button size="xs" onClick={() => setConsenting(true)}>
              プランへの同意を記録
            </Button>
          )}
          <VersionSelect latest={latest.version} value={selected} onChange={setSelected} />
        </Group>
      </Group>
      <ErrorAlert error={complete.error} title="完了にできませんでした" />
      <ChangeList version={shown.version} changes={shown.changes} />
      <PlanBody
        plan={shown}
        completed={caseData.completedActionKeys}
        onComplete={
          caseData.canWrite && shown.id === caseData.planInForce?.id
            ? (key) => complete.mutate(key)
            : undefined
        }
        recordsForPartners={
          caseData.leadOrganisationId === activeMembership(session)?.organisationId ||
          hasPermission(session, 'cases.coordinate')
        }
      />
      {consenting && (
        <PlanConsentDialog caseData={caseData} plan={latest} onClose={() => setConsenting(false)} />
      )}
    </Stack>
  );
}
