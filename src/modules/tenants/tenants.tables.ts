import { boolean, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

// One row per municipality (自治体). Every other table carries tenant_id pointing here.
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  // 全国地方公共団体コード (6 digits incl. check digit)
  code: varchar('code', { length: 6 }).notNull().unique(),
  name: varchar('name', { length: 100 }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  // Municipal setting: a referral not accepted within this many days is flagged overdue.
  referralOverdueDays: integer('referral_overdue_days').notNull().default(3),
  // Municipal setting: a case (or a team agency) with no support record for this many days is flagged.
  caseInactivityDays: integer('case_inactivity_days').notNull().default(30),
  // Municipal setting: a meeting packet stays readable to attendees this many days after the session.
  packetWindowDays: integer('packet_window_days').notNull().default(14),
  // Municipal setting: an open outreach record with no contact attempt for this many days is stale.
  outreachStaleDays: integer('outreach_stale_days').notNull().default(30),
  // Municipal setting: how many days back a record may be dated (a consultation received, a
  // support given, a consent obtained…) when it is entered.
  backdateLimitDays: integer('backdate_limit_days').notNull().default(365),
  // Municipal setting: a resource of the directory not verified for this many days is flagged.
  resourceVerifyDays: integer('resource_verify_days').notNull().default(365),
  // Municipal setting: the directory's active resources are published on a page without login.
  publicDirectory: boolean('public_directory').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id'),
});
