import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { OPEN_STAGES } from '../../shared/outreach-vocabulary';
import { isOutreachTeam } from '../access/outreach-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import type { ZOutreachQueueItem } from './outreach.schemas';
import { selectSummaries } from './records.service';

type QueueItem = z.infer<typeof ZOutreachQueueItem>;

/**
 * The outreach part of the home work queue. For the whole team: reports of danger to life not yet
 * answered by a contact, and records nobody has taken; for the assignee: contacts due and
 * records gone quiet (no attempt for the municipality's number of days).
 */
export async function outreachWorkQueue(
  db: Database,
  context: ActorContext,
): Promise<{ items: QueueItem[] }> {
  if (!isOutreachTeam(context.actor)) return { items: [] };
  return db.transaction(async (tx) => {
    const records = await selectSummaries(tx, context, sql`r.stage in ${OPEN_STAGES}`);
    const day = today();
    const items: QueueItem[] = [];
    for (const r of records) {
      const mine = r.assignees.some((a) => a.userId === context.actor.userId);
      const base = { recordId: r.id, label: r.label, risk: r.risk };
      if (r.risk === 'life' && r.lastContactOn === null)
        items.push({ ...base, kind: 'life_risk', since: r.openedOn });
      else if (r.assignees.length === 0) items.push({ ...base, kind: 'unassigned', since: r.openedOn });
      else if (mine && r.nextContactOn && r.nextContactOn <= day) {
        items.push({ ...base, kind: 'contact_due', since: r.nextContactOn });
      } else if (mine && r.stale)
        items.push({ ...base, kind: 'stale', since: r.lastContactOn ?? r.openedOn });
    }
    await recordAudit(tx, context, {
      action: 'outreach.work_queue',
      detail: { count: items.length, ids: items.map((i) => i.recordId) },
    });
    const order = { life_risk: 0, unassigned: 1, contact_due: 2, stale: 3 };
    return { items: items.sort((a, b) => order[a.kind] - order[b.kind] || a.since.localeCompare(b.since)) };
  });
}
