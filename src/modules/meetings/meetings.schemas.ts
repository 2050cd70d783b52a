import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { CASE_STATUSES, CLOSURE_REASONS } from '../../shared/case-vocabulary';
import {
  ITEM_DECISION_TYPES,
  LEGAL_BASES,
  SESSION_STATES,
  TIERS,
  TOPIC_KINDS,
} from '../../shared/meeting-vocabulary';
import {
  optionalText,
  plainText,
  requiredText,
  ZDoneDate,
  ZEntryDate,
  ZId,
  ZIsoDate,
} from '../../shared/schema-helpers';
import { ZConnectionInput } from '../cases/cases.schemas';
import { ZRecord } from '../outreach/outreach.schemas';

// ---- requests ----

export const ZBodyInput = z.strictObject({
  name: requiredText('会議体の名称', 100),
  legalBasis: z.enum(LEGAL_BASES, { error: '根拠（会議の種類）を選んでください。' }),
  tier: z.enum(TIERS).nullable().default(null),
  requiresConsent: z.boolean({ error: '本人同意の要否を選んでください。' }),
  /** 事例は扱わない（テーマのみ）: no case or outreach record may be tabled. */
  themesOnly: z.boolean().default(false),
  cadence: optionalText('開催頻度', 100),
  isActive: z.boolean().default(true),
});
export type BodyInput = z.infer<typeof ZBodyInput>;

/** A member is a user of the system, or an outside person named with their affiliation. */
export const ZMemberInput = z.strictObject({
  userId: ZId.nullable().default(null),
  name: optionalText('氏名', 100),
  affiliation: optionalText('所属', 100),
  confidentialityNotifiedOn: ZDoneDate('守秘義務を説明した日').nullable().default(null),
});
export type MemberInput = z.infer<typeof ZMemberInput>;

/** Outside members in bulk, as a list of 40–50 people is pasted or read from a CSV: 氏名・所属・役職. */
export const ZMembersBulk = z.strictObject({
  members: z
    .array(
      z.strictObject({
        name: requiredText('氏名', 100),
        affiliation: optionalText('所属', 100),
        title: optionalText('役職', 100),
      }),
    )
    .min(1, { error: '加える方を1人以上入力してください。' })
    .max(200, { error: '一度に加えられるのは200人までです。' }),
});
export type MembersBulk = z.infer<typeof ZMembersBulk>;

export const ZMemberUpdate = z.strictObject({
  /** Only for a member from outside (a staff member's name is their account's). */
  name: requiredText('氏名', 100).optional(),
  affiliation: plainText('所属', 100).nullable().optional(),
  title: plainText('役職', 100).nullable().optional(),
  confidentialityNotifiedOn: ZDoneDate('守秘義務を説明した日').nullable().optional(),
  leftOn: ZIsoDate.nullable().optional(),
  version: ZVersion,
});
export type MemberUpdate = z.infer<typeof ZMemberUpdate>;

// a session's day dates the decisions taken in it: not before 1900, as every date of a record
const ZStartsAt = z.iso
  .datetime({ offset: true, error: '開催日時を入力してください。', abort: true })
  // the moment, not the text: an offset of +23:59 moves the day in Japan
  .refine((value) => Date.parse(value) >= Date.parse('1900-01-01T00:00:00+09:00'), {
    error: '開催日時が古すぎます。日付を確かめてください。',
    params: { code: 'DATE_TOO_OLD' },
  });

export const ZSessionInput = z.strictObject({
  bodyId: ZId,
  startsAt: ZStartsAt,
  place: optionalText('場所', 200),
  online: z.boolean().default(false),
});
export type SessionInput = z.infer<typeof ZSessionInput>;

export const ZSessionUpdate = z.strictObject({
  startsAt: ZStartsAt.optional(),
  place: optionalText('場所', 200).optional(),
  online: z.boolean().optional(),
  minutes: optionalText('会議録', 20000).optional(),
  version: ZVersion,
});
export type SessionUpdate = z.infer<typeof ZSessionUpdate>;

export const ZHeldInput = z.strictObject({ heldOn: ZEntryDate('開催日') });

export const ZAttendeeInput = ZMemberInput.extend({
  memberId: ZId.nullable().default(null),
});
export type AttendeeInput = z.infer<typeof ZAttendeeInput>;

export const ZAttendeeUpdate = z.strictObject({
  confidentialityNotifiedOn: ZDoneDate('守秘義務を説明した日').nullable(),
});

export const ZItemInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('case'), caseId: ZId, notes: optionalText('メモ', 4000) }),
    z.strictObject({
      kind: z.literal('outreach'),
      outreachRecordId: ZId,
      notes: optionalText('メモ', 4000),
    }),
    z.strictObject({
      kind: z.literal('topic'),
      topicKind: z.enum(TOPIC_KINDS, { error: '議題の種類を選んでください。' }),
      title: requiredText('議題', 200),
      notes: optionalText('メモ', 4000),
    }),
  ],
  { error: '議題の種類（事例・アウトリーチの記録・テーマ）を選んでください。' },
);
export type ItemInput = z.infer<typeof ZItemInput>;

export const ZItemUpdate = z.strictObject({
  notes: optionalText('記録', 8000).optional(),
  proposedOrganisationIds: z.array(ZId).max(30).optional(),
  version: ZVersion,
});
export type ItemUpdate = z.infer<typeof ZItemUpdate>;

export const ZItemDecisionInput = z.strictObject({
  type: z.enum(ITEM_DECISION_TYPES, { error: '決定の種類を選んでください。' }),
  content: requiredText('決定の内容', 4000),
  closureReason: z.enum(CLOSURE_REASONS).nullable().default(null),
  connection: ZConnectionInput.nullable().default(null),
});
export type ItemDecisionInput = z.infer<typeof ZItemDecisionInput>;

export const ZActionItemInput = z.strictObject({
  itemId: ZId.nullable().default(null),
  description: requiredText('内容', 1000),
  ownerOrganisationId: ZId,
  ownerUserId: ZId.nullable().default(null),
  dueOn: ZIsoDate,
});
export type ActionItemInput = z.infer<typeof ZActionItemInput>;

export const ZSessionListQuery = z.object({
  /** upcoming: not yet started; awaiting: started but not recorded as held (記録待ち); past: held */
  when: z.enum(['upcoming', 'awaiting', 'past', 'all']).default('upcoming'),
  bodyId: ZId.optional(),
  /** Only sessions with this case on the agenda (the closure dialog links its decision to one). */
  caseId: ZId.optional(),
});
export type SessionListQuery = z.infer<typeof ZSessionListQuery>;

export const ZSessionParam = z.object({ id: ZId });
export const ZItemParam = z.object({ id: ZId, itemId: ZId });
export const ZPacketParam = z.object({ id: ZId, caseId: ZId });
export const ZChildParam = z.object({ id: ZId, childId: ZId });

// ---- responses ----

const ZMember = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  affiliation: z.string().nullable(),
  title: z.string().nullable(),
  confidentialityNotifiedOn: z.string().nullable(),
  /** The day they became a member (the record's day, in Japan) and the day they left. */
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  version: z.number(),
});

export const ZBody = z.object({
  id: z.string(),
  name: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  tier: z.enum(TIERS).nullable(),
  requiresConsent: z.boolean(),
  themesOnly: z.boolean(),
  confidentialityBound: z.boolean(),
  cadence: z.string().nullable(),
  isActive: z.boolean(),
  members: z.array(ZMember),
});
export type Body = z.infer<typeof ZBody>;
export const ZBodyList = z.object({ items: z.array(ZBody), canRun: z.boolean() });

export const ZSessionSummary = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  startsAt: z.string(),
  place: z.string().nullable(),
  online: z.boolean(),
  state: z.enum(SESSION_STATES),
  /** 記録待ち: its start time has passed and it is not recorded as held. */
  awaitingRecord: z.boolean(),
  heldOn: z.string().nullable(),
  caseCount: z.number(),
  topicCount: z.number(),
});
export type SessionSummary = z.infer<typeof ZSessionSummary>;
export const ZSessionList = z.object({ items: z.array(ZSessionSummary), canRun: z.boolean() });

const ZAttendee = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string(),
  affiliation: z.string().nullable(),
  isGuest: z.boolean(),
  confidentialityNotifiedOn: z.string().nullable(),
});

const ZItemDecision = z.object({
  id: z.string(),
  type: z.enum(ITEM_DECISION_TYPES),
  content: z.string(),
  caseDecisionId: z.string().nullable(),
  createdAt: z.string(),
});

export const ZAgendaItem = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(['case', 'outreach', 'topic']),
  caseId: z.string().nullable(),
  outreachRecordId: z.string().nullable(),
  caseTitle: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  consentInForce: z.boolean().nullable(),
  topicKind: z.enum(TOPIC_KINDS).nullable(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
  proposedOrganisationIds: z.array(z.string()),
  removedOn: z.string().nullable(),
  removedReason: z.string().nullable(),
  decisions: z.array(ZItemDecision),
  version: z.number(),
});
export type AgendaItem = z.infer<typeof ZAgendaItem>;

export const ZActionItem = z.object({
  id: z.string(),
  sessionId: z.string(),
  itemId: z.string().nullable(),
  description: z.string(),
  ownerOrganisationId: z.string(),
  ownerOrganisationName: z.string(),
  ownerUserId: z.string().nullable(),
  ownerUserName: z.string().nullable(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
});
export type ActionItem = z.infer<typeof ZActionItem>;

export const ZSession = ZSessionSummary.extend({
  minutes: z.string().nullable(),
  version: z.number(),
  preparedAt: z.string().nullable(),
  requiresConsent: z.boolean(),
  themesOnly: z.boolean(),
  confidentialityBound: z.boolean(),
  tier: z.enum(TIERS).nullable(),
  /** The last day attendees may read the packets (null until the session is held). */
  packetWindowEndsOn: z.string().nullable(),
  canRun: z.boolean(),
  /** False for an attendee of a confidentiality-bound body not yet told of the duty. */
  agendaVisible: z.boolean(),
  /** Why the agenda is not shown: no record of being told of the duty, not handed out yet, or the window has closed. */
  agendaHiddenReason: z.enum(['confidentiality', 'not_distributed', 'window_closed']).nullable(),
  packetsOpen: z.boolean(),
  attendees: z.array(ZAttendee),
  items: z.array(ZAgendaItem),
  actionItems: z.array(ZActionItem),
});
export type Session = z.infer<typeof ZSession>;

export const ZActionItemList = z.object({
  items: z.array(ZActionItem.extend({ bodyName: z.string(), startsAt: z.string() })),
});

const ZPacketPerson = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  age: z.string(),
  isDeceased: z.boolean(),
  relation: z.string().nullable(),
  livesTogether: z.boolean(),
  concerned: z.boolean(),
});

const ZPacketSession = z.object({
  id: z.string(),
  bodyName: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  startsAt: z.string(),
  packetWindowEndsOn: z.string().nullable(),
});

/** 会議資料 of a tabled outreach record: what was reported and what contact there has been. */
export const ZOutreachPacket = z.object({
  session: ZPacketSession,
  itemId: z.string(),
  notes: z.string().nullable(),
  record: ZRecord.pick({
    id: true,
    label: true,
    location: true,
    risk: true,
    stage: true,
    stageSince: true,
    openedOn: true,
    lastContactOn: true,
    reports: true,
    activities: true,
    stageChanges: true,
  }),
});
export type OutreachPacket = z.infer<typeof ZOutreachPacket>;

export const ZPacket = z.object({
  session: ZPacketSession,
  itemId: z.string(),
  /** Sent back with a change to the item's agencies (optimistic concurrency). */
  itemVersion: z.number(),
  case: z.object({
    id: z.string(),
    status: z.enum(CASE_STATUSES),
    summary: z.string(),
    openedOn: z.string(),
    householdName: z.string(),
  }),
  members: z.array(ZPacketPerson),
  relationships: z.array(
    z.object({
      personAId: z.string(),
      personBId: z.string(),
      kind: z.string(),
      ended: z.boolean(),
    }),
  ),
  issues: z.array(z.string()),
  /** Before there is a plan, the issues are those the intake recorded (◎ first). */
  issuesAtIntake: z.boolean().optional(),
  team: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      role: z.string(),
      userName: z.string().nullable(),
      isLead: z.boolean(),
      /** 外部の関係機関 (no login); absent from packets handed out before partners existed */
      external: z.boolean().optional(),
    }),
  ),
  proposedOrganisations: z.array(z.object({ id: z.string(), name: z.string() })),
  plan: z
    .object({
      version: z.number(),
      approved: z.boolean(),
      vision: z.string(),
      goals: z.array(z.object({ text: z.string(), timeframe: z.string() })),
      /** 役割分担: who does what (for a plan awaiting approval, what the meeting is asked to approve). */
      actions: z.array(
        z.object({
          text: z.string(),
          organisationName: z.string(),
          frequency: z.string(),
          until: z.string(),
        }),
      ),
      reviewOn: z.string().nullable(),
    })
    .nullable(),
  openActions: z.array(
    z.object({
      text: z.string(),
      organisationName: z.string(),
      until: z.string().nullable(),
      source: z.enum(['plan', 'meeting']),
    }),
  ),
  notes: z.string().nullable(),
});
export type Packet = z.infer<typeof ZPacket>;
