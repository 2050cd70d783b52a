import { Checkbox, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Rule } from '../../../modules/cases/case-state';
import type { Case } from '../../../modules/cases/cases.schemas';
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  DECISION_KIND_LABELS,
} from '../../../shared/case-vocabulary';
import { formatWareki } from '../../../shared/dates';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { bodiesQuery, caseSessionsQuery } from '../meetings/meeting-queries';
import { todayInJapan, useCaseStep, workersQuery } from './case-queries';

/** Who may decide without a meeting body of the municipality's list. */
const WITHOUT_A_BODY = ['コーディネーター'];

/** One step of the case with what it needs: a reason, a decision record, a closure reason. */
export function StepDialog({
  caseData,
  to,
  rule,
  onClose,
}: {
  caseData: Case;
  to: CaseStatus;
  rule: Rule;
  onClose: () => void;
}) {
  const [keepConnected, setKeepConnected] = useState(false);
  const closing = to === 'closed' && caseData.status === 'evaluating';
  const step = useCaseStep(
    caseData.id,
    '/transitions',
    closing && keepConnected
      ? '終結し、つながり継続を始めました。'
      : `「${CASE_STATUS_LABELS[to]}」に進めました。`,
    onClose,
  );
  const [note, setNote] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayInJapan());
  const bodies = useQuery({ ...bodiesQuery, enabled: Boolean(rule.decision) });
  const held = useQuery({ ...caseSessionsQuery(caseData.id), enabled: Boolean(rule.decision) });
  // the municipality's own bodies (those that take cases), then who may decide without one
  const bodyNames = [
    ...(bodies.data?.items ?? []).filter((b) => b.isActive && !b.themesOnly).map((b) => b.name),
    ...WITHOUT_A_BODY,
  ];
  const [chosenBody, setDecidingBody] = useState<string | null>(null);
  // until one is chosen: the 重層的支援会議 where there is one, else the first body
  const decidingBody =
    chosenBody ?? bodyNames.find((n) => n.startsWith('重層的支援会議')) ?? bodyNames[0] ?? null;
  const [sessionId, setSessionId] = useState<string | null>(null);
  const chooseSession = (id: string | null) => {
    setSessionId(id);
    const session = held.data?.items.find((s) => s.id === id);
    if (session) {
      setDecidingBody(session.bodyName);
      if (session.heldOn) setDecidedOn(session.heldOn);
    }
  };
  const [content, setContent] = useState('');
  const [closureReason, setClosureReason] = useState<string | null>(null);
  const [connectionOrg, setConnectionOrg] = useState<string | null>(caseData.leadOrganisationId);
  const [connectionUser, setConnectionUser] = useState<string | null>(null);
  const [intervalDays, setIntervalDays] = useState<number | string>(30);
  const [how, setHow] = useState('');
  const [firstContactOn, setFirstContactOn] = useState(todayInJapan());
  const workers = useQuery(workersQuery(connectionOrg));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({
      to,
      note: note || null,
      decision: rule.decision ? { decidedOn, decidingBody, content, meetingSessionId: sessionId } : null,
      closureReason: closing ? closureReason : null,
      connection:
        closing && keepConnected
          ? {
              organisationId: connectionOrg,
              userId: connectionUser,
              intervalDays: Number(intervalDays),
              how,
              firstContactOn,
            }
          : null,
    });
  };
  const teamOrgs = caseData.team.filter((m) => !m.leftOn && !m.external);
  return (
    <Modal opened onClose={onClose} title={rule.label} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={step.error} title="進められませんでした" />
          {rule.decision && (
            <>
              <Text size="sm" c="gray.8">
                「{DECISION_KIND_LABELS[rule.decision]}
                」は、会議体での決定として記録します（日付・会議体・内容）。
              </Text>
              {(held.data?.items.length ?? 0) > 0 && (
                <Select
                  label="決定した会議（この事例を議題にした開催済みの会議）"
                  description="選ぶと、決定がその会議の記録と結び付き、会議体と決定日が入ります。"
                  placeholder="会議の外で決めたときは空欄"
                  clearable
                  data={(held.data?.items ?? []).map((s) => ({
                    value: s.id,
                    label: `${s.bodyName}（${s.heldOn ? formatWareki(`${s.heldOn}T00:00:00+09:00`) : ''}開催）`,
                  }))}
                  value={sessionId}
                  onChange={chooseSession}
                />
              )}
              <TextInput
                type="date"
                label="決定日"
                required
                max={todayInJapan()}
                // a decision taken at a meeting is dated by the day it was held
                disabled={sessionId !== null}
                description={sessionId !== null ? '選んだ会議の開催日です。' : undefined}
                value={decidedOn}
                onChange={(e) => setDecidedOn(e.currentTarget.value)}
                error={fieldError(step.error, 'decision.decidedOn')}
              />
              <Select
                label="決定した会議体"
                required
                data={[...new Set(bodyNames)]}
                value={decidingBody}
                onChange={setDecidingBody}
                placeholder="選ぶ"
                disabled={sessionId !== null}
                allowDeselect={false}
              />
              <Textarea
                label="決定の内容"
                required
                autosize
                minRows={3}
                value={content}
                onChange={(e) => setContent(e.currentTarget.value)}
                error={fieldError(step.error, 'decision.content')}
              />
            </>
          )}
          {closing && (
            <>
              <Select
                label="終結の理由"
                required
                data={CLOSURE_REASONS.filter((r) => r !== 'screened_out').map((r) => ({
                  value: r,
                  label: CLOSURE_REASON_LABELS[r],
                }))}
                value={closureReason}
                onChange={setClosureReason}
              />
              <Checkbox
                label="終結後もつながりを続ける（つながり継続）"
                checked={keepConnected}
                onChange={(e) => setKeepConnected(e.currentTarget.checked)}
              />
              {keepConnected && (
                <Stack gap="xs" pl="md">
                  <Select
                    label="つながりを続ける機関"
                    required
                    data={teamOrgs.map((m) => ({ value: m.organisationId, label: m.organisationName ?? '' }))}
                    value={connectionOrg}
                    onChange={(value) => {
                      setConnectionOrg(value);
                      setConnectionUser(null);
                    }}
                  />
                  <Select
                    label="担当者（任意）"
                    clearable
                    data={(workers.data ?? []).map((w) => ({ value: w.userId, label: w.displayName }))}
                    value={connectionUser}
                    onChange={setConnectionUser}
                  />
                  <NumberInput
                    label="連絡の間隔（日）"
                    min={1}
                    max={365}
                    value={intervalDays}
                    onChange={setIntervalDays}
                  />
                  <TextInput
                    label="つながり方"
                    placeholder="例：月1回の電話と、民生委員の見守り"
                    required
                    value={how}
                    onChange={(e) => setHow(e.currentTarget.value)}
                  />
                  <TextInput
                    type="date"
                    label="最初に連絡する日"
                    required
                    value={firstContactOn}
                    onChange={(e) => setFirstContactOn(e.currentTarget.value)}
                  />
                </Stack>
              )}
            </>
          )}
          {(rule.note || !rule.decision) && (
            <Textarea
              label={rule.note ? '理由' : 'メモ（任意）'}
              required={rule.note}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
          <FormButtons onCancel={onClose} busy={step.isPending} label={rule.label} />
        </Stack>
      </form>
    </Modal>
  );
}
