import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { AuditAction, AuditOutcome } from '../../shared/audit-events';
import { tenants } from '../tenants/tenants.tables';

// Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Each tenant has its own
// hash chain; events before a tenant is known (unknown login IDs) go to the 'system' chain.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    action: text('action').$type<AuditAction>().notNull(),
    outcome: text('outcome').$type<AuditOutcome>().notNull(),
    targetType: varchar('target_type', { length: 40 }),
    targetId: text('target_id'),
    clientIp: varchar('client_ip', { length: 64 }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_log_chain_seq').on(t.chain, t.seq),
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
  ],
);
