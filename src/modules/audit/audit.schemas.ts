import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../../shared/audit-events';
import { ZId, ZIsoDate, ZPage, ZPageSize } from '../../shared/schema-helpers';

export const ZAuditSearchQuery = z.strictObject({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  actorUserId: ZId.optional(),
  targetId: z.string().max(80).optional(),
  page: ZPage,
  pageSize: ZPageSize,
});
export type AuditSearchQuery = z.infer<typeof ZAuditSearchQuery>;

export const ZAuditEntry = z.object({
  /** The place in the municipality's chain; null for the few seconds before sealing. */
  seq: z.number().nullable(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  clientIp: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorLoginId: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditSearchResponse = z.object({ total: z.number(), rows: z.array(ZAuditEntry) });
