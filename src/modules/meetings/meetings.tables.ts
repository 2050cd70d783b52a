import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type { ItemDecisionType, LegalBasis, Tier, TopicKind } from '../../shared/meeting-vocabulary';
import { caseDecisions, cases } from '../cases/cases.tables';
import { organisations } from '../organisations/organisations.tables';
import { outreachRecords } from '../outreach/outreach.tables';
import { users } from '../users/users.tables';

// 会議体: a standing meeting of the municipality, with the law it sits under.
export const meetingBodies = pgTable(
  'meeting_bodies',
  {
    ...tenantRecord(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').$type<LegalBasis>().notNull(),
    tier: text('tier').$type<Tier>(),
    // A case may be tabled only while the person's consent (to all agencies) is in force.
    requiresConsent: boolean('requires_consent').notNull(),
    // 事例は扱わない（テーマのみ）: an information-sharing body (三田's 全体会議) never sees a case.
    themesOnly: boolean('themes_only').notNull().default(false),
    cadence: text('cadence'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_bodies_tenant').on(t.tenantId)],
);

// 構成員: a user of the system, or an outside person (lawyer, probation officer, doctor…).
export const meetingBodyMembers = pgTable(
  'meeting_body_members',
  {
    ...tenantRecord(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => meetingBodies.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    affiliation: text('affiliation'),
    /** 役職, as a member list of 40–50 people gives it */
    title: text('title'),
    // The day the member was told of the statutory duty of confidentiality (守秘義務).
    confidentialityNotifiedOn: date('confidentiality_notified_on'),
    leftOn: date('left_on'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('meeting_body_members_body').on(t.bodyId), index('meeting_body_members_user').on(t.userId)],
);

// 会議（開催回）. The meeting packet of a case opens at prepared_at and closes a number of days
// (municipal setting) after held_on.
export const meetingSessions = pgTable(
  'meeting_sessions',
  {
    ...tenantRecord(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => meetingBodies.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    online: boolean('online').notNull().default(false),
    minutes: text('minutes'),
    preparedAt: timestamp('prepared_at', { withTimezone: true }),
    // The municipality's packet window as it was at 資料配付: a later change does not reopen it.
    packetWindowDays: integer('packet_window_days'),
    heldOn: date('held_on'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [
    index('meeting_sessions_body').on(t.bodyId, t.startsAt),
    index('meeting_sessions_tenant').on(t.tenantId, t.startsAt),
  ],
);

// 出席者: members of the body and guests. A guest of a confidentiality-bound body sees nothing
// until recorded as told of the duty.
export const sessionAttendees = pgTable(
  'session_attendees',
  {
    ...tenantRecord(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => meetingSessions.id),
    memberId: uuid('member_id').references(() => meetingBodyMembers.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    affiliation: text('affiliation'),
    isGuest: boolean('is_guest').notNull().default(false),
    confidentialityNotifiedOn: date('confidentiality_notified_on'),
    createdAt: createdAt(),
  },
  (t) => [index('session_attendees_session').on(t.sessionId), index('session_attendees_user').on(t.userId)],
);

// 議題: a tabled case or a topic (regional issue, resource development, system issue).
export const agendaItems = pgTable(
  'agenda_items',
  {
    ...tenantRecord(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => meetingSessions.id),
    position: integer('position').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    // An outreach record, tabled at a 支援会議 before the person has consented.
    outreachRecordId: uuid('outreach_record_id').references(() => outreachRecords.id),
    topicKind: text('topic_kind').$type<TopicKind>(),
    title: text('title'),
    notes: text('notes'),
    // Agencies the meeting thinks should be involved (the whiteboard's "これから関わる機関").
    proposedOrganisationIds: uuid('proposed_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // Taken off the agenda (consent withdrawn before a consent-bound meeting): kept, struck through.
    removedOn: date('removed_on'),
    removedReason: text('removed_reason'),
    // 会議資料 as handed out at 資料配付 (what attendees see, not the live case); re-distributing replaces it.
    packetSnapshot: jsonb('packet_snapshot'),
    packetSnapshotAt: timestamp('packet_snapshot_at', { withTimezone: true }),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('agenda_items_session').on(t.sessionId), index('agenda_items_case').on(t.caseId)],
);

// 決定: per agenda item; a decision on a case also becomes the case's decision record.
export const agendaDecisions = pgTable(
  'agenda_decisions',
  {
    ...tenantRecord(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => meetingSessions.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    type: text('type').$type<ItemDecisionType>().notNull(),
    content: text('content').notNull(),
    caseDecisionId: uuid('case_decision_id').references(() => caseDecisions.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('agenda_decisions_session').on(t.sessionId), index('agenda_decisions_item').on(t.itemId)],
);

// 宿題: what someone undertook at the meeting, in their work queue until done.
export const sessionActionItems = pgTable(
  'session_action_items',
  {
    ...tenantRecord(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => meetingSessions.id),
    itemId: uuid('item_id').references(() => agendaItems.id),
    description: text('description').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    doneByUserId: uuid('done_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('session_action_items_owner').on(t.ownerOrganisationId, t.dueOn).where(sql`done_on is null`)],
);
