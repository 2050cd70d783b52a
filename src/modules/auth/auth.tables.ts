import { bigserial, boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.tables';
import { memberships, users } from '../users/users.tables';

// The session token itself never reaches the database: only its SHA-256 is stored.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    membershipId: uuid('membership_id').references(() => memberships.id, { onDelete: 'set null' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    clientIp: varchar('client_ip', { length: 64 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// Throttling counts attempts per login ID whether or not the ID exists, so that the
// answer never reveals which IDs are real. tenant_id is set only when the ID matched a user.
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    loginId: varchar('login_id', { length: 64 }).notNull(),
    clientIp: varchar('client_ip', { length: 64 }),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('login_attempts_login_idx').on(t.loginId, t.at),
    index('login_attempts_ip_idx').on(t.clientIp, t.at),
  ],
);
