import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../modules/tenants/tenants.tables';

/** The id and the municipality every record of a domain table carries. */
export const tenantRecord = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Optimistic concurrency for a record several people edit: the database bumps the version
 * and notes who changed it and when on every update (trigger app_bump_version, migration
 * 0009); a write sent with an older version is refused (db/versions.ts).
 */
export const editedBy = () => ({
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id'),
});
