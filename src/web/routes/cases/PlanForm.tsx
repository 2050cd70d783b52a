import {
  ActionIcon,
  Button,
  Grid,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import type { PlanContent } from '../../../modules/cases/case-content';
import { DraftRestored } from '../../components/DraftRestored';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageFormButtons } from '../../components/FormButtons';
import { draftField, useDraft } from '../../lib/draft';
import { caseQuery, newKey, todayInJapan, useCaseStep, workersQuery } from './case-queries';

type Goal = PlanContent['goals'][number];
type Action = Omit<PlanContent['actions'][number], 'organisationId'> & { organisationId: string | null };

const emptyAction = (goalKey: string, organisationId: string | null): Action => ({
  key: newKey('a'),
  goalKey,
  text: '',
  organisationId,
  userId: null,
  frequency: '',
  from: todayInJapan(),
  until: '',
});

function WorkerSelect({
  organisationId,
  value,
  onChange,
}: {
  organisationId: string | null;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const workers = useQuery(workersQuery(organisationId));
  return (
    <Select
      label="担当者"
      clearable
      data={(workers.data ?? []).map((w) => ({ value: w.userId, label: w.displayName }))}
      value={value}
      onChange={onChange}
    />
  );
}

/** 重層的支援プラン: a new version (the first, or a revision of the latest). */
export function PlanForm() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: c } = useSuspenseQuery(caseQuery(id));
  const navigate = useNavigate();
  const previous = c.plan;
  const firstGoal = newKey('g');
  // Kept in this tab until saved (a long plan must survive a network error or a reload).
  const draft = useDraft(`plan:${id}:${previous?.version ?? 0}`, {
    vision: previous?.content.vision ?? '',
    // A first plan starts from the issues the intake recorded; the team rewrites them in its words.
    issues: previous?.content.issues ?? (c.intakeIssues.length ? c.intakeIssues : ['']),
    goals: previous?.content.goals ?? [{ key: firstGoal, text: '', timeframe: '' }],
    actions: (previous?.content.actions ?? [emptyAction(firstGoal, c.leadOrganisationId)]) as Action[],
    reviewOn: previous?.reviewOn ?? '',
    consentOn: '',
    consentMethod: '',
  });
  const [vision, setVision] = draftField(draft, 'vision');
  const [issues, setIssues] = draftField(draft, 'issues');
  const [goals, setGoals] = draftField(draft, 'goals');
  const [actions, setActions] = draftField(draft, 'actions');
  const [reviewOn, setReviewOn] = draftField(draft, 'reviewOn');
  const [consentOn, setConsentOn] = draftField(draft, 'consentOn');
  const [consentMethod, setConsentMethod] = draftField(draft, 'consentMethod');
  const save = useCaseStep(id, '/plans', '支援プランを記録しました。', () => {
    draft.clear();
    navigate({ to: `/cases/${id}` });
  });
  const team = c.team
    .filter((m) => !m.leftOn)
    .map((m) => ({ value: m.organisationId, label: m.organisationName ?? '' }));

  const updateAction = (key: string, patch: Partial<Action>) =>
    setActions((list) => list.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const updateGoal = (key: string, patch: Partial<Goal>) =>
    setGoals((list) => list.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  const moveIssue = (index: number, by: number) =>
    setIssues((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item ?? '');
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      content: { vision, issues: issues.filter((i) => i.trim()), goals, actions },
      reviewOn,
      consentOn: consentOn || null,
      consentMethod: consentMethod || null,
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={1100}>
        <div>
          <Title order={1} size="h2">
            支援プラン（第{(previous?.version ?? 0) + 1}版）
          </Title>
          <Text c="gray.8">
            {c.householdName}
            。担当にできるのはチームの機関です（先に「機関を加える」でチームに入れてください）。
          </Text>
        </div>
        {draft.restored && <DraftRestored onDiscard={draft.reset} />}
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label="目指す姿（本人・世帯がどうなりたいか）"
              required
              autosize
              minRows={2}
              value={vision}
              onChange={(e) => setVision(e.currentTarget.value)}
            />
            <Text size="sm" fw={500}>
              取り組む課題（上ほど優先）
            </Text>
            {issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the position is the priority
              <Group key={index} gap="xs" wrap="nowrap">
                <Text w={24}>{index + 1}.</Text>
                <TextInput
                  aria-label={`課題${index + 1}`}
                  style={{ flex: 1 }}
                  value={issue}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setIssues((list) => list.map((v, i) => (i === index ? value : v)));
                  }}
                />
                <ActionIcon
                  variant="default"
                  aria-label="優先度を上げる"
                  disabled={index === 0}
                  onClick={() => moveIssue(index, -1)}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label="削除"
                  onClick={() => setIssues((list) => list.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() => setIssues((list) => [...list, ''])}
            >
              課題を追加
            </Button>
          </Stack>
        </Paper>
        {goals.map((goal, goalIndex) => (
          <Paper withBorder p="md" key={goal.key}>
            <Stack>
              <Group align="flex-end">
                <TextInput
                  label={`目標${goalIndex + 1}`}
                  required
                  style={{ flex: 1 }}
                  value={goal.text}
                  onChange={(e) => updateGoal(goal.key, { text: e.currentTarget.value })}
                />
                <TextInput
                  label="期間"
                  placeholder="例：6か月"
                  required
                  w={160}
                  value={goal.timeframe}
                  onChange={(e) => updateGoal(goal.key, { timeframe: e.currentTarget.value })}
                />
                {goals.length > 1 && (
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      setGoals((list) => list.filter((g) => g.key !== goal.key));
                      setActions((list) => list.filter((a) => a.goalKey !== goal.key));
                    }}
                  >
                    目標を削除
                  </Button>
                )}
              </Group>
              {actions
                .filter((a) => a.goalKey === goal.key)
                .map((action) => (
                  <Paper key={action.key} withBorder p="sm" bg="gray.0">
                    <Stack gap="xs">
                      <Group align="flex-end">
                        <TextInput
                          label="支援内容"
                          required
                          style={{ flex: 1 }}
                          value={action.text}
                          onChange={(e) => updateAction(action.key, { text: e.currentTarget.value })}
                        />
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          onClick={() => setActions((list) => list.filter((a) => a.key !== action.key))}
                        >
                          削除
                        </Button>
                      </Group>
                      <Grid>
                        <Grid.Col span={{ base: 12, md: 4 }}>
                          <Select
                            label="担当機関"
                            required
                            data={team}
                            value={action.organisationId}
                            onChange={(value) =>
                              updateAction(action.key, { organisationId: value, userId: null })
                            }
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, md: 2 }}>
                          <WorkerSelect
                            organisationId={action.organisationId}
                            value={action.userId}
                            onChange={(value) => updateAction(action.key, { userId: value })}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, md: 2 }}>
                          <TextInput
                            label="頻度"
                            placeholder="例：月2回"
                            required
                            value={action.frequency}
                            onChange={(e) => updateAction(action.key, { frequency: e.currentTarget.value })}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, md: 2 }}>
                          <TextInput
                            type="date"
                            label="開始"
                            required
                            value={action.from}
                            onChange={(e) => updateAction(action.key, { from: e.currentTarget.value })}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, md: 2 }}>
                          <TextInput
                            type="date"
                            label="終了"
                            required
                            value={action.until}
                            onChange={(e) => updateAction(action.key, { until: e.currentTarget.value })}
                          />
                        </Grid.Col>
                      </Grid>
                    </Stack>
                  </Paper>
                ))}
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() => setActions((list) => [...list, emptyAction(goal.key, null)])}
              >
                この目標に支援内容（役割分担）を追加
              </Button>
            </Stack>
          </Paper>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => {
            const key = newKey('g');
            setGoals((list) => [...list, { key, text: '', timeframe: '' }]);
            setActions((list) => [...list, emptyAction(key, null)]);
          }}
        >
          目標を追加
        </Button>
        <Paper withBorder p="md">
          <Group align="flex-end">
            <TextInput
              type="date"
              label="モニタリング時期"
              required
              value={reviewOn}
              onChange={(e) => setReviewOn(e.currentTarget.value)}
              w={200}
            />
            <TextInput
              type="date"
              label="本人・世帯の同意日（得ていれば）"
              value={consentOn}
              onChange={(e) => setConsentOn(e.currentTarget.value)}
              w={260}
            />
            <Radio.Group label="同意の方法" value={consentMethod} onChange={setConsentMethod}>
              <Group mt="xs">
                <Radio value="written" label="書面" />
                <Radio value="verbal" label="口頭" />
              </Group>
            </Radio.Group>
          </Group>
        </Paper>
        <PageFormButtons cancelTo={`/cases/${id}`} busy={save.isPending} label="この版を記録" />
      </Stack>
    </form>
  );
}
