import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Case } from '../../../modules/cases/cases.schemas';
import { formatWareki } from '../../../shared/dates';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { agencyGroups, organisationsQuery } from '../../lib/directory';
import { PartnerBadge } from '../partners/PartnerBadge';
import { useCaseStep, workersQuery } from './case-queries';

type Member = Case['team'][number];

function AddMemberDialog({ caseData, onClose }: { caseData: Case; onClose: () => void }) {
  const organisations = useQuery(organisationsQuery);
  const save = useCaseStep(caseData.id, '/team', 'チームに加えました。', onClose);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const chosen = organisations.data?.find((o) => o.id === organisationId);
  const workers = useQuery(workersQuery(chosen?.external ? null : organisationId));
  const onTeam = new Set(caseData.team.filter((m) => !m.leftOn).map((m) => m.organisationId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ organisationId, userId, role });
  };
  return (
    <Modal opened onClose={onClose} title="チームに機関を加える">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label="機関"
            required
            searchable
            description="保護観察所・ハローワーク・医療機関などは「外部の関係機関」にあります（ログインしない機関）。"
            data={agencyGroups((organisations.data ?? []).filter((o) => o.isActive && !onTeam.has(o.id)))}
            value={organisationId}
            onChange={(value) => {
              setOrganisationId(value);
              setUserId(null);
            }}
          />
          {chosen?.external ? (
            <Text size="sm" c="gray.8">
              外部の関係機関は事例を見られません。この機関の役割やプランの支援内容は、主担当の機関かコーディネーターが記録します。
              {chosen.contactPerson ? `先方の担当者：${chosen.contactPerson}` : ''}
            </Text>
          ) : (
            <Select
              label="担当者（任意）"
              clearable
              data={(workers.data ?? []).map((w) => ({ value: w.userId, label: w.displayName }))}
              value={userId}
              onChange={setUserId}
            />
          )}
          <TextInput
            label="役割"
            placeholder="例：家計改善・就労支援"
            required
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="加える" />
        </Stack>
      </form>
    </Modal>
  );
}

function LeadDialog({ caseData, onClose }: { caseData: Case; onClose: () => void }) {
  const save = useCaseStep(caseData.id, '/lead', '主担当を変更しました。', onClose);
  const [organisationId, setOrganisationId] = useState<string | null>(caseData.leadOrganisationId);
  const [userId, setUserId] = useState<string | null>(caseData.leadUserId);
  const workers = useQuery(workersQuery(organisationId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ organisationId, userId });
  };
  return (
    <Modal opened onClose={onClose} title="主担当を決める">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm" c="gray.8">
            役割分担の合意にもとづき、世帯に伴走する機関と職員を一つ決めます。
          </Text>
          <Select
            label="主担当の機関（チームの機関から）"
            required
            description="外部の関係機関（ログインしない機関）は主担当になれません。"
            data={caseData.team
              .filter((m) => !m.leftOn && !m.external)
              .map((m) => ({ value: m.organisationId, label: m.organisationName ?? '' }))}
            value={organisationId}
            onChange={(value) => {
              setOrganisationId(value);
              setUserId(null);
            }}
          />
          <Select
            label="主担当の職員"
            clearable
            data={(workers.data ?? []).map((w) => ({ value: w.userId, label: w.displayName }))}
            value={userId}
            onChange={setUserId}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="決める" />
        </Stack>
      </form>
    </Modal>
  );
}

function LeaveDialog({ caseData, member, onClose }: { caseData: Case; member: Member; onClose: () => void }) {
  const save = useCaseStep(caseData.id, `/team/${member.id}/leave`, 'チームから外しました。', onClose);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ note });
  };
  return (
    <Modal opened onClose={onClose} title={`${member.organisationName}をチームから外す`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm" c="gray.8">
            {member.external
              ? '外部の関係機関をチームから外します。プランの役割を担っていたら、プランを見直してください。チームの履歴は残ります。'
              : '外れた機関は事例を見られなくなります。これまでの記録とチームの履歴は残ります。'}
          </Text>
          <Textarea
            label="外れる理由"
            required
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="チームから外す" danger />
        </Stack>
      </form>
    </Modal>
  );
}

/** Who is doing what, and which agency has gone quiet (任せきり is visible). */
export function TeamPanel({ caseData }: { caseData: Case }) {
  const [dialog, setDialog] = useState<'add' | 'lead' | Member | null>(null);
  const editable =
    caseData.canWrite && caseData.canManageTeam && !['closed', 'connected'].includes(caseData.status);
  const current = caseData.team.filter((m) => !m.leftOn);
  const organisations = useQuery(organisationsQuery);
  // whom to call at a partner without a login, on its card
  const partnerContact = (id: string) => {
    const o = organisations.data?.find((x) => x.id === id);
    const parts = [o?.contactPerson && `担当：${o.contactPerson}`, o?.phone && `電話：${o.phone}`].filter(
      Boolean,
    );
    return parts.length ? `${parts.join('　')}。` : '';
  };
  const former = caseData.team.filter((m) => m.leftOn);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            チームと役割分担
          </Title>
          {editable && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setDialog('lead')}>
                主担当
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog('add')}>
                機関を加える
              </Button>
            </Group>
          )}
        </Group>
        {current.map((m) => (
          <Paper key={m.id} withBorder p="xs" bg={m.quiet ? 'orange.0' : undefined}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {/* the card's text wraps; the button keeps its width however long the agency's name */}
              <div style={{ flex: 1, minWidth: 0 }}>
                <Group gap={6}>
                  <Text fw={700} size="sm">
                    {m.organisationName}
                  </Text>
                  {m.isLead && <Badge size="sm">主担当</Badge>}
                  {m.external && <PartnerBadge />}
                </Group>
                <Text size="sm">
                  {m.role}
                  {m.userName ? `／${m.userName}` : ''}
                  {m.isLead && caseData.leadUserName && !m.userName ? `／${caseData.leadUserName}` : ''}
                </Text>
                <Text size="xs" c="gray.8">
                  {m.external ? (
                    <>
                      {partnerContact(m.organisationId)}
                      記録は主担当の機関・コーディネーターが行います
                    </>
                  ) : (
                    <>最終記録：{m.lastRecordOn ? <DateText value={m.lastRecordOn} /> : 'なし'}</>
                  )}
                </Text>
                {m.quiet && (
                  <Text size="xs" c="red.9" fw={700}>
                    {caseData.inactivityDays}日以上、動きと記録がありません
                  </Text>
                )}
              </div>
              {editable && !m.isLead && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  style={{ flexShrink: 0 }}
                  aria-label={`${m.organisationName}をチームから外す`}
                  onClick={() => setDialog(m)}
                >
                  外す
                </Button>
              )}
            </Group>
          </Paper>
        ))}
        {former.length > 0 && (
          <Text size="xs" c="gray.8">
            以前の機関：
            {former
              .map(
                (m) =>
                  `${m.organisationName}（${formatWareki(m.joinedOn)}〜${m.leftOn ? formatWareki(m.leftOn) : ''}）`,
              )
              .join('、')}
          </Text>
        )}
        {caseData.canWrite && !caseData.canManageTeam && (
          <Text size="xs" c="gray.8">
            チームの機関と主担当は、主担当の機関とコーディネーターが変更します。
          </Text>
        )}
      </Stack>
      {dialog === 'add' && <AddMemberDialog caseData={caseData} onClose={() => setDialog(null)} />}
      {dialog === 'lead' && <LeadDialog caseData={caseData} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && (
        <LeaveDialog caseData={caseData} member={dialog} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
