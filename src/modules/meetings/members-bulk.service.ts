import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { presentMember, requireBody } from './bodies.service';
import type { MembersBulk } from './meetings.schemas';
import { meetingBodyMembers } from './meetings.tables';

/**
 * Outside members in bulk (三田's 全体会議: 26 divisions and 21 organisations): one statement; a
 * person already a member (same 氏名 and 所属) is skipped and named in the answer.
 */
export async function addMembersInBulk(
  db: Database,
  context: ActorContext,
  bodyId: string,
  input: MembersBulk,
) {
  requirePermission(context.actor, 'meetings.run');
  return db.transaction(async (tx) => {
    await requireBody(tx, context, bodyId);
    const current = await tx
      .select({ name: meetingBodyMembers.name, affiliation: meetingBodyMembers.affiliation })
      .from(meetingBodyMembers)
      .where(and(eq(meetingBodyMembers.bodyId, bodyId), isNull(meetingBodyMembers.leftOn)));
    const key = (m: { name: string; affiliation: string | null }) => `${m.name}\u0000${m.affiliation ?? ''}`;
    const seen = new Set(current.map(key));
    const fresh: MembersBulk['members'] = [];
    const skipped: string[] = [];
    for (const m of input.members) {
      if (seen.has(key(m))) skipped.push(m.name);
      else {
        seen.add(key(m));
        fresh.push(m);
      }
    }
    const rows = fresh.length
      ? await tx
          .insert(meetingBodyMembers)
          .values(
            fresh.map((m) => ({
              tenantId: context.actor.tenantId,
              bodyId,
              userId: null,
              name: m.name,
              affiliation: m.affiliation,
              title: m.title,
            })),
          )
          .returning()
      : [];
    await recordAudit(tx, context, {
      action: 'meeting.body',
      targetType: 'meeting_body',
      targetId: bodyId,
      detail: { addedMembers: rows.map((r) => r.id), skipped: skipped.length },
    });
    return { added: rows.map(presentMember), skipped };
  });
}
