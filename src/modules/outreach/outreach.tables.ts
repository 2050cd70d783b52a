import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type {
  ActivityKind,
  ContactMeans,
  ContactResult,
  EndReason,
  PartnerKind,
  ReporterKind,
  Risk,
  Stage,
} from '../../shared/outreach-vocabulary';
import { areas } from '../areas/areas.tables';
import { households } from '../households/households.tables';
import { consultations } from '../intake/intake.tables';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { users } from '../users/users.tables';

// 見守り協定先: organisations and businesses that agreed to tell the municipality what they notice.
export const watchPartners = pgTable(
  'watch_partners',
  {
    ...tenantRecord(),
    name: text('name').notNull(),
    kind: text('kind').$type<PartnerKind>().notNull(),
    agreedOn: date('agreed_on'),
    contactPerson: text('contact_person'),
    reportsWhat: text('reports_what'),
    reportsHow: text('reports_how'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('watch_partners_tenant').on(t.tenantId)],
);

// アウトリーチの記録: a person or household of concern, possibly not yet named, and the
// relationship built with them over months.
export const outreachRecords = pgTable(
  'outreach_records',
  {
    ...tenantRecord(),
    // How the team calls them until they are known, e.g. 「桜台3丁目 一人暮らしの男性」.
    label: text('label').notNull(),
    location: text('location'),
    areaId: uuid('area_id').references(() => areas.id),
    risk: text('risk').$type<Risk>().notNull(),
    stage: text('stage').$type<Stage>().notNull().default('not_contacted'),
    stageSince: date('stage_since').notNull(),
    endReason: text('end_reason').$type<EndReason>(),
    // Set when the person consents and a consultation opens: the history goes with them.
    consultationId: uuid('consultation_id').references(() => consultations.id),
    personId: uuid('person_id').references(() => persons.id),
    householdId: uuid('household_id').references(() => households.id),
    openedOn: date('opened_on').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [
    index('outreach_records_tenant_stage').on(t.tenantId, t.stage),
    index('outreach_records_household').on(t.householdId).where(sql`household_id is not null`),
  ],
);

// 担当のアウトリーチ支援員.
export const outreachAssignees = pgTable(
  'outreach_assignees',
  {
    ...tenantRecord(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => outreachRecords.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [index('outreach_assignees_record').on(t.recordId), index('outreach_assignees_user').on(t.userId)],
);

// 気になる人・世帯の報告. The reporter (staff who entered it) later sees only whether it was followed up.
export const concernReports = pgTable(
  'concern_reports',
  {
    ...tenantRecord(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => outreachRecords.id),
    receivedOn: date('received_on').notNull(),
    reporterKind: text('reporter_kind').$type<ReporterKind>().notNull(),
    partnerId: uuid('partner_id').references(() => watchPartners.id),
    reporterName: text('reporter_name'),
    location: text('location'),
    observed: text('observed').notNull(),
    peopleConcerned: text('people_concerned'),
    risk: text('risk').$type<Risk>().notNull(),
    enteredByUserId: uuid('entered_by_user_id')
      .notNull()
      .references(() => users.id),
    enteredByOrganisationId: uuid('entered_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('concern_reports_record').on(t.recordId),
    index('concern_reports_entered_by').on(t.enteredByUserId),
    index('concern_reports_tenant_received').on(t.tenantId, t.receivedOn),
  ],
);

// 接触の試み, and the groundwork before consent (情報収集, 見守りのネットワークづくり).
export const outreachActivities = pgTable(
  'outreach_activities',
  {
    ...tenantRecord(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => outreachRecords.id),
    kind: text('kind').$type<ActivityKind>().notNull(),
    happenedOn: date('happened_on').notNull(),
    means: text('means').$type<ContactMeans>(),
    result: text('result').$type<ContactResult>(),
    // Who went or who was asked: 民生委員, 地域包括, the family…
    withWhom: text('with_whom'),
    notes: text('notes'),
    nextContactOn: date('next_contact_on'),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('outreach_activities_record').on(t.recordId, t.happenedOn)],
);

// Every change of stage, with its day: the history, and the KPI medians.
export const outreachStageChanges = pgTable(
  'outreach_stage_changes',
  {
    ...tenantRecord(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => outreachRecords.id),
    fromStage: text('from_stage').$type<Stage>(),
    toStage: text('to_stage').$type<Stage>().notNull(),
    changedOn: date('changed_on').notNull(),
    note: text('note'),
    byUserId: uuid('by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('outreach_stage_changes_record').on(t.recordId)],
);
