import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agendaItems, meetingBodies, meetingSessions } from '../meetings/meetings.tables';
import type { Network, NetworkSession } from './networks.schemas';
import { networkBodies } from './networks.tables';

/**
 * The meeting bodies a network meets in, with their sessions of a fiscal year and the topic
 * items of each (地域課題, 社会資源の開発…). Only topic items are read: an item that tables a case
 * or an outreach record is never selected, so nothing about a resident leaves here.
 */
export async function networkSessions(
  tx: Database,
  tenantId: string,
  networkId: string,
  range: { from: string; to: string },
): Promise<Network['bodies']> {
  const links = await tx
    .select({
      id: networkBodies.id,
      bodyId: networkBodies.bodyId,
      bodyName: meetingBodies.name,
      subgroupId: networkBodies.subgroupId,
    })
    .from(networkBodies)
    .innerJoin(meetingBodies, eq(meetingBodies.id, networkBodies.bodyId))
    .where(and(eq(networkBodies.tenantId, tenantId), eq(networkBodies.networkId, networkId)))
    .orderBy(asc(meetingBodies.name));
  if (links.length === 0) return [];
  const sessions = await tx
    .select({
      id: meetingSessions.id,
      bodyId: meetingSessions.bodyId,
      startsAt: meetingSessions.startsAt,
      heldOn: meetingSessions.heldOn,
      preparedAt: meetingSessions.preparedAt,
    })
    .from(meetingSessions)
    .where(
      and(
        eq(meetingSessions.tenantId, tenantId),
        inArray(
          meetingSessions.bodyId,
          links.map((l) => l.bodyId),
        ),
        sql`(${meetingSessions.startsAt} at time zone 'Asia/Tokyo')::date between ${range.from}::date and ${range.to}::date`,
      ),
    )
    .orderBy(sql`${meetingSessions.startsAt} desc`);
  const topics = sessions.length
    ? await tx
        .select({
          id: agendaItems.id,
          sessionId: agendaItems.sessionId,
          kind: agendaItems.topicKind,
          title: agendaItems.title,
        })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.tenantId, tenantId),
            inArray(
              agendaItems.sessionId,
              sessions.map((s) => s.id),
            ),
            isNotNull(agendaItems.topicKind),
            isNull(agendaItems.caseId),
            isNull(agendaItems.outreachRecordId),
            isNull(agendaItems.removedOn),
          ),
        )
        .orderBy(asc(agendaItems.position))
    : [];
  return links.map((link) => ({
    ...link,
    sessions: sessions
      .filter((s) => s.bodyId === link.bodyId)
      .map(
        (s): NetworkSession => ({
          id: s.id,
          startsAt: s.startsAt.toISOString(),
          heldOn: s.heldOn,
          state: s.heldOn ? 'held' : s.preparedAt ? 'prepared' : 'planned',
          topics: topics.flatMap((t) =>
            t.sessionId === s.id && t.kind ? [{ id: t.id, kind: t.kind, title: t.title }] : [],
          ),
        }),
      ),
  }));
}
