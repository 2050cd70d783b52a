import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError, badRequest, forbidden } from '../../server/errors';
import { DECISION_KIND_LABELS, type DecisionKind } from '../../shared/case-vocabulary';
import { can } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import {
  type CaseRow,
  changeStatus,
  currentTeamOrganisations,
  insertDecision,
  invalidTransition,
  latestPlan,
  loadCase,
  requireStatus,
  requireTenantOrganisation,
  requireWorkerOf,
  today,
} from './case-common';
import { transitionRule } from './case-state';
import type { CaseTransition, ConnectionInput, DecisionInput, ScreeningInput } from './cases.schemas';
import { caseAssessments, casePlans, continuedConnections } from './cases.tables';
import { sessionThatTookIt } from './decision-session';

/** Conditions a step needs beyond the state table (the documents it stands on). */
async function checkPreconditions(tx: Database, row: CaseRow, change: CaseTransition) {
  if (row.status === 'assessment' && change.to === 'planning') {
    const [assessment] = await tx
      .select({ id: caseAssessments.id })
      .from(caseAssessments)
      .where(eq(caseAssessments.caseId, row.id))
      .limit(1);
    if (!assessment) {
      throw new AppError(
        409,
        'ASSESSMENT_REQUIRED',
        'アセスメントシートを記録してから、プラン作成に進んでください。',
      );
    }
  }
  if (change.to === 'awaiting_decision') {
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.approvedDecisionId) {
      throw new AppError(409, 'PLAN_REQUIRED', '会議に諮る支援プラン（新しい版）を作成してください。');
    }
  }
  if (row.status === 'awaiting_decision' && change.to === 'supporting') {
    const plan = await latestPlan(tx, row.id);
    if (!plan?.consentOn) {
      throw new AppError(
        409,
        'PLAN_CONSENT_REQUIRED',
        '本人・世帯のプランへの同意（日付と方法）を記録してから、承認を記録してください。',
      );
    }
    return plan;
  }
  if (change.to === 'closed' && row.status === 'evaluating' && !change.closureReason) {
    throw badRequest('CLOSURE_REASON_REQUIRED', '終結の理由を選んでください。');
  }
  return null;
}

async function startConnection(tx: Database, context: ActorContext, row: CaseRow, input: ConnectionInput) {
  const organisation = await requireTenantOrganisation(tx, context, input.organisationId);
  if (organisation.external) {
    // nobody there would see the reminders: the agency that keeps in touch must have a login
    throw badRequest(
      'EXTERNAL_CANNOT_KEEP_IN_TOUCH',
      `${organisation.name}は外部の関係機関（ログインしない機関）のため、つながり継続の担当にはできません。`,
    );
  }
  if (!(await currentTeamOrganisations(tx, row.id)).has(organisation.id)) {
    // the reminders go to an organisation that reads the case: one of its team
    throw badRequest(
      'CONNECTION_NOT_ON_TEAM',
      `${organisation.name}はこの事例の支援チームに入っていないため、つながり継続の担当にはできません。チームの機関から選んでください。`,
    );
  }
  await requireWorkerOf(tx, organisation.id, input.userId);
  if (input.firstContactOn < today()) {
    throw badRequest('PAST_DATE', '次に連絡する日は、今日以降の日付にしてください。');
  }
  await tx.insert(continuedConnections).values({
    tenantId: row.tenantId,
    caseId: row.id,
    organisationId: input.organisationId,
    userId: input.userId,
    intervalDays: input.intervalDays,
    how: input.how,
    nextContactOn: input.firstContactOn,
  });
}

/** Where a decision was taken, when a session of a meeting body took it. */
export type DecisionOrigin = { meetingSessionId: string };

/** Takes a step on the case; answers with the id of the decision record it made, if any. */
export async function transitionCase(
  db: Database,
  context: ActorContext,
  id: string,
  change: CaseTransition,
  origin?: DecisionOrigin,
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    const rule = transitionRule(row.status, change.to);
    if (!rule) throw invalidTransition(row.status, change.to);
    if (rule.who === 'coordinator' && !can(context.actor, 'cases.coordinate')) throw forbidden();
    if (rule.note && !change.note) throw badRequest('NOTE_REQUIRED', '理由を入力してください。');
    if (rule.decision && !change.decision) {
      throw badRequest(
        'DECISION_REQUIRED',
        `「${DECISION_KIND_LABELS[rule.decision]}」の決定（決定日・決定した会議体・内容）を記録してください。`,
      );
    }
    const plan = await checkPreconditions(tx, row, change);
    const taken = change.decision?.meetingSessionId
      ? await sessionThatTookIt(
          tx,
          context,
          row.id,
          change.decision.meetingSessionId,
          change.decision.decidedOn,
        )
      : null;
    const decisionId =
      rule.decision && change.decision
        ? await insertDecision(
            tx,
            context,
            row,
            rule.decision,
            { ...change.decision, decidingBody: taken?.bodyName ?? change.decision.decidingBody },
            {
              closureReason: rule.decision === 'closure' ? change.closureReason : null,
              meetingSessionId: origin?.meetingSessionId ?? taken?.id ?? null,
            },
          )
        : undefined;
    let fields: Partial<CaseRow> = {};
    if (plan && decisionId) {
      await tx.update(casePlans).set({ approvedDecisionId: decisionId }).where(eq(casePlans.id, plan.id));
      fields = { nextReviewOn: plan.reviewOn, planInForceId: plan.id };
    }
    if (change.to === 'closed') {
      fields = {
        closedOn: today(),
        ...(change.closureReason ? { closureReason: change.closureReason } : {}),
      };
    }
    if (row.status === 'connected') {
      await tx
        .update(continuedConnections)
        .set({ endedOn: today() })
        .where(and(eq(continuedConnections.caseId, row.id), isNull(continuedConnections.endedOn)));
    }
    const updated = await changeStatus(tx, context, row, change.to, {
      decisionId,
      note: change.note,
      fields,
    });
    if (change.to === 'closed' && row.status === 'evaluating' && change.connection) {
      await startConnection(tx, context, updated, change.connection);
      await changeStatus(tx, context, updated, 'connected');
    }
    await recordAudit(tx, context, {
      action: 'case.transition',
      targetType: 'case',
      targetId: id,
      detail: {
        from: row.status,
        to: change.to,
        decision: rule.decision ?? null,
        session: origin?.meetingSessionId ?? null,
      },
    });
    return decisionId;
  });
}

/** A decision of a meeting on the case that takes no step (role split, policy, shared, raised). */
export async function recordDecision(
  db: Database,
  context: ActorContext,
  id: string,
  kind: DecisionKind,
  decision: DecisionInput,
  origin: DecisionOrigin,
): Promise<string> {
  return db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    const decisionId = await insertDecision(tx, context, row, kind, decision, origin);
    await recordAudit(tx, context, {
      action: 'case.transition',
      targetType: 'case',
      targetId: id,
      detail: { decision: kind, session: origin.meetingSessionId },
    });
    return decisionId;
  });
}

/** 芦屋 機能Ⅰ: the coordinator's screening decision, with its reason, moves the case on. */
export async function recordScreening(
  db: Database,
  context: ActorContext,
  id: string,
  input: ScreeningInput,
) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    if (!can(context.actor, 'cases.coordinate')) throw forbidden();
    requireStatus(row, ['received', 'screening'], 'スクリーニングを記録');
    const decisionId = await insertDecision(
      tx,
      context,
      row,
      'screening',
      {
        decidedOn: input.decidedOn,
        decidingBody: input.decidingBody,
        content: input.reason,
        meetingSessionId: null,
      },
      { screeningOutcome: input.outcome },
    );
    let current = row;
    if (row.status === 'received') current = await changeStatus(tx, context, row, 'screening');
    const advise = input.outcome === 'advise_referrer';
    await changeStatus(tx, context, current, advise ? 'closed' : 'assessment', {
      decisionId,
      fields: {
        screeningOutcome: input.outcome,
        ...(advise ? { closedOn: today(), closureReason: 'screened_out' as const } : {}),
      },
    });
    await recordAudit(tx, context, {
      action: 'case.screening',
      targetType: 'case',
      targetId: id,
      detail: { outcome: input.outcome },
    });
  });
}
