import { asc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { prepared } from '../../db/prepared';
import { now } from '../../server/clock';
import { addDays, ageDescription, formatWestern } from '../../shared/dates';
import { DEFAULT_ISSUES } from '../../shared/issues';
import { personName } from '../../shared/names';
import { can } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { householdMembers } from '../households/households.tables';
import { issueVocabulary } from '../intake/issues.service';
import { organisations } from '../organisations/organisations.tables';
import { personColumns, persons } from '../people/people.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';
import { type CaseRow, loadCase } from './case-common';
import { assessmentVersions, planVersions } from './case-documents.service';
import { ACTIVE_STATUSES } from './case-state';
import {
  caseIdParam,
  selectDecisions,
  selectEvaluations,
  selectEvents,
  selectRecords,
  timeline,
} from './case-timeline';
import type { Case } from './cases.schemas';
import { selectCaseSummaries } from './cases.service';
import { caseActionCompletions, continuedConnections } from './cases.tables';

type TeamRow = {
  id: string;
  organisation_id: string;
  organisation_name: string;
  user_id: string | null;
  user_name: string | null;
  role: string;
  joined_on: string;
  left_on: string | null;
  last_record_on: string | null;
  external: boolean;
  last_activity_on: string;
};

const selectTeam = (tx: Database, caseId: string) =>
  queryRows<TeamRow>(
    tx,
    sql`select tm.id, tm.organisation_id, o.name as organisation_name, tm.user_id, u.display_name as user_name,
          tm.role, tm.joined_on::text, tm.left_on::text, r.last_record_on::text, o.external,
          greatest(tm.joined_on, r.last_record_on,
            (select max((e.at at time zone 'Asia/Tokyo')::date) from case_events e
              where e.case_id = tm.case_id and e.by_organisation_id = tm.organisation_id))::text as last_activity_on
        from case_team_members tm
        join organisations o on o.id = tm.organisation_id
        left join users u on u.id = tm.user_id
        left join lateral (select max(sr.recorded_on) as last_record_on from support_records sr
                           where sr.case_id = tm.case_id and sr.organisation_id = tm.organisation_id) r on true
        where tm.case_id = ${caseId}
        order by tm.left_on nulls first, tm.joined_on`,
  );

function presentTeam(rows: TeamRow[], row: CaseRow, inactivityDays: number, todayIso: string) {
  const threshold = addDays(todayIso, -inactivityDays);
  const working = ACTIVE_STATUSES.includes(row.status);
  return rows.map((m) => ({
    id: m.id,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    userId: m.user_id,
    userName: m.user_name,
    role: m.role,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    isLead: m.left_on === null && m.organisation_id === row.leadOrganisationId,
    lastRecordOn: m.last_record_on,
    external: m.external,
    // a partner without a login records nothing here: the lead follows it up instead
    quiet: working && !m.external && m.left_on === null && m.last_activity_on < threshold,
  }));
}

const selectMembers = (db: Database, householdId: string) =>
  prepared(db, 'case_page_members', (d) =>
    d
      .select({ person: personColumns, relation: householdMembers.relation })
      .from(householdMembers)
      .innerJoin(persons, eq(persons.id, householdMembers.personId))
      .where(eq(householdMembers.householdId, sql.placeholder('householdId')))
      .orderBy(asc(householdMembers.createdAt))
      .prepare('case_page_members'),
  ).execute({ householdId });

const selectConnection = (db: Database, caseId: string) =>
  prepared(db, 'case_page_connection', (d) =>
    d
      .select({ c: continuedConnections, organisationName: organisations.name, userName: users.displayName })
      .from(continuedConnections)
      .innerJoin(organisations, eq(organisations.id, continuedConnections.organisationId))
      .leftJoin(users, eq(users.id, continuedConnections.userId))
      .where(eq(continuedConnections.caseId, caseIdParam))
      .prepare('case_page_connection'),
  ).execute({ caseId });

const selectCompletions = (db: Database, caseId: string) =>
  prepared(db, 'case_page_completions', (d) =>
    d
      .select({ key: caseActionCompletions.actionKey })
      .from(caseActionCompletions)
      .where(eq(caseActionCompletions.caseId, caseIdParam))
      .prepare('case_page_completions'),
  ).execute({ caseId });

const selectReferral = async (db: Database, referralId: string | null) =>
  referralId
    ? queryRows<{ id: string; from_name: string; issues: string[] | null; primary_issue: string | null }>(
        db,
        sql`select r.id, o.name as from_name, c.issues, c.primary_issue
            from referrals r join organisations o on o.id = r.from_organisation_id
            left join consultations c on c.id = r.consultation_id
            where r.id = ${referralId}`,
      )
    : [];

/** The issues the intake recorded (the one marked ◎ first), as labels: a plan's starting point. */
async function intakeIssues(db: Database, context: ActorContext, codes: string[], primary: string | null) {
  if (codes.length === 0) return [];
  // the municipality's own issues are read only when the intake used one
  const vocabulary = codes.every((code) => DEFAULT_ISSUES.some((i) => i.code === code))
    ? DEFAULT_ISSUES
    : await issueVocabulary(db, context.actor);
  const ordered =
    primary && codes.includes(primary) ? [primary, ...codes.filter((c) => c !== primary)] : codes;
  return ordered.map((code) => vocabulary.find((i) => i.code === code)?.label ?? code);
}

/**
 * The case page. After the access check, the independent reads run side by side on the
 * pool (a case page is about twenty small queries), and so does the audit entry of the
 * read: nothing is returned unless it is written (a read that then fails is still logged).
 */
export async function getCase(db: Database, context: ActorContext, id: string): Promise<Case> {
  const row = await loadCase(db, context, id, 'read');
  const todayIso = formatWestern(now());
  const [
    [tenant],
    [summary],
    memberRows,
    assessments,
    plans,
    completions,
    [connection],
    referral,
    events,
    decisions,
    records,
    evaluations,
    teamRows,
  ] = await Promise.all([
    prepared(db, 'case_page_tenant', (d) =>
      d
        .select({ inactivityDays: tenants.caseInactivityDays })
        .from(tenants)
        .where(eq(tenants.id, sql.placeholder('tenantId')))
        .prepare('case_page_tenant'),
    ).execute({ tenantId: row.tenantId }),
    selectCaseSummaries(db, sql`c.id = ${id}`, 1),
    selectMembers(db, row.householdId),
    assessmentVersions(db, id),
    planVersions(db, id),
    selectCompletions(db, id),
    selectConnection(db, id),
    selectReferral(db, row.referralId),
    selectEvents(db, id),
    selectDecisions(db, id),
    selectRecords(db, id),
    selectEvaluations(db, id),
    selectTeam(db, row.id),
    readTransaction(db, (tx) =>
      recordAudit(tx, context, { action: 'case.read', targetType: 'case', targetId: id }),
    ),
  ]);
  if (!summary) throw new Error('case summary vanished');
  const inactivityDays = tenant?.inactivityDays ?? 30;
  const { entries, recordTotal } = timeline({ plans, assessments, events, decisions, records, evaluations });
  const latest = evaluations.at(-1);
  return {
    ...summary,
    referral: referral[0] ? { id: referral[0].id, fromOrganisationName: referral[0].from_name } : null,
    intakeIssues: await intakeIssues(
      db,
      context,
      referral[0]?.issues ?? [],
      referral[0]?.primary_issue ?? null,
    ),
    members: memberRows.map((m) => ({
      personId: m.person.id,
      name: personName(m.person),
      relationship: m.relation,
      age: m.person.isDeceased ? '故人' : ageDescription(m.person, now()),
      concerned: row.concernedPersonIds.includes(m.person.id),
    })),
    leadOrganisationId: row.leadOrganisationId,
    leadUserId: row.leadUserId,
    screeningOutcome: row.screeningOutcome,
    closureReason: row.closureReason,
    closedOn: row.closedOn,
    team: presentTeam(teamRows, row, inactivityDays, todayIso),
    assessment: assessments.at(-1) ?? null,
    plan: plans.at(-1) ?? null,
    planInForce: plans.filter((p) => p.approvedOn).at(-1) ?? null,
    completedActionKeys: completions.map((c) => c.key),
    evaluation: latest
      ? {
          id: latest.evaluation.id,
          planVersion: latest.planVersion,
          evaluatedOn: latest.evaluation.evaluatedOn,
          goals: latest.evaluation.goals,
          overall: latest.evaluation.overall,
          nextStep: latest.evaluation.nextStep,
          organisationName: latest.organisationName,
          userName: latest.userName,
        }
      : null,
    decisions: decisions.map(({ decision: d }) => ({
      id: d.id,
      kind: d.kind,
      decidedOn: d.decidedOn,
      decidingBody: d.decidingBody,
      content: d.content,
      screeningOutcome: d.screeningOutcome,
      closureReason: d.closureReason,
      meetingSessionId: d.meetingSessionId,
    })),
    connection: connection
      ? {
          organisationId: connection.c.organisationId,
          intervalDays: connection.c.intervalDays,
          how: connection.c.how,
          nextContactOn: connection.c.nextContactOn,
          endedOn: connection.c.endedOn,
          organisationName: connection.organisationName,
          userName: connection.userName,
        }
      : null,
    timeline: entries,
    recordTotal,
    inactivityDays,
    canWrite: can(context.actor, 'case_content.write'),
    isCoordinator: can(context.actor, 'cases.coordinate'),
    canManageTeam:
      can(context.actor, 'cases.coordinate') ||
      (context.actor.organisationId !== null && context.actor.organisationId === row.leadOrganisationId),
  };
}
