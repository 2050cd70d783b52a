import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError, badRequest, conflict, forbidden } from '../../server/errors';
import {
  REGIONAL_ISSUE_MOVES,
  REGIONAL_ISSUE_STATUS_LABELS,
  type RegionalIssueStatus,
} from '../../shared/community-vocabulary';
import { can, requirePermission } from '../access/access.policy';
import { requireAllVisible, requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { issueVocabulary } from '../intake/issues.service';
import { regionalIssueCases, regionalIssueEvents, regionalIssues } from './community.tables';
import { readIssue } from './regional-issue-page';
import type { MoveIssue, RaiseIssue, UpdateIssue } from './regional-issues.schemas';

async function requireKnownCodes(tx: Database, context: ActorContext, codes: string[]) {
  const known = new Set((await issueVocabulary(tx, context.actor)).map((i) => i.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown)
    throw badRequest('UNKNOWN_ISSUE_CODE', `課題の分類「${unknown}」は、この自治体の語彙にありません。`);
}

/**
 * Raising an issue is community work; a team member who may see the cases may also raise
 * one from those cases (事例から).
 */
function requireMayRaise(context: ActorContext, input: RaiseIssue) {
  if (can(context.actor, 'community.work')) return;
  if (input.source === 'cases' && input.caseIds.length > 0 && can(context.actor, 'case_content.write'))
    return;
  throw forbidden();
}

/**
 * The issue is read by everyone at work on the community: its words may not name the people of
 * the cases behind it (a busy worker writes 「早川さん世帯の支援で…」 without thinking).
 */
async function requireNoNames(tx: Database, caseIds: string[], texts: (string | undefined)[]) {
  if (caseIds.length === 0) return;
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`select distinct p.family_name as name from cases c
          join household_members m on m.household_id = c.household_id
          join persons p on p.id = m.person_id
         where c.id = any(${`{${caseIds.join(',')}}`}::uuid[]) and char_length(p.family_name) >= 2`,
  );
  const text = texts.filter(Boolean).join('\n');
  const named = rows.map((r) => r.name).find((name) => text.includes(name));
  if (named) {
    throw badRequest(
      'NAME_IN_TEXT',
      `地域課題の名前か内容に、事例の方の名前（${named}）が含まれています。地域づくりにかかわる職員全員が読むため、個人名・世帯名は書かず、「東町地区の50代の男性」のように書いてください。`,
    );
  }
}

type NewIssue = Omit<RaiseIssue, 'caseIds'> & { sourceAgendaItemId?: string | null };

/** Inserts the issue, its first step and its cases; the callers have checked every id. */
export async function insertIssue(tx: Database, context: ActorContext, input: NewIssue, caseIds: string[]) {
  const [row] = await tx
    .insert(regionalIssues)
    .values({ ...input, tenantId: context.actor.tenantId, raisedByUserId: context.actor.userId })
    .returning({ id: regionalIssues.id });
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(regionalIssueEvents).values({
    tenantId: context.actor.tenantId,
    issueId: row.id,
    toStatus: 'raised',
    happenedOn: input.raisedOn,
    userId: context.actor.userId,
  });
  if (caseIds.length > 0) {
    await tx.insert(regionalIssueCases).values(
      caseIds.map((caseId) => ({
        tenantId: context.actor.tenantId,
        issueId: row.id,
        caseId,
        linkedByUserId: context.actor.userId,
      })),
    );
  }
  await recordAudit(tx, context, {
    action: 'regional_issue.raise',
    targetType: 'regional_issue',
    targetId: row.id,
    detail: { source: input.source, cases: caseIds },
  });
  return row.id;
}

export async function raiseIssue(db: Database, context: ActorContext, input: RaiseIssue) {
  requireMayRaise(context, input);
  const id = await db.transaction(async (tx) => {
    await requireAllVisible(tx, context.actor, 'area', input.areaIds);
    const caseIds = await requireAllVisible(tx, context.actor, 'case', input.caseIds);
    await requireKnownCodes(tx, context, input.issueCodes);
    await requireNoNames(tx, caseIds, [input.title, input.description]);
    const { caseIds: _linked, ...fields } = input;
    return insertIssue(tx, context, fields, caseIds);
  });
  return getIssue(db, context, id);
}

export async function getIssue(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'community.read');
  return readTransaction(db, (tx) => readIssue(tx, context, id));
}

export async function updateIssue(db: Database, context: ActorContext, id: string, input: UpdateIssue) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'regionalIssue', id);
    const { version, ...fields } = input;
    await requireVersion(tx, regionalIssues, id, version);
    if (fields.areaIds) await requireAllVisible(tx, context.actor, 'area', fields.areaIds);
    if (fields.issueCodes) await requireKnownCodes(tx, context, fields.issueCodes);
    const linked = await tx
      .select({ caseId: regionalIssueCases.caseId })
      .from(regionalIssueCases)
      .where(eq(regionalIssueCases.issueId, id));
    await requireNoNames(
      tx,
      linked.map((l) => l.caseId),
      [fields.title, fields.description],
    );
    if (Object.keys(fields).length > 0) {
      await tx
        .update(regionalIssues)
        .set({ ...fields, updatedByUserId: context.actor.userId })
        .where(eq(regionalIssues.id, id));
    }
    await recordAudit(tx, context, {
      action: 'regional_issue.update',
      targetType: 'regional_issue',
      targetId: id,
      detail: { fields: Object.keys(fields) },
    });
  });
  return getIssue(db, context, id);
}

/** Records a move of the issue (抽出 → 協議中 → …) with the day and, for 協議中, the body. */
export async function moveIssueInTx(
  tx: Database,
  context: ActorContext,
  id: string,
  input: Omit<MoveIssue, 'version'>,
) {
  const [issue] = await tx.select().from(regionalIssues).where(eq(regionalIssues.id, id)).for('update');
  if (!issue) throw new Error('issue vanished');
  if (!REGIONAL_ISSUE_MOVES[issue.status].includes(input.to)) {
    throw new AppError(409, 'INVALID_MOVE', moveRefusal(issue.status, input.to));
  }
  if (input.to === 'under_discussion' && !input.body) {
    throw badRequest('BODY_REQUIRED', '協議中にするには、提起した協議の場（会議体）を入力してください。');
  }
  await tx
    .update(regionalIssues)
    .set({
      status: input.to,
      updatedByUserId: context.actor.userId,
      ...(input.to === 'under_discussion' ? { proposedTo: input.body, proposedOn: input.on } : {}),
    })
    .where(eq(regionalIssues.id, id));
  await tx.insert(regionalIssueEvents).values({
    tenantId: context.actor.tenantId,
    issueId: id,
    fromStatus: issue.status,
    toStatus: input.to,
    happenedOn: input.on,
    body: input.body ?? null,
    note: input.note ?? null,
    userId: context.actor.userId,
  });
  await recordAudit(tx, context, {
    action: 'regional_issue.move',
    targetType: 'regional_issue',
    targetId: id,
    detail: { from: issue.status, to: input.to },
  });
}

function moveRefusal(from: RegionalIssueStatus, to: RegionalIssueStatus) {
  if (from === 'resolved') return 'この地域課題は解決済みです。状況は変えられません。';
  return `「${REGIONAL_ISSUE_STATUS_LABELS[from]}」から「${REGIONAL_ISSUE_STATUS_LABELS[to]}」には進められません。`;
}

export async function moveIssue(db: Database, context: ActorContext, id: string, input: MoveIssue) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'regionalIssue', id);
    const { version, ...move } = input;
    await requireVersion(tx, regionalIssues, id, version);
    await moveIssueInTx(tx, context, id, move);
  });
  return getIssue(db, context, id);
}

/** Links a case to an issue: someone who may see the case and write case records. */
export async function linkCase(db: Database, context: ActorContext, id: string, caseId: string) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'regionalIssue', id);
    await requireVisible(tx, context.actor, 'case', caseId);
    const inserted = await tx
      .insert(regionalIssueCases)
      .values({ tenantId: context.actor.tenantId, issueId: id, caseId, linkedByUserId: context.actor.userId })
      .onConflictDoNothing()
      .returning({ id: regionalIssueCases.id });
    if (inserted.length === 0)
      throw conflict('ALREADY_LINKED', 'この事例は、すでにこの地域課題に結びついています。');
    await recordAudit(tx, context, {
      action: 'regional_issue.link_case',
      targetType: 'regional_issue',
      targetId: id,
      detail: { linked: caseId },
    });
  });
  return getIssue(db, context, id);
}

export async function unlinkCase(db: Database, context: ActorContext, id: string, caseId: string) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'regionalIssue', id);
    await requireVisible(tx, context.actor, 'case', caseId);
    await tx
      .delete(regionalIssueCases)
      .where(and(eq(regionalIssueCases.issueId, id), eq(regionalIssueCases.caseId, caseId)));
    await recordAudit(tx, context, {
      action: 'regional_issue.link_case',
      targetType: 'regional_issue',
      targetId: id,
      detail: { unlinked: caseId },
    });
  });
  return getIssue(db, context, id);
}

/**
 * A meeting's decision 「地域課題として提起」 raises the issue (抽出) at once. From a theme, the
 * theme and the decision are the issue. From a tabled case, the case is linked (seen only by those
 * who may see it) but nothing the meeting said about it is copied: the decision may be about a
 * resident, and the issue is read by everyone at work on the community. The coordinator writes
 * the issue in words that name no one; areas and categories are added on the issue's page.
 */
export async function raiseFromMeeting(
  tx: Database,
  context: ActorContext,
  decision: {
    agendaItemId: string;
    title: string | null;
    bodyName: string;
    content: string;
    on: string;
    caseId: string | null;
  },
) {
  const fromCase = decision.caseId !== null;
  return insertIssue(
    tx,
    context,
    {
      title:
        fromCase || !decision.title ? `${decision.bodyName}で事例から提起された地域課題` : decision.title,
      description: fromCase
        ? `${decision.bodyName}で、事例の検討から地域課題として提起されました。個人が特定されない言葉で、何が地域の課題かを書き加えてください。`
        : decision.content,
      areaIds: [],
      issueCodes: [],
      source: 'meeting',
      sourceAgendaItemId: decision.agendaItemId,
      raisedOn: decision.on,
    },
    fromCase && decision.caseId ? [decision.caseId] : [],
  );
}
