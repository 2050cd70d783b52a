import { asc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { REGIONAL_ISSUE_MOVES } from '../../shared/community-vocabulary';
import { can } from '../access/access.policy';
import { caseAccess } from '../access/case-scope';
import { requireVisible } from '../access/resolve';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { issueVocabulary } from '../intake/issues.service';
import { agendaItems, meetingBodies, meetingSessions } from '../meetings/meetings.tables';
import { users } from '../users/users.tables';
import { communityProjects, projectIssues, regionalIssueEvents, regionalIssues } from './community.tables';
import { issueEvidence } from './issue-evidence';
import type { IssueSummary, RegionalIssue } from './regional-issues.schemas';

type IssueRow = typeof regionalIssues.$inferSelect;

/** Names of areas and issue categories for a set of issues. */
export async function issueLabels(tx: Database, context: ActorContext) {
  const areaRows = await tx
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(eq(areas.tenantId, context.actor.tenantId));
  const areaNames = new Map(areaRows.map((a) => [a.id, a.name]));
  const labels = new Map((await issueVocabulary(tx, context.actor)).map((i) => [i.code, i.label]));
  return (row: IssueRow, projectCount: number): IssueSummary => ({
    id: row.id,
    title: row.title,
    status: row.status,
    source: row.source,
    areas: row.areaIds.map((id) => ({ id, name: areaNames.get(id) ?? '（削除された地区）' })),
    issues: row.issueCodes.map((code) => ({ code, label: labels.get(code) ?? code })),
    raisedOn: row.raisedOn,
    proposedTo: row.proposedTo,
    proposedOn: row.proposedOn,
    projectCount,
  });
}

/** The issue page: what it is, its history, its projects, its evidence, and the cases the viewer may see. */
export async function readIssue(tx: Database, context: ActorContext, id: string): Promise<RegionalIssue> {
  await requireVisible(tx, context.actor, 'regionalIssue', id);
  const [row] = await tx.select().from(regionalIssues).where(eq(regionalIssues.id, id));
  if (!row) throw new Error('issue vanished');
  const events = await tx
    .select({ e: regionalIssueEvents, userName: users.displayName })
    .from(regionalIssueEvents)
    .innerJoin(users, eq(users.id, regionalIssueEvents.userId))
    .where(eq(regionalIssueEvents.issueId, id))
    .orderBy(asc(regionalIssueEvents.happenedOn), asc(regionalIssueEvents.createdAt));
  const projects = await tx
    .select({ id: communityProjects.id, title: communityProjects.title, status: communityProjects.status })
    .from(projectIssues)
    .innerJoin(communityProjects, eq(communityProjects.id, projectIssues.projectId))
    .where(eq(projectIssues.issueId, id));
  const visibleCases = await queryRows<{ id: string; summary: string; household_name: string }>(
    tx,
    sql`select cases.id, cases.summary, h.name as household_name
          from regional_issue_cases l join cases on cases.id = l.case_id join households h on h.id = cases.household_id
         where l.issue_id = ${id} and ${caseAccess(context.actor)} order by cases.opened_on`,
  );
  const [source] = row.sourceAgendaItemId
    ? await tx
        .select({ bodyName: meetingBodies.name, startsAt: meetingSessions.startsAt })
        .from(agendaItems)
        .innerJoin(meetingSessions, eq(meetingSessions.id, agendaItems.sessionId))
        .innerJoin(meetingBodies, eq(meetingBodies.id, meetingSessions.bodyId))
        .where(eq(agendaItems.id, row.sourceAgendaItemId))
    : [];
  const [raisedBy] = await tx
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, row.raisedByUserId));
  const present = await issueLabels(tx, context);
  await recordAudit(tx, context, {
    action: 'regional_issue.read',
    targetType: 'regional_issue',
    targetId: id,
    detail: { cases: visibleCases.map((c) => c.id) },
  });
  return {
    ...present(row, projects.length),
    description: row.description,
    version: row.version,
    raisedByName: raisedBy?.name ?? '',
    sourceMeeting: source ? { bodyName: source.bodyName, startsAt: source.startsAt.toISOString() } : null,
    events: events.map(({ e, userName }) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      happenedOn: e.happenedOn,
      body: e.body,
      note: e.note,
      userName,
    })),
    projects,
    visibleCases: visibleCases.map((c) => ({
      id: c.id,
      summary: c.summary,
      householdName: c.household_name,
    })),
    evidence: await issueEvidence(tx, context, row),
    nextMoves: can(context.actor, 'community.work') ? REGIONAL_ISSUE_MOVES[row.status] : [],
    canWrite: can(context.actor, 'community.work'),
    canLinkCases: can(context.actor, 'case_content.write'),
  };
}
