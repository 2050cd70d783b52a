import { boolean, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Field, OrganisationKind, StatutoryFunction } from '../../shared/vocabulary';
import { areas } from '../areas/areas.tables';
import { tenants } from '../tenants/tenants.tables';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: varchar('name', { length: 120 }).notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    functions: text('functions').array().$type<StatutoryFunction[]>().notNull().default([]),
    fields: text('fields').array().$type<Field[]>().notNull().default([]),
    areaId: uuid('area_id').references(() => areas.id),
    phone: varchar('phone', { length: 40 }),
    // 外部の関係機関 (保護観察所, ハローワーク, 医療機関…): on teams and referrals, but no staff accounts.
    external: boolean('external').notNull().default(false),
    contactPerson: varchar('contact_person', { length: 60 }),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id'),
  },
  (t) => [index('organisations_tenant_idx').on(t.tenantId, t.name)],
);
