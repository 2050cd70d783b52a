import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ReferralStatus } from '../../shared/intake-vocabulary';
import { households } from '../households/households.tables';
import { consultations } from '../intake/intake.tables';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';

// つなぎ with the common referral form (福生): 主訴, why, what was done, urgency, consent.
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    personId: uuid('person_id').references(() => persons.id),
    householdId: uuid('household_id').references(() => households.id),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    // null with toMultiAgency: the referral goes to the coordinators (多機関協働).
    toOrganisationId: uuid('to_organisation_id').references(() => organisations.id),
    toMultiAgency: boolean('to_multi_agency').notNull().default(false),
    mainComplaint: text('main_complaint').notNull(),
    reason: text('reason').notNull(),
    actionsTaken: text('actions_taken'),
    urgent: boolean('urgent').notNull().default(false),
    status: text('status').$type<ReferralStatus>().notNull(),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_to_org_status').on(t.toOrganisationId, t.status),
    index('referrals_from_org').on(t.fromOrganisationId, t.status),
    index('referrals_person').on(t.personId),
    index('referrals_to_org_person').on(t.toOrganisationId, t.personId, t.status),
    index('referrals_household').on(t.householdId),
    index('referrals_tenant_sent').on(t.tenantId, t.sentAt),
  ],
);

export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    fromStatus: text('from_status').$type<ReferralStatus>(),
    toStatus: text('to_status').$type<ReferralStatus>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    byOrganisationId: uuid('by_organisation_id').references(() => organisations.id),
    note: text('note'),
    // For a partner without a login the sender logs what happened (電話した, 受け入れの返事): the day it happened.
    occurredOn: date('occurred_on'),
  },
  (t) => [index('referral_events_referral').on(t.referralId)],
);
