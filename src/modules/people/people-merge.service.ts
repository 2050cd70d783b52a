import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { now } from '../../server/clock';
import { badRequest, conflict, RecordNotVisible } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { selectVisiblePersons } from './people.service';
import { personMerges, persons } from './people.tables';

// 名寄せ: two records of one person merged into one, both kept, and undone when it was wrong.

/** Merges two records of one person: both histories stay; the merge can be undone. */
export async function mergePeople(db: Database, context: ActorContext, keptId: string, mergedId: string) {
  requirePermission(context.actor, 'case_content.write');
  if (keptId === mergedId) throw badRequest('SAME_PERSON', '同じ記録どうしは統合できません。');
  return db.transaction(async (tx) => {
    const visible = await selectVisiblePersons(
      tx,
      context,
      or(eq(persons.id, keptId), eq(persons.id, mergedId)),
    );
    // Merging needs full access to both records (own work or consent that covers the user):
    // a glimpse through a referral is not enough to fold someone's record into one's own.
    const kept = visible.find((v) => v.row.id === keptId && v.contactVisible);
    const merged = visible.find((v) => v.row.id === mergedId && v.contactVisible);
    if (!kept) throw new RecordNotVisible('person', keptId, '本人の記録');
    if (!merged) throw new RecordNotVisible('person', mergedId, '本人の記録');
    if (kept.row.mergedIntoId || merged.row.mergedIntoId) {
      throw conflict('ALREADY_MERGED', 'すでに統合済みの記録です。統合を取り消してからやり直してください。');
    }
    // two known birth dates that differ are two people (a mother and her son in one household):
    // a mistyped date is corrected on the record first
    if (kept.row.birthDate && merged.row.birthDate && kept.row.birthDate !== merged.row.birthDate) {
      throw badRequest(
        'BIRTH_DATES_DIFFER',
        '生年月日が異なる記録は、同じ方として統合できません。同じ方で生年月日の入力誤りなら、先に記録を直してください。',
      );
    }
    await tx.update(persons).set({ mergedIntoId: keptId, updatedAt: now() }).where(eq(persons.id, mergedId));
    await tx.update(persons).set({ mergedIntoId: keptId }).where(eq(persons.mergedIntoId, mergedId));
    const [merge] = await tx
      .insert(personMerges)
      .values({
        tenantId: context.actor.tenantId,
        keptPersonId: keptId,
        mergedPersonId: mergedId,
        mergedByUserId: context.actor.userId,
        mergedAt: now(),
      })
      .returning();
    if (!merge) throw new Error('merge not recorded');
    await recordAudit(tx, context, {
      action: 'person.merge',
      targetType: 'person',
      targetId: keptId,
      detail: { mergedPersonId: mergedId, mergeId: merge.id },
    });
    return { id: merge.id, keptPersonId: keptId, mergedPersonId: mergedId, undone: false };
  });
}

export async function undoMerge(db: Database, context: ActorContext, mergeId: string) {
  requirePermission(context.actor, 'case_content.write');
  return db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(personMerges)
      .where(and(eq(personMerges.id, mergeId), eq(personMerges.tenantId, context.actor.tenantId)))
      .orderBy(desc(personMerges.mergedAt));
    // Someone else's merge answers exactly like one that does not exist.
    if (!merge) throw new RecordNotVisible('person_merge', mergeId, '統合の記録');
    // Undone by an organisation that registered either record, or one with full access to both.
    const both = await selectVisiblePersons(
      tx,
      context,
      or(eq(persons.id, merge.keptPersonId), eq(persons.id, merge.mergedPersonId)),
    );
    const registered = both.some((v) => v.row.createdByOrganisationId === context.actor.organisationId);
    const full = both.length === 2 && both.every((v) => v.contactVisible);
    if (!registered && !full) throw new RecordNotVisible('person_merge', mergeId, '統合の記録');
    if (merge.undoneAt) throw conflict('ALREADY_UNDONE', 'この統合はすでに取り消されています。');
    await tx.update(persons).set({ mergedIntoId: null }).where(eq(persons.id, merge.mergedPersonId));
    // Records merged earlier into the one now split off were re-pointed to the survivor by this
    // merge: they go back with it.
    await tx
      .update(persons)
      .set({ mergedIntoId: merge.mergedPersonId })
      .where(
        and(
          eq(persons.mergedIntoId, merge.keptPersonId),
          sql`${persons.id} in (select pm.merged_person_id from person_merges pm
                 where pm.kept_person_id = ${merge.mergedPersonId} and pm.undone_at is null)`,
        ),
      );
    await tx
      .update(personMerges)
      .set({ undoneAt: now(), undoneByUserId: context.actor.userId })
      .where(eq(personMerges.id, mergeId));
    await recordAudit(tx, context, {
      action: 'person.unmerge',
      targetType: 'person',
      targetId: merge.keptPersonId,
      detail: { mergedPersonId: merge.mergedPersonId, mergeId },
    });
    return {
      id: merge.id,
      keptPersonId: merge.keptPersonId,
      mergedPersonId: merge.mergedPersonId,
      undone: true,
    };
  });
}

/** Ids of a person and of every record merged into it: their histories are one. */
export async function personGroupIds(db: Database, personId: string): Promise<string[]> {
  const rows = await db.select({ id: persons.id }).from(persons).where(eq(persons.mergedIntoId, personId));
  return [personId, ...rows.map((r) => r.id)];
}

/** The merges into these records that are in force, by kept record (for a list that offers undo). */
export async function activeMerges(db: Database, keptIds: string[]): Promise<Map<string, string[]>> {
  const byKept = new Map<string, string[]>();
  if (keptIds.length === 0) return byKept;
  const rows = await db
    .select({ id: personMerges.id, kept: personMerges.keptPersonId })
    .from(personMerges)
    .where(and(inArray(personMerges.keptPersonId, keptIds), isNull(personMerges.undoneAt)))
    .orderBy(personMerges.mergedAt);
  for (const r of rows) byKept.set(r.kept, [...(byKept.get(r.kept) ?? []), r.id]);
  return byKept;
}
