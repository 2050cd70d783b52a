import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { ageDescription } from '../../shared/dates';
import { DEFAULT_ISSUES } from '../../shared/issues';
import { personName } from '../../shared/names';
import { householdComposition } from '../households/households.service';
import { households } from '../households/households.tables';
import { customIssues } from '../intake/intake.tables';
import { latestPlan, planInForce } from './case-common';
import { caseActionCompletions, caseActions, cases } from './cases.tables';

/** The issues the intake recorded (the one marked ◎ first), as labels of the municipality's vocabulary. */
async function intakeIssueLabels(tx: Database, c: typeof cases.$inferSelect): Promise<string[]> {
  if (!c.referralId) return [];
  const [origin] = await queryRows<{ issues: string[] | null; primary_issue: string | null }>(
    tx,
    sql`select co.issues, co.primary_issue from referrals r join consultations co on co.id = r.consultation_id
         where r.id = ${c.referralId}`,
  );
  const codes = origin?.issues ?? [];
  if (codes.length === 0) return [];
  const own = await tx
    .select({ code: customIssues.code, label: customIssues.label })
    .from(customIssues)
    .where(eq(customIssues.tenantId, c.tenantId));
  const labelOf = new Map([...DEFAULT_ISSUES, ...own].map((i) => [i.code, i.label]));
  const primary = origin?.primary_issue;
  const ordered =
    primary && codes.includes(primary) ? [primary, ...codes.filter((x) => x !== primary)] : codes;
  return ordered.map((code) => labelOf.get(code) ?? code);
}

/**
 * What a meeting may see of a tabled case (its packet): summary, household, issues, agencies
 * involved, the current plan and its open actions; never records, assessments or decisions.
 * The caller (the meetings module) decides access and audits the read.
 */
export async function casePacket(tx: Database, caseId: string) {
  const [row] = await tx
    .select({ c: cases, householdName: households.name })
    .from(cases)
    .innerJoin(households, eq(households.id, cases.householdId))
    .where(eq(cases.id, caseId));
  if (!row) throw new Error('tabled case vanished');
  const { c } = row;
  const composition = await householdComposition(tx, c.householdId);
  const team = await queryRows<{
    organisation_id: string;
    organisation_name: string;
    role: string;
    user_name: string | null;
    external: boolean;
  }>(
    tx,
    sql`select tm.organisation_id, o.name as organisation_name, tm.role, u.display_name as user_name, o.external
        from case_team_members tm join organisations o on o.id = tm.organisation_id
        left join users u on u.id = tm.user_id
        where tm.case_id = ${caseId} and tm.left_on is null order by tm.joined_on`,
  );
  const plan = (await planInForce(tx, caseId)) ?? (await latestPlan(tx, caseId));
  const actions = c.planInForceId
    ? await tx
        .select({
          text: caseActions.text,
          until: caseActions.until,
          organisationId: caseActions.organisationId,
        })
        .from(caseActions)
        .where(
          and(
            eq(caseActions.planId, c.planInForceId),
            sql`not exists (select 1 from ${caseActionCompletions} k
                            where k.case_id = ${caseId} and k.action_key = ${caseActions.actionKey})`,
          ),
        )
    : [];
  const organisationName = (id: string) =>
    team.find((t) => t.organisation_id === id)?.organisation_name ?? '';
  return {
    case: {
      id: c.id,
      status: c.status,
      summary: c.summary,
      openedOn: c.openedOn,
      householdName: row.householdName,
    },
    members: composition.members.map((m) => ({
      id: m.person.id,
      name: personName(m.person),
      gender: m.person.gender,
      age: m.person.isDeceased ? '故人' : ageDescription(m.person, now()),
      isDeceased: m.person.isDeceased,
      relation: m.relation,
      livesTogether: m.livesTogether,
      concerned: c.concernedPersonIds.includes(m.person.id),
    })),
    relationships: composition.relationships,
    // before a plan, the meeting still sees what the intake recorded
    ...(plan?.content.issues.length
      ? { issues: plan.content.issues, issuesAtIntake: false }
      : { issues: await intakeIssueLabels(tx, c), issuesAtIntake: true }),
    team: team.map((t) => ({
      organisationId: t.organisation_id,
      organisationName: t.organisation_name,
      role: t.role,
      userName: t.user_name,
      isLead: t.organisation_id === c.leadOrganisationId,
      external: t.external,
    })),
    plan: plan
      ? {
          version: plan.version,
          approved: plan.approvedDecisionId !== null,
          vision: plan.content.vision,
          goals: plan.content.goals.map((g) => ({ text: g.text, timeframe: g.timeframe })),
          actions: plan.content.actions.map((a) => ({
            text: a.text,
            organisationName: organisationName(a.organisationId),
            frequency: a.frequency,
            until: a.until,
          })),
          reviewOn: plan.reviewOn,
        }
      : null,
    planActions: actions.map((a) => ({
      text: a.text,
      organisationName: organisationName(a.organisationId),
      until: a.until,
    })),
  };
}
