import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { can, requirePermission } from '../access/access.policy';
import { requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { projectIssues, regionalIssueCases, regionalIssues } from './community.tables';
import { issueLabels } from './regional-issue-page';
import type { ZIssueFilter } from './regional-issues.schemas';

type IssueFilter = z.infer<typeof ZIssueFilter>;

/** 地域課題の一覧; by area, by status, or those a case the actor may see is linked to. */
export async function listIssues(db: Database, context: ActorContext, filter: IssueFilter) {
  requirePermission(context.actor, 'community.read');
  return readTransaction(db, async (tx) => {
    await requireVisibleIfGiven(tx, context.actor, 'area', filter.areaId);
    await requireVisibleIfGiven(tx, context.actor, 'case', filter.caseId);
    const conditions: (SQL | undefined)[] = [
      eq(regionalIssues.tenantId, context.actor.tenantId),
      filter.status ? eq(regionalIssues.status, filter.status) : undefined,
      filter.areaId ? sql`${filter.areaId}::uuid = any(${regionalIssues.areaIds})` : undefined,
      filter.caseId
        ? inArray(
            regionalIssues.id,
            tx
              .select({ id: regionalIssueCases.issueId })
              .from(regionalIssueCases)
              .where(eq(regionalIssueCases.caseId, filter.caseId)),
          )
        : undefined,
    ];
    const rows = await tx
      .select({
        row: regionalIssues,
        projectCount: sql<number>`(select count(*)::int from ${projectIssues} where ${projectIssues.issueId} = ${regionalIssues.id})`,
      })
      .from(regionalIssues)
      .where(and(...conditions))
      .orderBy(desc(regionalIssues.raisedOn), desc(regionalIssues.createdAt))
      .limit(500);
    const present = await issueLabels(tx, context);
    await recordAudit(tx, context, {
      action: 'regional_issue.list',
      detail: {
        ids: rows.map((r) => r.row.id),
        status: filter.status,
        areaId: filter.areaId,
        caseId: filter.caseId,
      },
    });
    return {
      issues: rows.map((r) => present(r.row, Number(r.projectCount))),
      canRaise: can(context.actor, 'community.work') || can(context.actor, 'case_content.write'),
    };
  });
}
