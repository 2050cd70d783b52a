import { boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
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
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_tenant_idx').on(t.tenantId, t.name)],
);
