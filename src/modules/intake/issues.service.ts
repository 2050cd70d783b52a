import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { conflict } from '../../server/errors';
import { DEFAULT_ISSUES, type IssueDefinition } from '../../shared/issues';
import { requiredText } from '../../shared/schema-helpers';
import { type Actor, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { customIssues } from './intake.tables';

export const ZCustomIssueInput = z.strictObject({
  label: requiredText('課題の名称', 60),
  sensitive: z.boolean().default(false),
});
export type CustomIssueInput = z.infer<typeof ZCustomIssueInput>;

/** The municipality's issue vocabulary: the defaults of DOMAIN.md and its own additions. */
export async function issueVocabulary(db: Database, actor: Actor): Promise<IssueDefinition[]> {
  const own = await db
    .select({ code: customIssues.code, label: customIssues.label, sensitive: customIssues.sensitive })
    .from(customIssues)
    .where(eq(customIssues.tenantId, actor.tenantId))
    .orderBy(asc(customIssues.createdAt));
  return [...DEFAULT_ISSUES, ...own];
}

export async function addCustomIssue(db: Database, context: ActorContext, input: CustomIssueInput) {
  requirePermission(context.actor, 'admin.organisations.manage');
  return db.transaction(async (tx) => {
    const existing = await issueVocabulary(tx, context.actor);
    if (existing.some((i) => i.label === input.label)) {
      throw conflict('ISSUE_EXISTS', '同じ名称の課題がすでにあります。');
    }
    const own = await tx
      .select({ code: customIssues.code })
      .from(customIssues)
      .where(and(eq(customIssues.tenantId, context.actor.tenantId)));
    const code = `custom_${own.length + 1}`;
    await tx.insert(customIssues).values({ tenantId: context.actor.tenantId, code, ...input });
    await recordAudit(tx, context, { action: 'issue.create', detail: { code, sensitive: input.sensitive } });
    return issueVocabulary(tx, context.actor);
  });
}
