import { asc, desc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { prepared } from '../../db/prepared';
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  DECISION_KIND_LABELS,
  NEXT_STEP_LABELS,
  RECORD_TYPE_LABELS,
  type RecordType,
} from '../../shared/case-vocabulary';
import { formatWestern } from '../../shared/dates';
import { organisations } from '../organisations/organisations.tables';
import { users } from '../users/users.tables';
import type { AssessmentVersion, PlanVersion, TimelineEntry } from './cases.schemas';
import { caseDecisions, caseEvaluations, caseEvents, casePlans } from './cases.tables';

// The case timeline: records, decisions, state and team changes, document versions and
// evaluations in one list, newest first.

/** Records shown on the case page, newest first; all are counted (recordTotal). */
const TIMELINE_RECORDS = 500;

type RecordRow = {
  id: string;
  created_at: Date | string;
  recorded_on: string;
  type: RecordType;
  minutes: number | null;
  content: string;
  goal_key: string | null;
  action_key: string | null;
  organisation_name: string;
  user_name: string | null;
};

export const caseIdParam = sql.placeholder('caseId');

export const selectEvents = (db: Database, caseId: string) =>
  prepared(db, 'case_page_events', (d) =>
    d
      .select({ event: caseEvents, organisationName: organisations.name, userName: users.displayName })
      .from(caseEvents)
      .leftJoin(organisations, eq(organisations.id, caseEvents.byOrganisationId))
      .leftJoin(users, eq(users.id, caseEvents.byUserId))
      .where(eq(caseEvents.caseId, caseIdParam))
      .orderBy(asc(caseEvents.at))
      .prepare('case_page_events'),
  ).execute({ caseId });

export const selectDecisions = (db: Database, caseId: string) =>
  prepared(db, 'case_page_decisions', (d) =>
    d
      .select({ decision: caseDecisions, organisationName: organisations.name, userName: users.displayName })
      .from(caseDecisions)
      .leftJoin(organisations, eq(organisations.id, caseDecisions.createdByOrganisationId))
      .leftJoin(users, eq(users.id, caseDecisions.createdByUserId))
      .where(eq(caseDecisions.caseId, caseIdParam))
      .orderBy(desc(caseDecisions.decidedOn), desc(caseDecisions.createdAt))
      .prepare('case_page_decisions'),
  ).execute({ caseId });

export const selectRecords = (db: Database, caseId: string) =>
  queryRows<RecordRow & { total: number }>(
    db,
    sql`select sr.id, sr.recorded_on::text, sr.created_at, sr.type, sr.minutes, sr.content, sr.goal_key, sr.action_key,
          o.name as organisation_name, u.display_name as user_name, count(*) over () as total
        from support_records sr
        join organisations o on o.id = sr.organisation_id
        left join users u on u.id = sr.user_id
        where sr.case_id = ${caseId}
        order by sr.recorded_on desc, sr.created_at desc
        limit ${TIMELINE_RECORDS}`,
  );

export const selectEvaluations = (db: Database, caseId: string) =>
  prepared(db, 'case_page_evaluations', (d) =>
    d
      .select({
        evaluation: caseEvaluations,
        planVersion: casePlans.version,
        organisationName: organisations.name,
        userName: users.displayName,
      })
      .from(caseEvaluations)
      .innerJoin(casePlans, eq(casePlans.id, caseEvaluations.planId))
      .leftJoin(organisations, eq(organisations.id, caseEvaluations.createdByOrganisationId))
      .leftJoin(users, eq(users.id, caseEvaluations.createdByUserId))
      .where(eq(caseEvaluations.caseId, caseIdParam))
      .orderBy(asc(caseEvaluations.createdAt))
      .prepare('case_page_evaluations'),
  ).execute({ caseId });

type Fetched<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export function timeline(parts: {
  plans: PlanVersion[];
  assessments: AssessmentVersion[];
  events: Fetched<typeof selectEvents>;
  decisions: Fetched<typeof selectDecisions>;
  records: Fetched<typeof selectRecords>;
  evaluations: Fetched<typeof selectEvaluations>;
}): { entries: TimelineEntry[]; recordTotal: number } {
  const { events, decisions, records, evaluations } = parts;
  const base = { detail: null, recordType: null, minutes: null, serves: null };
  const plan = parts.plans.at(-1);
  const servesText = (r: RecordRow) => {
    const action = plan?.content.actions.find((a) => a.key === r.action_key);
    const goal = plan?.content.goals.find((g) => g.key === r.goal_key);
    return action?.text ?? goal?.text ?? null;
  };
  const entries: TimelineEntry[] = [
    ...events.map(({ event, organisationName, userName }) => ({
      ...base,
      key: `e-${event.id}`,
      at: event.at.toISOString(),
      kind: event.kind === 'status' ? ('status' as const) : ('team' as const),
      title:
        event.kind === 'status'
          ? `段階：${event.toStatus ? CASE_STATUS_LABELS[event.toStatus as CaseStatus] : ''}`
          : { team_joined: 'チームに参加', team_left: 'チームから外れる', lead_changed: '主担当の交代' }[
              event.kind
            ],
      detail: event.note,
      organisationName,
      userName,
    })),
    ...decisions.map(({ decision, organisationName, userName }) => ({
      ...base,
      key: `d-${decision.id}`,
      at: decision.decidedOn,
      kind: 'decision' as const,
      title: `決定：${DECISION_KIND_LABELS[decision.kind]}（${decision.decidingBody}）`,
      detail: decision.content,
      organisationName,
      userName,
    })),
    ...records.map((r) => ({
      key: `r-${r.id}`,
      at: r.recorded_on,
      kind: 'record' as const,
      title: RECORD_TYPE_LABELS[r.type],
      detail: r.content,
      recordType: r.type,
      minutes: r.minutes,
      serves: servesText(r),
      organisationName: r.organisation_name,
      userName: r.user_name,
    })),
    ...evaluations.map(({ evaluation, organisationName, userName }) => ({
      ...base,
      key: `v-${evaluation.id}`,
      at: evaluation.evaluatedOn,
      kind: 'evaluation' as const,
      title: `評価（次の方針：${NEXT_STEP_LABELS[evaluation.nextStep]}）`,
      detail: evaluation.overall,
      organisationName,
      userName,
    })),
    ...parts.plans.map((p) => ({
      ...base,
      key: `p-${p.id}`,
      at: p.createdAt,
      kind: 'plan' as const,
      title: `支援プラン 第${p.version}版`,
      detail: p.changes.join('、'),
      organisationName: p.organisationName,
      userName: p.userName,
    })),
    ...parts.assessments.map((a) => ({
      ...base,
      key: `a-${a.id}`,
      at: a.createdAt,
      kind: 'assessment' as const,
      title: `アセスメント 第${a.version}版`,
      detail: a.changes.join('、'),
      organisationName: a.organisationName,
      userName: a.userName,
    })),
  ];
  // Newest first: by the Japanese calendar day of the entry, then by when it was written.
  const inserted = new Map<string, string>([
    ...decisions.map(({ decision }) => [`d-${decision.id}`, decision.createdAt.toISOString()] as const),
    ...evaluations.map(
      ({ evaluation }) => [`v-${evaluation.id}`, evaluation.createdAt.toISOString()] as const,
    ),
    ...records.map((r) => [`r-${r.id}`, new Date(r.created_at).toISOString()] as const),
  ]);
  const sortKey = (e: TimelineEntry) =>
    `${e.at.includes('T') ? formatWestern(e.at) : e.at}|${inserted.get(e.key) ?? e.at}`;
  // each entry's key worked out once, not on every comparison (Intl formatting inside the
  // comparisons was about 5 % of a case page's CPU in node); the keys are ASCII
  const keyed = entries.map((entry) => ({ entry, key: sortKey(entry) }));
  keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return { entries: keyed.map((k) => k.entry), recordTotal: Number(records[0]?.total ?? 0) };
}
