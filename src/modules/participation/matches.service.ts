import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { persons } from '../people/people.tables';
import { staleBefore, verifyDaysOf } from '../resources/resources.service';
import { resourceOperators, resources } from '../resources/resources.tables';
import { fitOf, WISH_FITS } from './matching';
import type { Match } from './participation.schemas';
import { placements } from './participation.tables';
import { approximateAge, loadSupport, type SupportRow } from './support-access';

/** How many places the database's rough ranking hands on to the exact one (10× what is shown). */
const ROUGH_CANDIDATES = 500;

/**
 * The weights of fitOf (matching.ts), roughly, in SQL: the database orders the city's places by
 * it and only the first few hundred are scored exactly (with their reasons) in Node.
 */
function roughScore(support: SupportRow, age: number | null): SQL {
  const answers = support.wishes.map((wish) => {
    const fit = WISH_FITS[wish];
    return sql`(${resources.kinds} && ${sql.param(fit.kinds)}::text[]
                or ${resources.activities} && ${sql.param(fit.activities)}::text[])`;
  });
  const terms: SQL[] = answers.map((answer) => sql`case when ${answer} then 25 else 0 end`);
  if (answers.length) terms.push(sql`case when ${sql.join(answers, sql` or `)} then 0 else -40 end`);
  if (support.weekdays.length)
    terms.push(
      sql`case when ${sql.join(
        support.weekdays.map((d) => sql`${resources.schedule} @> ${JSON.stringify([{ weekday: d }])}::jsonb`),
        sql` or `,
      )} then 30 else 0 end`,
    );
  if (support.areaId)
    terms.push(
      support.reach === 'same_area'
        ? sql`case when ${resources.areaId} = ${support.areaId} then 15 else -25 end`
        : sql`case when ${resources.areaId} = ${support.areaId} then 15 else 0 end`,
    );
  terms.push(
    sql`case when ${resources.placesFree} > 0 then 10 when ${resources.placesFree} = 0 then -20 else 0 end`,
  );
  terms.push(sql`case when ${resources.status} = 'paused' then -50 else 0 end`);
  if (age !== null)
    terms.push(sql`case when ${age}::int < coalesce(${resources.ageMin}, 0)
                         or ${age}::int > coalesce(${resources.ageMax}, 200) then -60 else 0 end`);
  if (support.onlyFree) terms.push(sql`case when ${resources.free} then 0 else -15 end`);
  return sql.join(terms, sql` + `);
}

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
  const [{ n: considered } = { n: 0 }] = onlyIds
    ? [{ n: onlyIds.length }]
    : await tx
        .select({ n: count() })
        .from(resources)
        .where(and(eq(resources.tenantId, tenantId), ne(resources.status, 'ended')));
  const age = person ? approximateAge(person, today()) : null;
  const rows = await tx
    .select({
      id: resources.id,
      name: resources.name,
      operatorId: resources.operatorId,
      kinds: resources.kinds,
      activities: resources.activities,
      schedule: resources.schedule,
      irregular: resources.irregular,
      areaId: resources.areaId,
      forEveryone: resources.forEveryone,
      targetAttributes: resources.targetAttributes,
      ageMin: resources.ageMin,
      ageMax: resources.ageMax,
      free: resources.free,
      costNote: resources.costNote,
      placesFree: resources.placesFree,
      status: resources.status,
      verifiedOn: resources.verifiedOn,
    })
    .from(resources)
    .where(
      and(
        eq(resources.tenantId, tenantId),
        ne(resources.status, 'ended'),
        onlyIds ? inArray(resources.id, onlyIds) : undefined,
      ),
    )
    .orderBy(desc(roughScore(support, age)), asc(resources.name))
    .limit(onlyIds ? onlyIds.length : ROUGH_CANDIDATES);
  const placed = new Set(
    (
      await tx
        .select({ resourceId: placements.resourceId })
        .from(placements)
        .where(
          and(
            eq(placements.supportId, support.id),
            inArray(placements.stage, ['proposed', 'visited', 'trial', 'started']),
          ),
        )
    ).map((p) => p.resourceId),
  );
  const needs = {
    wishes: support.wishes,
    weekdays: support.weekdays,
    timesOfDay: support.timesOfDay,
    areaId: support.areaId,
    reach: support.reach,
    onlyFree: support.onlyFree,
    age,
  };
  // areas are few: their names by id, instead of a join on every candidate
  const areaNames = new Map(
    (await tx.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.tenantId, tenantId))).map(
      (a) => [a.id, a.name],
    ),
  );
  const ranked = rows
    .map((r) => {
      const areaName = r.areaId ? (areaNames.get(r.areaId) ?? null) : null;
      const fit = fitOf(needs, { ...r, areaName, stale: r.verifiedOn === null || r.verifiedOn < staleDay });
      return { r, areaName, fit };
    })
    .sort((a, b) => b.fit.score - a.fit.score || a.r.name.localeCompare(b.r.name, 'ja'))
    .slice(0, show);
  const operatorIds = [...new Set(ranked.map(({ r }) => r.operatorId))];
  const operatorNames = new Map(
    operatorIds.length === 0
      ? []
      : (
          await tx
            .select({ id: resourceOperators.id, name: resourceOperators.name })
            .from(resourceOperators)
            .where(inArray(resourceOperators.id, operatorIds))
        ).map((o) => [o.id, o.name]),
  );
  const matches = ranked.map(
    ({ r, areaName, fit }): Match => ({
      resourceId: r.id,
      name: r.name,
      operatorName: operatorNames.get(r.operatorId) ?? '',
      kinds: r.kinds,
      areaName,
      score: fit.score,
      reasons: fit.reasons,
      mismatches: fit.mismatches,
      alreadyPlaced: placed.has(r.id),
    }),
  );
  return { matches, considered };
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
