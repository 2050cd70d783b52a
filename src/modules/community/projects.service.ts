import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { conflict, notFound } from '../../server/errors';
import { can, requirePermission } from '../access/access.policy';
import { requireAllVisible, requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { resourceOperators, resources } from '../resources/resources.tables';
import { users } from '../users/users.tables';
import {
  communityProjects,
  projectActivities,
  projectIssues,
  projectMembers,
  projectResources,
  regionalIssues,
} from './community.tables';
import type { CreateProject, Project, ProjectActivityInput, UpdateProject } from './projects.schemas';
import { moveIssueInTx } from './regional-issues.service';

const audit = (tx: Database, context: ActorContext, id: string, detail: Record<string, unknown>) =>
  recordAudit(tx, context, {
    action: 'project.update',
    targetType: 'community_project',
    targetId: id,
    detail,
  });

/**
 * A project answers issues that have been discussed: an issue 協議中 or 継続課題 becomes
 * プロジェクト化 (recorded in its history); one already in a project joins this one too.
 */
async function takeUpIssues(tx: Database, context: ActorContext, issueIds: string[], on: string) {
  const rows = await tx.select().from(regionalIssues).where(inArray(regionalIssues.id, issueIds));
  for (const issue of rows) {
    if (issue.status === 'raised') {
      throw conflict(
        'ISSUE_NOT_DISCUSSED',
        `「${issue.title}」はまだ協議の場に提起されていません。協議中にしてから、プロジェクトにしてください。`,
      );
    }
    if (issue.status === 'resolved') {
      throw conflict('ISSUE_RESOLVED', `「${issue.title}」は解決済みです。`);
    }
    if (issue.status === 'under_discussion' || issue.status === 'ongoing') {
      await moveIssueInTx(tx, context, issue.id, { to: 'project', on, body: null, note: null });
    }
  }
}

export async function createProject(db: Database, context: ActorContext, input: CreateProject) {
  requirePermission(context.actor, 'community.work');
  const id = await db.transaction(async (tx) => {
    const issueIds = await requireAllVisible(tx, context.actor, 'regionalIssue', input.issueIds);
    await requireVisibleIfGiven(tx, context.actor, 'resourceOperator', input.leadOperatorId);
    const memberIds = await requireAllVisible(tx, context.actor, 'resourceOperator', input.memberOperatorIds);
    const { issueIds: _i, memberOperatorIds: _m, ...fields } = input;
    const [row] = await tx
      .insert(communityProjects)
      .values({ ...fields, tenantId: context.actor.tenantId, createdByUserId: context.actor.userId })
      .returning({ id: communityProjects.id });
    if (!row) throw new Error('insert returned nothing');
    const tenantId = context.actor.tenantId;
    await tx
      .insert(projectIssues)
      .values(issueIds.map((issueId) => ({ tenantId, projectId: row.id, issueId })));
    if (memberIds.length > 0) {
      await tx
        .insert(projectMembers)
        .values(memberIds.map((operatorId) => ({ tenantId, projectId: row.id, operatorId })));
    }
    await takeUpIssues(tx, context, issueIds, input.startsOn);
    await recordAudit(tx, context, {
      action: 'project.create',
      targetType: 'community_project',
      targetId: row.id,
    });
    return row.id;
  });
  return getProject(db, context, id);
}

export async function listProjects(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'community.read');
  return readTransaction(db, async (tx) => {
    const rows = await tx
      .select({
        p: communityProjects,
        leadName: resourceOperators.name,
        issueCount: sql<number>`(select count(*)::int from ${projectIssues} where ${projectIssues.projectId} = ${communityProjects.id})`,
        resourceCount: sql<number>`(select count(*)::int from ${projectResources} where ${projectResources.projectId} = ${communityProjects.id})`,
      })
      .from(communityProjects)
      .leftJoin(resourceOperators, eq(resourceOperators.id, communityProjects.leadOperatorId))
      .where(eq(communityProjects.tenantId, context.actor.tenantId))
      .orderBy(desc(communityProjects.startsOn));
    await recordAudit(tx, context, { action: 'project.read', detail: { ids: rows.map((r) => r.p.id) } });
    return {
      projects: rows.map(({ p, leadName, issueCount, resourceCount }) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        leadName,
        issueCount: Number(issueCount),
        resourceCount: Number(resourceCount),
      })),
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

export async function getProject(db: Database, context: ActorContext, id: string): Promise<Project> {
  requirePermission(context.actor, 'community.read');
  return readTransaction(db, async (tx) => {
    await requireVisible(tx, context.actor, 'communityProject', id);
    const [row] = await tx
      .select({ p: communityProjects, leadName: resourceOperators.name })
      .from(communityProjects)
      .leftJoin(resourceOperators, eq(resourceOperators.id, communityProjects.leadOperatorId))
      .where(eq(communityProjects.id, id));
    if (!row) throw new Error('project vanished');
    const issues = await tx
      .select({ id: regionalIssues.id, title: regionalIssues.title, status: regionalIssues.status })
      .from(projectIssues)
      .innerJoin(regionalIssues, eq(regionalIssues.id, projectIssues.issueId))
      .where(eq(projectIssues.projectId, id));
    const members = await tx
      .select({
        id: projectMembers.id,
        operatorId: projectMembers.operatorId,
        name: resourceOperators.name,
        role: projectMembers.role,
      })
      .from(projectMembers)
      .innerJoin(resourceOperators, eq(resourceOperators.id, projectMembers.operatorId))
      .where(eq(projectMembers.projectId, id))
      .orderBy(asc(resourceOperators.name));
    const activities = await tx
      .select({ a: projectActivities, userName: users.displayName })
      .from(projectActivities)
      .innerJoin(users, eq(users.id, projectActivities.userId))
      .where(eq(projectActivities.projectId, id))
      .orderBy(desc(projectActivities.heldOn), desc(projectActivities.createdAt));
    const created = await tx
      .select({ id: resources.id, name: resources.name, areaName: areas.name })
      .from(projectResources)
      .innerJoin(resources, eq(resources.id, projectResources.resourceId))
      .leftJoin(areas, eq(areas.id, resources.areaId))
      .where(eq(projectResources.projectId, id));
    await recordAudit(tx, context, { action: 'project.read', targetType: 'community_project', targetId: id });
    const { p } = row;
    return {
      id: p.id,
      title: p.title,
      aim: p.aim,
      status: p.status,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      outcomes: p.outcomes,
      version: p.version,
      lead: p.leadOperatorId && row.leadName ? { id: p.leadOperatorId, name: row.leadName } : null,
      issues,
      members,
      activities: activities.map(({ a, userName }) => ({
        id: a.id,
        kind: a.kind,
        heldOn: a.heldOn,
        title: a.title,
        participants: a.participants,
        notes: a.notes,
        userName,
      })),
      resources: created,
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

/** Runs a change of a project the actor may see and keep, then answers the project. */
async function changeProject(
  db: Database,
  context: ActorContext,
  id: string,
  change: (tx: Database) => Promise<Record<string, unknown>>,
) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'communityProject', id);
    await audit(tx, context, id, await change(tx));
  });
  return getProject(db, context, id);
}

export const updateProject = (db: Database, context: ActorContext, id: string, input: UpdateProject) =>
  changeProject(db, context, id, async (tx) => {
    const { version, ...fields } = input;
    await requireVersion(tx, communityProjects, id, version);
    await requireVisibleIfGiven(tx, context.actor, 'resourceOperator', fields.leadOperatorId);
    const [current] = await tx.select().from(communityProjects).where(eq(communityProjects.id, id));
    const startsOn = fields.startsOn ?? current?.startsOn;
    const endsOn = fields.endsOn === undefined ? current?.endsOn : fields.endsOn;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw conflict('PERIOD_INVALID', '終了日は開始日以降にしてください。');
    }
    await tx
      .update(communityProjects)
      .set({ ...fields, updatedByUserId: context.actor.userId })
      .where(eq(communityProjects.id, id));
    return { fields: Object.keys(fields) };
  });

export const addProjectMember = (
  db: Database,
  context: ActorContext,
  id: string,
  operatorId: string,
  role: string | null,
) =>
  changeProject(db, context, id, async (tx) => {
    await requireVisible(tx, context.actor, 'resourceOperator', operatorId);
    const added = await tx
      .insert(projectMembers)
      .values({ tenantId: context.actor.tenantId, projectId: id, operatorId, role })
      .onConflictDoNothing()
      .returning({ id: projectMembers.id });
    if (added.length === 0)
      throw conflict('ALREADY_MEMBER', 'この団体は、すでにプロジェクトの構成団体です。');
    return { memberAdded: operatorId };
  });

export const removeProjectMember = (db: Database, context: ActorContext, id: string, memberId: string) =>
  changeProject(db, context, id, async (tx) => {
    await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.id, memberId), eq(projectMembers.projectId, id)));
    return { memberRemoved: memberId };
  });

export const addProjectActivity = (
  db: Database,
  context: ActorContext,
  id: string,
  input: ProjectActivityInput,
) =>
  changeProject(db, context, id, async (tx) => {
    await tx
      .insert(projectActivities)
      .values({ ...input, tenantId: context.actor.tenantId, projectId: id, userId: context.actor.userId });
    return { activity: input.kind };
  });

export const removeProjectActivity = (db: Database, context: ActorContext, id: string, activityId: string) =>
  changeProject(db, context, id, async (tx) => {
    const removed = await tx
      .delete(projectActivities)
      .where(and(eq(projectActivities.id, activityId), eq(projectActivities.projectId, id)))
      .returning({ id: projectActivities.id });
    if (removed.length === 0) throw notFound('活動の記録');
    return { activityRemoved: activityId };
  });

/** 資源創出: a resource of the directory this project created. */
export const linkProjectResource = (db: Database, context: ActorContext, id: string, resourceId: string) =>
  changeProject(db, context, id, async (tx) => {
    await requireVisible(tx, context.actor, 'resource', resourceId);
    const linked = await tx
      .insert(projectResources)
      .values({ tenantId: context.actor.tenantId, projectId: id, resourceId })
      .onConflictDoNothing()
      .returning({ id: projectResources.id });
    if (linked.length === 0) {
      throw conflict(
        'RESOURCE_LINKED',
        'この社会資源は、すでにいずれかのプロジェクトから生まれた資源として登録されています。',
      );
    }
    return { resourceLinked: resourceId };
  });

export const unlinkProjectResource = (db: Database, context: ActorContext, id: string, resourceId: string) =>
  changeProject(db, context, id, async (tx) => {
    await tx
      .delete(projectResources)
      .where(and(eq(projectResources.projectId, id), eq(projectResources.resourceId, resourceId)));
    return { resourceUnlinked: resourceId };
  });

/** Links more issues to a project (one that was raised since, for example). */
export const linkProjectIssue = (db: Database, context: ActorContext, id: string, issueId: string) =>
  changeProject(db, context, id, async (tx) => {
    await requireVisible(tx, context.actor, 'regionalIssue', issueId);
    const added = await tx
      .insert(projectIssues)
      .values({ tenantId: context.actor.tenantId, projectId: id, issueId })
      .onConflictDoNothing()
      .returning({ id: projectIssues.id });
    if (added.length === 0)
      throw conflict('ALREADY_LINKED', 'この地域課題は、すでにこのプロジェクトに結びついています。');
    await takeUpIssues(tx, context, [issueId], today());
    return { issueLinked: issueId };
  });
