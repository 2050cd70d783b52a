import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { notFound } from '../../server/errors';
import { fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import { safeCount } from '../../shared/small-counts';
import { can, requirePermission } from '../access/access.policy';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { resources } from '../resources/resources.tables';
import { users } from '../users/users.tables';
import { profileOf, saveProfile } from './area-profiles.service';
import { loadAreaTree } from './area-tree';
import type { ActivityInput, AreaPage, SaveProfile, WorkerInput } from './areas-community.schemas';
import { areaProfiles, areaWorkers, communityActivities, regionalIssues } from './community.tables';
import { communityCells } from './overview.service';
import { issueLabels } from './regional-issue-page';

const uuidList = (ids: string[]) => `{${ids.join(',')}}`;

/** 圏域 and 地区 with this year's figures, who works them, and what is going on there. */
export async function listCommunityAreas(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'community.read');
  const fiscalYear = fiscalYearOf(today());
  const { from, to } = fiscalYearRange(fiscalYear);
  return readTransaction(db, async (tx) => {
    const tree = await loadAreaTree(tx, context.actor.tenantId);
    const profiles = await tx
      .select()
      .from(areaProfiles)
      .where(and(eq(areaProfiles.tenantId, context.actor.tenantId), eq(areaProfiles.fiscalYear, fiscalYear)));
    const workers = await tx
      .select()
      .from(areaWorkers)
      .where(eq(areaWorkers.tenantId, context.actor.tenantId))
      .orderBy(asc(areaWorkers.role), asc(areaWorkers.name));
    const counts = await queryRows<{ id: string; issues: number; resources: number; activities: number }>(
      tx,
      sql`select a.id,
            (select count(*)::int from regional_issues i
              where i.area_ids && (array[a.id] || array(select d.id from areas d where d.parent_id = a.id))
                and i.status <> 'resolved') as issues,
            (select count(*)::int from resources r where r.area_id = a.id and r.status <> 'ended') as resources,
            (select count(*)::int from community_activities c where c.area_id = a.id
               and c.held_on between ${from}::date and ${to}::date) as activities
          from areas a where a.tenant_id = ${context.actor.tenantId}`,
    );
    const countOf = new Map(counts.map((c) => [c.id, c]));
    await recordAudit(tx, context, { action: 'community.area_read', detail: { fiscalYear } });
    return {
      fiscalYear,
      areas: tree.rows
        .filter((a) => a.level !== 'city')
        .map((a) => {
          const profile = profiles.find((p) => p.areaId === a.id);
          const under = new Set(tree.districtsUnder(a.id));
          const sum = (key: 'resources' | 'activities') =>
            a.level === 'zone'
              ? [...under].reduce((s, id) => s + (countOf.get(id)?.[key] ?? 0), countOf.get(a.id)?.[key] ?? 0)
              : (countOf.get(a.id)?.[key] ?? 0);
          return {
            ...a,
            population: profile?.population ?? null,
            aged65: profile?.aged65 ?? null,
            workers: workers.filter((w) => w.areaId === a.id).map(presentWorker),
            openIssues: countOf.get(a.id)?.issues ?? 0,
            resources: sum('resources'),
            activitiesThisYear: sum('activities'),
          };
        }),
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

const presentWorker = (w: typeof areaWorkers.$inferSelect) => ({
  id: w.id,
  role: w.role,
  userId: w.userId,
  name: w.name,
  affiliation: w.affiliation,
  note: w.note,
});

/** One 圏域 or 地区: its profile of the year and the year before, people, work, places and counts. */
export async function getAreaPage(
  db: Database,
  context: ActorContext,
  id: string,
  year?: number,
): Promise<AreaPage> {
  requirePermission(context.actor, 'community.read');
  const fiscalYear = year ?? fiscalYearOf(today());
  const { from, to } = fiscalYearRange(fiscalYear);
  return readTransaction(db, async (tx) => {
    await requireVisible(tx, context.actor, 'area', id);
    const tree = await loadAreaTree(tx, context.actor.tenantId);
    const area = tree.byId.get(id);
    if (!area || area.level === 'city') throw notFound('地区');
    const under = tree.districtsUnder(id);
    const here = [id, ...under.filter((d) => d !== id)];
    const years = await tx
      .select({ year: areaProfiles.fiscalYear })
      .from(areaProfiles)
      .where(eq(areaProfiles.areaId, id))
      .orderBy(desc(areaProfiles.fiscalYear));
    const workers = await tx
      .select()
      .from(areaWorkers)
      .where(eq(areaWorkers.areaId, id))
      .orderBy(asc(areaWorkers.role));
    const activityArea = sql<string>`(select name from ${areas} where ${areas.id} = ${communityActivities.areaId})`;
    const activities = await tx
      .select({
        a: communityActivities,
        userName: users.displayName,
        resourceName: resources.name,
        areaName: activityArea,
      })
      .from(communityActivities)
      .innerJoin(users, eq(users.id, communityActivities.userId))
      .leftJoin(resources, eq(resources.id, communityActivities.resourceId))
      .where(
        and(
          inArray(communityActivities.areaId, here),
          gte(communityActivities.heldOn, from),
          lte(communityActivities.heldOn, to),
        ),
      )
      .orderBy(desc(communityActivities.heldOn), desc(communityActivities.createdAt));
    const places = under.length
      ? await queryRows<{ resource_id: string; name: string; n: number }>(
          tx,
          sql`select r.id as resource_id, r.name, count(*)::int as n
                from consultations c join resources r on r.id = c.place_resource_id
               where c.tenant_id = ${context.actor.tenantId} and r.area_id = any(${uuidList(under)}::uuid[])
                 and c.received_at >= ${from}::date and c.received_at < (${to}::date + 1)
               group by r.id, r.name order by r.name`,
        )
      : [];
    const directory = await tx
      .select({ id: resources.id, name: resources.name, status: resources.status })
      .from(resources)
      .where(and(inArray(resources.areaId, here), ne(resources.status, 'ended')))
      .orderBy(asc(resources.name));
    const issueRows = await tx
      .select()
      .from(regionalIssues)
      .where(
        and(
          eq(regionalIssues.tenantId, context.actor.tenantId),
          sql`${regionalIssues.areaIds} && ${uuidList(here)}::uuid[]`,
        ),
      )
      .orderBy(desc(regionalIssues.raisedOn));
    const present = await issueLabels(tx, context);
    const cells = await communityCells(tx, context, fiscalYear);
    await recordAudit(tx, context, {
      action: 'community.area_read',
      targetType: 'area',
      targetId: id,
      detail: { fiscalYear },
    });
    return {
      area: {
        id,
        name: area.name,
        level: area.level,
        parentName: area.parentId ? (tree.byId.get(area.parentId)?.name ?? null) : null,
        children: area.level === 'zone' ? tree.districtsOf(id).map((d) => ({ id: d.id, name: d.name })) : [],
      },
      fiscalYear,
      profile: await profileOf(tx, id, fiscalYear),
      previousProfile: await profileOf(tx, id, fiscalYear - 1),
      profileYears: years.map((y) => y.year),
      workers: workers.map(presentWorker),
      activities: activities.map(({ a, userName, resourceName, areaName }) => ({
        id: a.id,
        kind: a.kind,
        heldOn: a.heldOn,
        title: a.title,
        participants: a.participants,
        resourceName,
        notes: a.notes,
        userName,
        areaName,
      })),
      placeConsultations: places.map((p) => ({
        resourceId: p.resource_id,
        resourceName: p.name,
        count: safeCount(p.n),
      })),
      resources: directory,
      issues: issueRows.map((r) => present(r, 0)),
      cases: cells.rows
        .filter((r) => (r.current[id]?.count ?? 1) !== 0 || (r.previous[id]?.count ?? 1) !== 0)
        .map((r) => ({
          code: r.code,
          label: r.label,
          threshold: r.threshold,
          current: r.current[id] ?? safeCount(0),
          previous: r.previous[id] ?? safeCount(0),
        })),
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

export async function saveAreaProfile(
  db: Database,
  context: ActorContext,
  id: string,
  fiscalYear: number,
  input: SaveProfile,
) {
  await db.transaction((tx) => saveProfile(tx, context, id, fiscalYear, input));
  return getAreaPage(db, context, id, fiscalYear);
}

export async function addAreaWorker(db: Database, context: ActorContext, id: string, input: WorkerInput) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'area', id);
    await requireVisibleIfGiven(tx, context.actor, 'user', input.userId);
    const [user] = input.userId
      ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, input.userId))
      : [];
    await tx.insert(areaWorkers).values({
      ...input,
      name: user?.name ?? input.name ?? '',
      tenantId: context.actor.tenantId,
      areaId: id,
    });
    await recordAudit(tx, context, {
      action: 'community.area_workers',
      targetType: 'area',
      targetId: id,
      detail: { added: input.role },
    });
  });
  return getAreaPage(db, context, id);
}

export async function removeAreaWorker(db: Database, context: ActorContext, id: string, workerId: string) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'area', id);
    const removed = await tx
      .delete(areaWorkers)
      .where(and(eq(areaWorkers.id, workerId), eq(areaWorkers.areaId, id)))
      .returning({ id: areaWorkers.id });
    if (removed.length === 0) throw notFound('担当者');
    await recordAudit(tx, context, {
      action: 'community.area_workers',
      targetType: 'area',
      targetId: id,
      detail: { removed: workerId },
    });
  });
  return getAreaPage(db, context, id);
}

/** 地域への働きかけ: recorded on the area, optionally at a place of the directory. */
export async function addActivity(db: Database, context: ActorContext, input: ActivityInput) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'area', input.areaId);
    await requireVisibleIfGiven(tx, context.actor, 'resource', input.resourceId);
    const [row] = await tx
      .insert(communityActivities)
      .values({
        ...input,
        tenantId: context.actor.tenantId,
        userId: context.actor.userId,
        organisationId: context.actor.organisationId ?? null,
      })
      .returning({ id: communityActivities.id });
    await recordAudit(tx, context, {
      action: 'community.activity',
      targetType: 'community_activity',
      targetId: row?.id,
      detail: { kind: input.kind },
    });
  });
  return getAreaPage(db, context, input.areaId, fiscalYearOf(`${input.heldOn}T12:00:00+09:00`));
}

/** A community activity recorded by mistake comes out of the log and the counts. */
export async function removeActivity(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'community.work');
  const areaId = await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'communityActivity', id);
    const [removed] = await tx
      .delete(communityActivities)
      .where(eq(communityActivities.id, id))
      .returning({ areaId: communityActivities.areaId, heldOn: communityActivities.heldOn });
    await recordAudit(tx, context, {
      action: 'community.activity',
      targetType: 'community_activity',
      targetId: id,
      detail: { removed: true },
    });
    return removed;
  });
  return getAreaPage(db, context, areaId?.areaId ?? '', fiscalYearOf(`${areaId?.heldOn}T12:00:00+09:00`));
}
