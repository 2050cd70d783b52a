import { boolean, index, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import type { RelationshipKind } from '../../shared/intake-vocabulary';
import { areas } from '../areas/areas.tables';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { tenants } from '../tenants/tenants.tables';

// 世帯 as the family lives it, which may differ from the resident registry.
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: varchar('name', { length: 80 }).notNull(),
    address: text('address'),
    /** The 地区 the household lives in: where its cases count in the 地域づくり overview. */
    areaId: uuid('area_id').references(() => areas.id),
    notes: text('notes'),
    createdByOrganisationId: uuid('created_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_created_by_org').on(t.createdByOrganisationId),
    index('households_tenant_area').on(t.tenantId, t.areaId),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    // 続柄 as written by the office (本人, 母, 長男 …)
    relation: varchar('relation', { length: 30 }).notNull(),
    livesTogether: boolean('lives_together').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('household_members_unique').on(t.householdId, t.personId),
    index('household_members_person').on(t.personId),
  ],
);

// Ties for the genogram. parent_child: personA is the parent of personB.
export const personRelationships = pgTable('person_relationships', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  householdId: uuid('household_id')
    .notNull()
    .references(() => households.id),
  personAId: uuid('person_a_id')
    .notNull()
    .references(() => persons.id),
  personBId: uuid('person_b_id')
    .notNull()
    .references(() => persons.id),
  kind: text('kind').$type<RelationshipKind>().notNull(),
  ended: boolean('ended').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
