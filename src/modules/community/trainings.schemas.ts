import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { TRAINING_AUDIENCES, TRAINING_SCOPES, TRAINING_TOPICS } from '../../shared/community-vocabulary';
import { optionalText, requiredText, ZDoneDate } from '../../shared/schema-helpers';

// 研修・人材育成: each training held, who came from where, and the counts of a fiscal year.

const ZCount = (label: string) =>
  z
    .number({ error: `${label}は数値で入力してください。` })
    .int({ error: `${label}は整数で入力してください。` })
    .min(0, { error: `${label}は0以上で入力してください。` })
    .max(100_000, { error: `${label}が大きすぎます。` });

export const ZOrganisationCount = z.strictObject({
  organisation: requiredText('参加した機関・団体', 80),
  count: ZCount('機関ごとの参加者数'),
});

const trainingFields = {
  title: requiredText('研修名', 120),
  heldOn: ZDoneDate('開催日'),
  scope: z.enum(TRAINING_SCOPES, { error: '庁内・庁外を選んでください。' }),
  audiences: z
    .array(z.enum(TRAINING_AUDIENCES, { error: '対象を選んでください。' }))
    .min(1, { error: '対象を1つ以上選んでください。' })
    .max(TRAINING_AUDIENCES.length),
  organiser: requiredText('主催', 80),
  topics: z.array(z.enum(TRAINING_TOPICS, { error: 'テーマを選んでください。' })).max(TRAINING_TOPICS.length),
  participantsByOrganisation: z.array(ZOrganisationCount).max(50, { error: '機関別の行は50行までです。' }),
  participantsTotal: ZCount('参加者の合計'),
  materials: optionalText('資料（題名・リンク）', 2000),
  notes: optionalText('メモ', 2000),
};

export const sumOf = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);

/** The message when the total is less than the rows by organisation add up to. */
export const totalBelowRows = (total: number, sum: number) =>
  `参加者の合計（${total}人）が、機関別の人数を足した数（${sum}人）より少なくなっています。合計を確かめてください。`;

export const ZTrainingInput = z
  .strictObject({
    ...trainingFields,
    topics: trainingFields.topics.default([]),
    participantsByOrganisation: trainingFields.participantsByOrganisation.default([]),
    materials: trainingFields.materials.default(null),
    notes: trainingFields.notes.default(null),
  })
  .superRefine((t, ctx) => {
    const sum = sumOf(t.participantsByOrganisation);
    if (t.participantsTotal < sum)
      ctx.addIssue({
        code: 'custom',
        path: ['participantsTotal'],
        message: totalBelowRows(t.participantsTotal, sum),
        params: { code: 'TOTAL_BELOW_ROWS' },
      });
  });
export type TrainingInput = z.infer<typeof ZTrainingInput>;

export const ZTrainingUpdate = z.strictObject(trainingFields).partial().extend({ version: ZVersion });
export type TrainingUpdate = z.infer<typeof ZTrainingUpdate>;

export const ZTrainingFilter = z.object({
  fiscalYear: z.coerce
    .number({ error: '年度は数値で指定してください。' })
    .int()
    .min(2000, { error: '年度は2000年度以降を指定してください。' })
    .max(2100)
    .optional(),
  scope: z.enum(TRAINING_SCOPES, { error: '庁内・庁外のどちらかを指定してください。' }).optional(),
});
export type TrainingFilter = z.infer<typeof ZTrainingFilter>;

export const ZTraining = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  scope: z.enum(TRAINING_SCOPES),
  audiences: z.array(z.enum(TRAINING_AUDIENCES)),
  organiser: z.string(),
  topics: z.array(z.enum(TRAINING_TOPICS)),
  participantsByOrganisation: z.array(z.object({ organisation: z.string(), count: z.number() })),
  participantsTotal: z.number(),
  materials: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
});
export type Training = z.infer<typeof ZTraining>;

const ZTally = z.object({ trainings: z.number(), participants: z.number() });

export const ZTrainingCounts = z.object({
  total: ZTally,
  byScope: z.array(ZTally.extend({ scope: z.enum(TRAINING_SCOPES) })),
  byAudience: z.array(ZTally.extend({ audience: z.enum(TRAINING_AUDIENCES) })),
  byTopic: z.array(ZTally.extend({ topic: z.enum(TRAINING_TOPICS) })),
});
export type TrainingCounts = z.infer<typeof ZTrainingCounts>;

export const ZTrainingList = z.object({
  fiscalYear: z.number(),
  fiscalYearLabel: z.string(),
  /** Fiscal years with trainings, and the current one, newest first (for the year picker). */
  fiscalYears: z.array(z.object({ fiscalYear: z.number(), label: z.string() })),
  trainings: z.array(ZTraining),
  /** The whole fiscal year, whatever the 庁内/庁外 filter. */
  counts: ZTrainingCounts,
  canWrite: z.boolean(),
});
export type TrainingList = z.infer<typeof ZTrainingList>;

export const ZDeleted = z.object({ deleted: z.string() });
