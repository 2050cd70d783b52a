import { boolean, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { BroughtBy, Channel, ConsultationOutcome, ShareConsent } from '../../shared/intake-vocabulary';
import { households } from '../households/households.tables';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { resources } from '../resources/resources.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';

/**
 * 相談受付. Fields feeding the national statistics of 生活困窮者自立支援制度 are marked
 * [国統計]: 新規相談受付件数 (one row = one new consultation, by received_at),
 * つなぎ先 (outcome + the referrals made from it), 相談・情報提供のみで終了 (outcome info_only).
 * The same record serves both forms of the intake sheet: with and without the person's
 * consent to share (share_consent).
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    takenByUserId: uuid('taken_by_user_id').references(() => users.id),
    /** [国統計] 新規相談受付件数 */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    /** A place of the resource directory where the consultation was taken (阪南's ほっこり相談 at a salon). */
    placeResourceId: uuid('place_resource_id').references(() => resources.id),
    broughtBy: text('brought_by').$type<BroughtBy>().notNull(),
    personId: uuid('person_id').references(() => persons.id),
    householdId: uuid('household_id').references(() => households.id),
    mainComplaint: text('main_complaint').notNull(),
    issues: text('issues').array().notNull().default([]),
    /** The ◎ of the national form: the most pressing issue. */
    primaryIssue: text('primary_issue'),
    urgent: boolean('urgent').notNull().default(false),
    urgencyNote: text('urgency_note'),
    /** [国統計] つなぎ先 / 相談・情報提供のみで終了 */
    outcome: text('outcome').$type<ConsultationOutcome>().notNull(),
    shareConsent: text('share_consent').$type<ShareConsent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultations_person_org').on(t.personId, t.organisationId),
    index('consultations_household').on(t.householdId),
    index('consultations_org_received').on(t.organisationId, t.receivedAt),
    index('consultations_tenant_received').on(t.tenantId, t.receivedAt),
    // Covering indexes for the access scope: "which people/households has this organisation seen".
    index('consultations_org_person').on(t.organisationId, t.personId),
    index('consultations_org_household').on(t.organisationId, t.householdId),
  ],
);

/** Issues a municipality adds to the default vocabulary of DOMAIN.md (課題の追加). */
export const customIssues = pgTable(
  'custom_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    sensitive: boolean('sensitive').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('custom_issues_code').on(t.tenantId, t.code)],
);
