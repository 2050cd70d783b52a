import { sql } from 'drizzle-orm';
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

// Append-only (a trigger refuses DELETE, TRUNCATE and every UPDATE but the sealing of an
// unsealed row). A request appends its row without any lock; the sealer (audit.sealer.ts) then
// gives each row its place in its municipality's chain (seq) and an HMAC over the previous one
// with a key kept outside the database. Events before a tenant is known (unknown login IDs) go
// to the 'system' chain.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    // Set when sealed: the place in the chain, the previous entry's MAC and this one's.
    seq: bigint('seq', { mode: 'number' }),
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
    prevHash: text('prev_hash'),
    hash: text('hash'),
    keyId: text('key_id'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    unique('audit_log_chain_seq').on(t.chain, t.seq),
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
    index('audit_log_unsealed').on(t.id).where(sql`hash is null`),
  ],
);
