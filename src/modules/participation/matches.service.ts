import { and, eq, inArray, ne } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { persons } from '../people/people.tables';
import { staleBefore, verifyDaysOf } from '../resources/resources.service';
import { resourceOperators, resources } from '../resources/resources.tables';
import { fitOf } from './matching';
import type { Match } from './participation.schemas';
import { placements } from './participation.tables';
import { approximateAge, loadSupport, type SupportRow } from './support-access';

/** How many ranked resources the coordinator is shown unless more are asked for. */
export const SHOWN = 30;

/** Every resource that is not ended, scored against the person's wishes and conditions. */
export async function rankResources(
  tx: Database,
  context: ActorContext,
  support: SupportRow,
  onlyIds?: string[],
  show = SHOWN,
): Promise<{ matches: Match[]; considered: number }> {
  const { tenantId } = context.actor;
  const [person] = await tx.select().from(persons).where(eq(persons.id, support.personId));
  const verifyDays = await verifyDaysOf(tx, tenantId);
  const staleDay = staleBefore(verifyDays);
  const rows = await tx
    .select({
      id: resources.id,
      name: resources.name,
      operatorName: resourceOperators.name,
      kinds: resources.kinds,
      activities: resources.activities,
      schedule: resources.schedule,
      irregular: resources.irregular,
      areaId: resources.areaId,
      areaName: areas.name,
      forEveryone: resources.forEveryone,
      ageMin: resources.ageMin,
      ageMax: resources.ageMax,
      free: resources.free,
      costNote: resources.costNote,
      placesFree: resources.placesFree,
      status: resources.status,
      verifiedOn: resources.verifiedOn,
    })
    .from(resources)
    .innerJoin(resourceOperators, eq(resourceOperators.id, resources.operatorId))
    .leftJoin(areas, eq(areas.id, resources.areaId))
    .where(
      and(
        eq(resources.tenantId, tenantId),
        ne(resources.status, 'ended'),
        onlyIds ? inArray(resources.id, onlyIds) : undefined,
      ),
    );
  const placed = new Set(
    (
      await tx
        .select({ resourceId: placements.resourceId })
        .from(placements)
        .where(eq(placements.supportId, support.id))
    ).map((p) => p.resourceId),
  );
  const needs = {
    wishes: support.wishes,
    weekdays: support.weekdays,
    timesOfDay: support.timesOfDay,
    areaId: support.areaId,
    reach: support.reach,
    onlyFree: support.onlyFree,
    age: person ? approximateAge(person, today()) : null,
  };
  const matches = rows
    .map((r): Match => {
      const fit = fitOf(needs, { ...r, stale: r.verifiedOn === null || r.verifiedOn < staleDay });
      return {
        resourceId: r.id,
        name: r.name,
        operatorName: r.operatorName,
        kinds: r.kinds,
        areaName: r.areaName,
        score: fit.score,
        reasons: fit.reasons,
        mismatches: fit.mismatches,
        alreadyPlaced: placed.has(r.id),
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'ja'));
  return { matches: matches.slice(0, show), considered: rows.length };
}

export async function listMatches(db: Database, context: ActorContext, supportId: string, show = SHOWN) {
  return readTransaction(db, async (tx) => {
    const support = await loadSupport(tx, context, supportId, 'read');
    const ranked = await rankResources(tx, context, support, undefined, show);
    await recordAudit(tx, context, {
      action: 'participation.match',
      targetType: 'participation_support',
      targetId: supportId,
      detail: { personId: support.personId, considered: ranked.considered },
    });
    return ranked;
  });
}
