import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { notFound } from '../../server/errors';
import { confidentialityBound } from '../access/meeting-scope';
import type { ActorContext } from '../audit/audit.service';
import { casePacket } from '../cases/case-packet';
import { organisations } from '../organisations/organisations.tables';
import { recordDetails } from '../outreach/record-details';
import { selectSummaries } from '../outreach/records.service';
import type { OutreachPacket, Packet } from './meetings.schemas';
import { agendaItems, sessionActionItems } from './meetings.tables';

// What a packet shows of a tabled case or outreach record. At 資料配付 it is taken as a
// snapshot for the attendees (what was tabled, not what the case became later); those who
// run the meetings see it live.

type AgendaItemRow = typeof agendaItems.$inferSelect;
export type CasePacketContent = Omit<Packet, 'session' | 'itemId' | 'itemVersion' | 'notes'>;
export type OutreachPacketContent = Pick<OutreachPacket, 'record'>;
/** The notes of an item as handed out (every snapshot carries them). */
export const handedOutNotes = (snapshot: unknown): string | null =>
  (snapshot as { notes?: string | null } | null)?.notes ?? null;

export async function casePacketContent(
  tx: Database,
  caseId: string,
  item: Pick<AgendaItemRow, 'proposedOrganisationIds' | 'sessionId'>,
): Promise<CasePacketContent> {
  const packet = await casePacket(tx, caseId);
  const proposed = item.proposedOrganisationIds.length
    ? await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, item.proposedOrganisationIds))
    : [];
  const meetingActions = await queryRows<{ description: string; name: string; due_on: string }>(
    tx,
    // what a 支援会議 (法第106条の6) undertook stays with that body's members: its 宿題 go into
    // the packets of its own sessions only
    sql`select a.description, o.name, a.due_on::text from ${sessionActionItems} a
        join ${agendaItems} i on i.id = a.item_id
        join ${organisations} o on o.id = a.owner_organisation_id
        join meeting_sessions fs on fs.id = a.session_id
        join meeting_bodies fb on fb.id = fs.body_id
        where i.case_id = ${caseId} and a.done_on is null
          and (not ${confidentialityBound('fb')}
               or fb.id = (select body_id from meeting_sessions where id = ${item.sessionId}))
        order by a.due_on`,
  );
  const { planActions, ...rest } = packet;
  return {
    ...rest,
    proposedOrganisations: proposed,
    openActions: [
      ...planActions.map((a) => ({ ...a, source: 'plan' as const })),
      ...meetingActions.map((a) => ({
        text: a.description,
        organisationName: a.name,
        until: a.due_on,
        source: 'meeting' as const,
      })),
    ],
  };
}

export async function outreachPacketContent(
  tx: Database,
  context: ActorContext,
  recordId: string,
): Promise<OutreachPacketContent> {
  const [summary] = await selectSummaries(tx, context, sql`r.id = ${recordId}`);
  if (!summary) throw notFound('アウトリーチの記録');
  const details = await recordDetails(tx, [recordId]);
  return {
    record: {
      id: summary.id,
      label: summary.label,
      location: summary.location,
      risk: summary.risk,
      stage: summary.stage,
      stageSince: summary.stageSince,
      openedOn: summary.openedOn,
      lastContactOn: summary.lastContactOn,
      ...details(recordId),
    },
  };
}

/** 資料配付: takes the packet of every item on the agenda as the attendees will see it. */
export async function snapshotPackets(tx: Database, context: ActorContext, sessionId: string) {
  const items = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.sessionId, sessionId), isNull(agendaItems.removedOn)));
  const at = now();
  for (const item of items) {
    const content = item.caseId
      ? await casePacketContent(tx, item.caseId, item)
      : item.outreachRecordId
        ? await outreachPacketContent(tx, context, item.outreachRecordId)
        : {};
    // the item's notes as handed out too: a later edit is not shown until handed out again
    const snapshot = { ...content, notes: item.notes };
    await tx
      .update(agendaItems)
      .set({ packetSnapshot: snapshot, packetSnapshotAt: at })
      .where(eq(agendaItems.id, item.id));
  }
}
