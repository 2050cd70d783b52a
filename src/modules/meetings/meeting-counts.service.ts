import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import { ITEM_DECISION_TYPES, type ItemDecisionType, type LegalBasis } from '../../shared/meeting-vocabulary';
import { type SafeCount, safeCount } from '../../shared/small-counts';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import type { MeetingCounts } from './meeting-counts.schemas';

type Row = {
  id: string;
  name: string;
  legal_basis: LegalBasis;
  sessions_held: number;
  cases_discussed: number;
  decisions: Record<string, number> | null;
};

/** For the program manager (KPIs): per body, sessions held and cases discussed, decisions by type. */
export async function meetingCounts(
  db: Database,
  context: ActorContext,
  fiscalYear?: number,
): Promise<MeetingCounts> {
  requirePermission(context.actor, 'aggregates.read');
  const year = fiscalYear ?? fiscalYearOf(now());
  const { from, to } = fiscalYearRange(year);
  return db.transaction(async (tx) => {
    const rows = await queryRows<Row>(
      tx,
      sql`select b.id, b.name, b.legal_basis,
            (select count(*) from meeting_sessions s where s.body_id = b.id and s.held_on between ${from} and ${to}) as sessions_held,
            (select count(distinct i.case_id) from agenda_items i join meeting_sessions s on s.id = i.session_id
              where s.body_id = b.id and s.held_on between ${from} and ${to}
                and i.case_id is not null and i.removed_on is null) as cases_discussed,
            (select json_object_agg(t.type, t.n) from (
               select d.type, count(*) as n from agenda_decisions d join meeting_sessions s on s.id = d.session_id
               where s.body_id = b.id and s.held_on between ${from} and ${to} group by d.type) t) as decisions
          from meeting_bodies b where b.tenant_id = ${context.actor.tenantId}
          order by b.created_at`,
    );
    await recordAudit(tx, context, { action: 'meeting.counts', detail: { fiscalYear: year } });
    return {
      fiscalYear: year,
      bodies: rows.map((r) => ({
        bodyId: r.id,
        bodyName: r.name,
        legalBasis: r.legal_basis,
        sessionsHeld: Number(r.sessions_held),
        // cases and decisions about them are counts of households: 1–4 are not shown
        casesDiscussed: safeCount(Number(r.cases_discussed)),
        decisions: Object.fromEntries(
          ITEM_DECISION_TYPES.map((t) => [t, safeCount(Number(r.decisions?.[t] ?? 0))]),
        ) as Record<ItemDecisionType, SafeCount>,
      })),
    };
  });
}
