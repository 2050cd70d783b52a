import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type {
  EndReason,
  PlacementStage,
  Reach,
  TimeOfDay,
  Wish,
} from '../../shared/participation-vocabulary';
import { areas } from '../areas/areas.tables';
import { cases } from '../cases/cases.tables';
import { consultations } from '../intake/intake.tables';
import { organisations } from '../organisations/organisations.tables';
import { outreachRecords } from '../outreach/outreach.tables';
import { persons } from '../people/people.tables';
import { resources } from '../resources/resources.tables';
import { users } from '../users/users.tables';

/** Why a resource was proposed, kept as it was shown (the directory may change later). */
export type MatchNotes = { reasons: string[]; mismatches: string[]; score: number };

// 参加支援: a person's wishes and conditions, and the places tried with them. Opened from a
// case, a consultation or an outreach record; seen by those who may see the person.
export const participationSupports = pgTable(
  'participation_supports',
  {
    ...tenantRecord(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    caseId: uuid('case_id').references(() => cases.id),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    outreachRecordId: uuid('outreach_record_id').references(() => outreachRecords.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    coordinatorUserId: uuid('coordinator_user_id')
      .notNull()
      .references(() => users.id),
    wishes: text('wishes').array().$type<Wish[]>().notNull().default([]),
    inTheirWords: text('in_their_words'),
    weekdays: integer('weekdays').array().notNull().default([]),
    timesOfDay: text('times_of_day').array().$type<TimeOfDay[]>().notNull().default([]),
    areaId: uuid('area_id').references(() => areas.id),
    reach: text('reach').$type<Reach>().notNull().default('city'),
    companion: text('companion'),
    health: text('health'),
    anxieties: text('anxieties'),
    strengths: text('strengths'),
    interests: text('interests'),
    onlyFree: boolean('only_free').notNull().default(false),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [
    index('participation_supports_person').on(t.tenantId, t.personId),
    index('participation_supports_coordinator').on(t.tenantId, t.coordinatorUserId),
  ],
);

// One place tried with a person: 提案 → 見学 → 体験 → 参加開始 → 定着支援 → 終了 / 中断.
export const placements = pgTable(
  'placements',
  {
    ...tenantRecord(),
    supportId: uuid('support_id')
      .notNull()
      .references(() => participationSupports.id),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    stage: text('stage').$type<PlacementStage>().notNull().default('proposed'),
    proposedOn: date('proposed_on').notNull(),
    visitedOn: date('visited_on'),
    trialOn: date('trial_on'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    endReason: text('end_reason').$type<EndReason>(),
    matchNotes: jsonb('match_notes').$type<MatchNotes>(),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [
    index('placements_support').on(t.tenantId, t.supportId),
    index('placements_resource').on(t.tenantId, t.resourceId),
  ],
);

// What happened on the path: each move, what the person and the receiving side said, and
// each follow-up contact.
export const placementEvents = pgTable(
  'placement_events',
  {
    ...tenantRecord(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    kind: text('kind').$type<'stage' | 'follow_up'>().notNull(),
    toStage: text('to_stage').$type<PlacementStage>(),
    happenedOn: date('happened_on').notNull(),
    personSaid: text('person_said'),
    receiverSaid: text('receiver_said'),
    note: text('note'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('placement_events_placement').on(t.tenantId, t.placementId, t.happenedOn)],
);

// 定着支援: follow-ups on a schedule, each done by a recorded contact.
export const placementFollowUps = pgTable(
  'placement_follow_ups',
  {
    ...tenantRecord(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    eventId: uuid('event_id').references(() => placementEvents.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('placement_follow_ups_placement').on(t.tenantId, t.placementId),
    index('placement_follow_ups_due').on(t.tenantId, t.dueOn),
  ],
);

// 新たなメニューの創造: what a person needed that no resource offered. Counted per kind and
// area without naming anyone; a resource created later may answer it.
export const unmetNeeds = pgTable(
  'unmet_needs',
  {
    ...tenantRecord(),
    supportId: uuid('support_id')
      .notNull()
      .references(() => participationSupports.id),
    wish: text('wish').$type<Wish>().notNull(),
    areaId: uuid('area_id').references(() => areas.id),
    conditions: text('conditions').notNull(),
    recordedOn: date('recorded_on').notNull(),
    answeredByResourceId: uuid('answered_by_resource_id').references(() => resources.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('unmet_needs_tenant').on(t.tenantId, t.recordedOn)],
);
