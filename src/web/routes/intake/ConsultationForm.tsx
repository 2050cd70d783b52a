import {
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Consultation } from '../../../modules/intake/intake.schemas';
import {
  BROUGHT_BY,
  BROUGHT_BY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  OUTCOME_LABELS,
  OUTCOMES,
  SHARE_CONSENT,
  SHARE_CONSENT_LABELS,
} from '../../../shared/intake-vocabulary';
import { confirmAction } from '../../components/confirm';
import { DraftRestored } from '../../components/DraftRestored';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { api, apiGet } from '../../lib/api';
import { agencyGroups, organisationsQuery } from '../../lib/directory';
import { useDraft } from '../../lib/draft';
import { useSession } from '../../lib/session';
import { ConsultationPlace } from './ConsultationPlace';
import { type FormState, initialForm, outreachRecordId, typedPerson } from './consultation-form-state';
import { ExistingPersonCard, usePresetPerson } from './ExistingPersonCard';
import { FromOutreach } from './FromOutreach';
import { IssuePicker } from './IssuePicker';
import { NewPersonFields } from './NewPersonFields';

export function ConsultationForm() {
  const session = useSession();
  const fromOutreach = outreachRecordId();
  const draft = useDraft<FormState>(
    `consultation:${session.user.id}${fromOutreach ? `:outreach:${fromOutreach}` : ''}`,
    initialForm(fromOutreach),
  );
  const form = draft.value;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    draft.setValue((f) => ({ ...f, [key]: value }));
  const { data: organisations } = useSuspenseQuery(organisationsQuery);
  const issues = useQuery({
    queryKey: ['issues'],
    queryFn: () =>
      apiGet<{ issues: { code: string; label: string; sensitive: boolean }[] }>('/api/consultations/issues'),
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const refers = ['refer_agency', 'refer_multi_agency', 'unsure_where'].includes(form.outcome);
  const preset = usePresetPerson();
  const [presetCleared, setPresetCleared] = useState(false);
  // The person the consultation is for when already registered (picked, or opened from their household).
  const chosen = form.existing ?? (presetCleared ? null : preset);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const existing = chosen;
    const hasPerson = !existing && form.familyName.trim().length > 0;
    try {
      const saved = await api<Consultation>('POST', '/api/consultations', {
        receivedAt: new Date(form.receivedAt).toISOString(),
        channel: form.channel,
        placeResourceId: form.placeResourceId,
        broughtBy: form.broughtBy,
        newPerson: hasPerson ? { ...typedPerson(form), address: form.address, gender: form.gender } : null,
        personId: existing?.personId ?? null,
        householdId: existing?.householdId ?? null,
        newHouseholdName: existing
          ? existing.householdId
            ? null
            : `${existing.name.split(' ')[0]}さん世帯`
          : hasPerson
            ? form.householdName || `${form.familyName}さん世帯`
            : null,
        mainComplaint: form.mainComplaint,
        issues: form.issues,
        primaryIssue: form.primaryIssue,
        urgent: form.urgent,
        urgencyNote: form.urgencyNote,
        outcome: form.outcome,
        shareConsent: form.shareConsent,
        consentMethod: form.shareConsent === 'given' ? form.consentMethod : null,
        referral: refers
          ? {
              toOrganisationId: form.outcome === 'refer_agency' ? form.toOrganisationId : null,
              reason: form.reason,
              actionsTaken: form.actionsTaken,
            }
          : null,
        outreachRecordId: fromOutreach,
      });
      draft.clear();
      await queryClient.invalidateQueries();
      router.history.push(saved.householdId ? `/households/${saved.householdId}` : '/intake');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="intake-title">
      <Stack gap="lg" maw={960}>
        <Group justify="space-between">
          <Title order={1} size="h2" id="intake-title">
            相談の受付
          </Title>
          <Button
            variant="default"
            onClick={() =>
              confirmAction({
                title: '入力を消しますか',
                message: 'この画面に入力した内容をすべて消して、最初からやり直します。',
                confirmLabel: '消してやり直す',
                danger: true,
                onConfirm: draft.reset,
              })
            }
          >
            入力を消してやり直す
          </Button>
        </Group>
        {draft.restored && <DraftRestored onDiscard={draft.reset} />}
        {fromOutreach && <FromOutreach recordId={fromOutreach} />}

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            受付
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="datetime-local"
              label="受付日時"
              required
              value={form.receivedAt}
              onChange={(e) => set('receivedAt', e.currentTarget.value)}
            />
            <Select
              label="経路"
              required
              allowDeselect={false}
              data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
              value={form.channel}
              onChange={(v) => set('channel', v ?? 'visit_office')}
            />
            <Select
              label="相談者"
              required
              allowDeselect={false}
              data={BROUGHT_BY.map((b) => ({ value: b, label: BROUGHT_BY_LABELS[b] }))}
              value={form.broughtBy}
              onChange={(v) => set('broughtBy', v ?? 'self')}
            />
          </SimpleGrid>
          <ConsultationPlace value={form.placeResourceId} onChange={(v) => set('placeResourceId', v)} />
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4">
            本人
          </Title>
          {chosen ? (
            <ExistingPersonCard
              existing={chosen}
              onClear={() => {
                set('existing', null);
                setPresetCleared(true);
              }}
            />
          ) : (
            <NewPersonFields form={form} set={set} error={error} />
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            相談の内容
          </Title>
          <Textarea
            label="主訴"
            required
            autosize
            minRows={3}
            value={form.mainComplaint}
            onChange={(e) => set('mainComplaint', e.currentTarget.value)}
            error={fieldError(error, 'mainComplaint')}
          />
          <IssuePicker
            issues={issues.data?.issues ?? []}
            selected={form.issues}
            primary={form.primaryIssue}
            onChange={(selected, primary) =>
              draft.setValue((f) => ({ ...f, issues: selected, primaryIssue: primary }))
            }
          />
          <Checkbox
            mt="md"
            label="緊急（生命の危険・虐待の疑いなど）：コーディネーターに直ちに知らせます"
            checked={form.urgent}
            onChange={(e) => set('urgent', e.currentTarget.checked)}
          />
          {form.urgent && (
            <TextInput
              mt="xs"
              label="緊急の理由"
              value={form.urgencyNote}
              onChange={(e) => set('urgencyNote', e.currentTarget.value)}
            />
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            同意と対応
          </Title>
          <Radio.Group
            label="関係機関との情報共有への本人の同意"
            value={form.shareConsent}
            onChange={(v) => set('shareConsent', v)}
          >
            <Group mt="xs">
              {SHARE_CONSENT.map((s) => (
                <Radio key={s} value={s} label={SHARE_CONSENT_LABELS[s]} />
              ))}
            </Group>
          </Radio.Group>
          {form.shareConsent === 'given' && (
            <Radio.Group
              mt="xs"
              label="同意を得た方法"
              value={form.consentMethod ?? ''}
              onChange={(v) => set('consentMethod', v)}
              error={fieldError(error, 'consentMethod')}
            >
              <Group mt="xs">
                <Radio value="written" label="書面" />
                <Radio value="oral" label="口頭" />
              </Group>
            </Radio.Group>
          )}
          <Radio.Group mt="md" label="対応の結果" value={form.outcome} onChange={(v) => set('outcome', v)}>
            <Stack mt="xs" gap="xs">
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={OUTCOME_LABELS[o]} />
              ))}
            </Stack>
          </Radio.Group>
          {refers && (
            <Stack mt="md" gap="sm">
              {form.outcome === 'refer_agency' && (
                <Select
                  label="つなぎ先の機関"
                  required
                  searchable
                  data={agencyGroups(
                    organisations.filter(
                      (o) =>
                        o.isActive &&
                        o.id !==
                          session.memberships.find((m) => m.id === session.activeMembershipId)
                            ?.organisationId,
                    ),
                  )}
                  value={form.toOrganisationId}
                  onChange={(v) => set('toOrganisationId', v)}
                  error={fieldError(error, 'referral')}
                  description={
                    organisations.find((o) => o.id === form.toOrganisationId)?.external
                      ? 'ログインしない外部の関係機関です。相談の日に連絡したものとして記録し、返事（受け入れ・見送り）は、つなぎ票で記録してください。'
                      : undefined
                  }
                />
              )}
              <Textarea
                label="つなぐ理由"
                required
                autosize
                minRows={2}
                value={form.reason}
                onChange={(e) => set('reason', e.currentTarget.value)}
              />
              <Textarea
                label="これまでの対応"
                autosize
                minRows={2}
                value={form.actionsTaken}
                onChange={(e) => set('actionsTaken', e.currentTarget.value)}
              />
              {form.shareConsent !== 'given' && (
                <Text size="sm" c="gray.8">
                  同意がないため、つなぎ先には連絡先（住所・電話）を伝えません。つなぎ票の内容だけが届きます。
                </Text>
              )}
            </Stack>
          )}
        </Paper>

        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={busy}>
            {refers ? '受け付けて、つなぐ' : '受け付ける'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
