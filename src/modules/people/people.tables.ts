import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    familyName: varchar('family_name', { length: 60 }).notNull(),
    givenName: varchar('given_name', { length: 60 }),
    familyNameKana: varchar('family_name_kana', { length: 80 }),
    givenNameKana: varchar('given_name_kana', { length: 80 }),
    // Exact date when known; otherwise the year, or only an age band.
    birthDate: date('birth_date'),
    birthYear: integer('birth_year'),
    ageBand: varchar('age_band', { length: 10 }),
    gender: varchar('gender', { length: 30 }),
    address: text('address'),
    phones: text('phones').array().notNull().default([]),
    preferredLanguage: varchar('preferred_language', { length: 40 }),
    notes: text('notes'),
    deceasedOn: date('deceased_on'),
    isDeceased: boolean('is_deceased').notNull().default(false),
    createdByOrganisationId: uuid('created_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    // Set while this record is merged into another (名寄せ); cleared when the merge is undone.
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => persons.id),
    // Search keys (name-normalise.ts), kept in step with the fields above by the service.
    nameKey: text('name_key').notNull(),
    kanaKey: text('kana_key').notNull().default(''),
    phoneKeys: text('phone_keys').array().notNull().default([]),
    nameGrams: text('name_grams').array().notNull().default([]),
    addressGrams: text('address_grams').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedByUserId: uuid('updated_by_user_id'),
  },
  (t) => [
    index('persons_name_grams').using('gin', t.nameGrams),
    index('persons_address_grams').using('gin', t.addressGrams),
    index('persons_phone_keys').using('gin', t.phoneKeys),
    index('persons_tenant_birth').on(t.tenantId, t.birthDate),
    index('persons_created_by_org').on(t.createdByOrganisationId),
    index('persons_merged_into').on(t.mergedIntoId),
  ],
);

export const personMerges = pgTable('person_merges', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  keptPersonId: uuid('kept_person_id')
    .notNull()
    .references(() => persons.id),
  mergedPersonId: uuid('merged_person_id')
    .notNull()
    .references(() => persons.id),
  mergedByUserId: uuid('merged_by_user_id').references(() => users.id),
  mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
  undoneByUserId: uuid('undone_by_user_id').references(() => users.id),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
});

/**
 * Who might see each person, as tokens ('org:<id>', 'user:<id>', 'ma' for a referral to
 * 多機関協働, 'case' for a household with a case), kept by triggers (migration 0011). A superset
 * of the access rules: a read first drops the people whose tokens the actor holds none of (one
 * probe instead of a dozen), then applies the rules themselves.
 */
export const personAccessTokens = pgTable(
  'person_access_tokens',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    tokens: text('tokens').array().notNull(),
    // Each token paired with each of the person's name grams, hashed (app_search_keys, migration
    // 0027): a name search finds only the people it may show, in one index.
    nameKeys: integer('name_keys').array().notNull().default(sql`'{}'`),
  },
  (t) => [index('person_access_tokens_name_keys').using('gin', t.nameKeys)],
);

/**
 * The columns a person is read with: not the grams kept for the search indexes (dozens of strings
 * a person, which the driver would parse into arrays for nothing).
 */
export const personColumns = {
  id: persons.id,
  familyName: persons.familyName,
  givenName: persons.givenName,
  familyNameKana: persons.familyNameKana,
  givenNameKana: persons.givenNameKana,
  birthDate: persons.birthDate,
  birthYear: persons.birthYear,
  ageBand: persons.ageBand,
  gender: persons.gender,
  address: persons.address,
  phones: persons.phones,
  preferredLanguage: persons.preferredLanguage,
  notes: persons.notes,
  isDeceased: persons.isDeceased,
  deceasedOn: persons.deceasedOn,
  mergedIntoId: persons.mergedIntoId,
  createdByOrganisationId: persons.createdByOrganisationId,
  createdAt: persons.createdAt,
  version: persons.version,
  nameKey: persons.nameKey,
  kanaKey: persons.kanaKey,
  phoneKeys: persons.phoneKeys,
};
