import {
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import {
  ASSESSMENT_DOMAIN_LABELS,
  ASSESSMENT_DOMAINS,
  type AssessmentDomain,
  URGENCY_LABELS,
  URGENCY_LEVELS,
} from '../../../shared/case-vocabulary';
import { DraftRestored } from '../../components/DraftRestored';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { PageFormButtons } from '../../components/FormButtons';
import { draftField, useDraft } from '../../lib/draft';
import { caseQuery, useCaseStep } from './case-queries';

type Situations = Partial<Record<AssessmentDomain, string>>;

/** アセスメントシート: a new version, starting from the latest one. */
export function AssessmentForm() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: c } = useSuspenseQuery(caseQuery(id));
  const navigate = useNavigate();
  const previous = c.assessment?.content;
  const draft = useDraft(`assessment:${id}:${c.assessment?.version ?? 0}`, {
    selected:
      previous?.members.map((m) => m.personId) ?? c.members.filter((m) => m.concerned).map((m) => m.personId),
    situations: Object.fromEntries(
      (previous?.members ?? []).map((m) => [
        m.personId,
        Object.fromEntries(Object.entries(m.situations).filter(([, v]) => v)) as Situations,
      ]),
    ) as Record<string, Situations>,
    wishes: previous?.wishes ?? '',
    strengths: previous?.strengths ?? '',
    resources: previous?.resources ?? '',
    risks: previous?.risks ?? '',
    urgency: (previous?.urgency ?? 'medium') as string,
    view: previous?.view ?? '',
  });
  const [selected, setSelected] = draftField(draft, 'selected');
  const [situations, setSituations] = draftField(draft, 'situations');
  const [wishes, setWishes] = draftField(draft, 'wishes');
  const [strengths, setStrengths] = draftField(draft, 'strengths');
  const [resources, setResources] = draftField(draft, 'resources');
  const [risks, setRisks] = draftField(draft, 'risks');
  const [urgency, setUrgency] = draftField(draft, 'urgency');
  const [view, setView] = draftField(draft, 'view');
  const save = useCaseStep(id, '/assessments', 'アセスメントシートを記録しました。', () => {
    draft.clear();
    navigate({ to: `/cases/${id}` });
  });
  const setSituation = (personId: string, domain: AssessmentDomain, value: string) =>
    setSituations((s) => ({ ...s, [personId]: { ...s[personId], [domain]: value } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      members: selected.map((personId) => ({
        personId,
        situations: Object.fromEntries(
          ASSESSMENT_DOMAINS.map((d) => [d, situations[personId]?.[d]?.trim() || null]),
        ),
      })),
      wishes,
      strengths: strengths || null,
      resources: resources || null,
      risks: risks || null,
      urgency,
      view,
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={1100}>
        <div>
          <Title order={1} size="h2">
            アセスメントシート（第{(c.assessment?.version ?? 0) + 1}版）
          </Title>
          <Text c="gray.8">
            {c.householdName}。{previous ? '前の版の内容から書き直せます。前の版はそのまま残ります。' : ''}
          </Text>
        </div>
        {draft.restored && <DraftRestored onDiscard={draft.reset} />}
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md">
          <Checkbox.Group label="対象の世帯員" required value={selected} onChange={setSelected}>
            <Group mt="xs">
              {c.members.map((m) => (
                <Checkbox
                  key={m.personId}
                  value={m.personId}
                  label={`${m.name}（${m.relationship ?? ''}・${m.age}）`}
                />
              ))}
            </Group>
          </Checkbox.Group>
        </Paper>
        {c.members
          .filter((m) => selected.includes(m.personId))
          .map((m) => (
            <Paper withBorder p="md" key={m.personId}>
              <Title order={2} size="h4" mb="xs">
                {m.name}さんの状況
              </Title>
              <Text size="sm" c="gray.8" mb="xs">
                当てはまる分野だけ書いてください。空欄の分野は印刷にも出ません。
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {ASSESSMENT_DOMAINS.map((d) => (
                  <Textarea
                    key={d}
                    label={ASSESSMENT_DOMAIN_LABELS[d]}
                    autosize
                    minRows={1}
                    value={situations[m.personId]?.[d] ?? ''}
                    onChange={(e) => setSituation(m.personId, d, e.currentTarget.value)}
                  />
                ))}
              </SimpleGrid>
            </Paper>
          ))}
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label="本人・世帯の思い"
              required
              autosize
              minRows={2}
              value={wishes}
              onChange={(e) => setWishes(e.currentTarget.value)}
              error={fieldError(save.error, 'wishes')}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea
                label="本人・世帯の力"
                autosize
                minRows={2}
                value={strengths}
                onChange={(e) => setStrengths(e.currentTarget.value)}
              />
              <Textarea
                label="地域の資源"
                autosize
                minRows={2}
                value={resources}
                onChange={(e) => setResources(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Textarea
              label="リスク"
              autosize
              minRows={2}
              value={risks}
              onChange={(e) => setRisks(e.currentTarget.value)}
            />
            <div>
              <Text size="sm" fw={500} mb={4}>
                緊急度
              </Text>
              <SegmentedControl
                aria-label="緊急度"
                data={URGENCY_LEVELS.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
                value={urgency}
                onChange={setUrgency}
              />
            </div>
            <Textarea
              label="コーディネーターの見立て"
              required
              autosize
              minRows={3}
              value={view}
              onChange={(e) => setView(e.currentTarget.value)}
              error={fieldError(save.error, 'view')}
            />
          </Stack>
        </Paper>
        <PageFormButtons cancelTo={`/cases/${id}`} busy={save.isPending} label="この版を記録" />
      </Stack>
    </form>
  );
}
