import { z } from 'zod';
import { ASSESSMENT_DOMAINS, GOAL_RESULTS, URGENCY_LEVELS } from '../../shared/case-vocabulary';
import { optionalText, requiredText, ZId, ZIsoDate } from '../../shared/schema-helpers';

// The structured content of the versioned documents (assessment, plan, evaluation), kept as
// JSON so that every version is a whole, comparable document.

const ZKey = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: '項目の識別子が正しくありません。' });

const situations = Object.fromEntries(
  ASSESSMENT_DOMAINS.map((domain) => [domain, optionalText('状況', 2000)]),
) as Record<(typeof ASSESSMENT_DOMAINS)[number], ReturnType<typeof optionalText>>;

export const ZAssessmentMember = z.strictObject({
  personId: ZId,
  situations: z.strictObject(situations),
});

export const ZAssessmentInput = z.strictObject({
  members: z.array(ZAssessmentMember).min(1, { error: '対象の世帯員を一人以上選んでください。' }).max(20),
  wishes: requiredText('本人・世帯の思い', 4000),
  strengths: optionalText('本人・世帯の力', 4000),
  resources: optionalText('地域の資源', 4000),
  risks: optionalText('リスク', 4000),
  urgency: z.enum(URGENCY_LEVELS, { error: '緊急度を選んでください。' }),
  view: requiredText('コーディネーターの見立て', 4000),
});
export type AssessmentInput = z.infer<typeof ZAssessmentInput>;

/** The household as it was when the assessment was written (names, 続柄, age). */
export type CompositionEntry = { personId: string; name: string; relationship: string | null; age: string };
export type AssessmentContent = AssessmentInput & { composition: CompositionEntry[] };

export const ZPlanGoal = z.strictObject({
  key: ZKey,
  text: requiredText('目標', 1000),
  timeframe: requiredText('目標の期間', 100),
});

export const ZPlanAction = z.strictObject({
  key: ZKey,
  goalKey: ZKey.nullable().default(null),
  text: requiredText('支援内容', 1000),
  organisationId: ZId,
  userId: ZId.nullable().default(null),
  frequency: requiredText('頻度', 100),
  from: ZIsoDate,
  until: ZIsoDate,
});

export const ZPlanContent = z
  .strictObject({
    vision: requiredText('目指す姿', 2000),
    issues: z
      .array(requiredText('課題', 500))
      .min(1, { error: '取り組む課題を一つ以上入力してください。' })
      .max(20),
    goals: z.array(ZPlanGoal).min(1, { error: '目標を一つ以上入力してください。' }).max(20),
    actions: z
      .array(ZPlanAction)
      .min(1, { error: '役割分担（支援内容）を一つ以上入力してください。' })
      .max(60),
  })
  .refine((p) => new Set(p.goals.map((g) => g.key)).size === p.goals.length, {
    error: '目標の識別子が重複しています。',
    path: ['goals'],
  })
  // an action is marked done by its key (case_action_completions): two actions of one key would be done together
  .refine((p) => new Set(p.actions.map((a) => a.key)).size === p.actions.length, {
    error: '支援内容の識別子が重複しています。',
    path: ['actions'],
  })
  .refine((p) => p.actions.every((a) => !a.goalKey || p.goals.some((g) => g.key === a.goalKey)), {
    error: '支援内容が、プランにない目標を指しています。',
    path: ['actions'],
  })
  .refine((p) => p.actions.every((a) => a.from <= a.until), {
    error: '支援内容の期間は、開始日が終了日より前になるように入力してください。',
    path: ['actions'],
  });
export type PlanContent = z.infer<typeof ZPlanContent>;

export const ZEvaluationGoal = z.strictObject({
  goalKey: ZKey,
  result: z.enum(GOAL_RESULTS, { error: '目標ごとに評価（達成・一部達成・未達成）を選んでください。' }),
  comment: optionalText('目標の評価コメント', 2000),
});
export type EvaluationGoal = z.infer<typeof ZEvaluationGoal>;
