import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ConsentMethod, ConsentScope } from '../../shared/intake-vocabulary';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';

// 同意: whose, for what, shared with whom, when, how, by whom; withdrawal keeps the record.
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    purpose: text('purpose').notNull(),
    scope: text('scope').$type<ConsentScope>().notNull(),
    organisationIds: uuid('organisation_ids').array().notNull().default([]),
    obtainedOn: date('obtained_on').notNull(),
    method: text('method').$type<ConsentMethod>().notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedByOrganisationId: uuid('recorded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    withdrawnOn: date('withdrawn_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_person').on(t.personId)],
);
