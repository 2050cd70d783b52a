import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../modules/tenants/tenants.tables';

/** The id and the municipality every record of a domain table carries. */
export const tenantRecord = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
