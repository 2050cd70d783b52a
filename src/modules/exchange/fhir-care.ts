import type { CaseStatus } from '../../shared/case-vocabulary';
import { derivedId, type FhirCaseData } from './fhir-case-data';
import { SYSTEMS } from './fhir-codes';
import {
  type CarePlan,
  type CarePlanActivityStatus,
  type CareTeam,
  type Consent,
  type Goal,
  optional,
  ref,
  some,
} from './fhir-types';

// Consent records, the plan in force (CarePlan with its goals and actions) and the case team
// (CareTeam). The plan and the team are about the household (the Group): the unit of support.

type Phase = 'working' | 'suspended' | 'ended';
const phaseOf = (status: CaseStatus): Phase =>
  status === 'suspended' ? 'suspended' : status === 'closed' || status === 'connected' ? 'ended' : 'working';

export const goalIdOf = (planId: string, goalKey: string) => derivedId('plan-goal', planId, goalKey);

export function consentOf(data: FhirCaseData, c: FhirCaseData['consents'][number]): Consent {
  const withdrawn = c.withdrawnOn !== null && c.withdrawnOn <= data.today;
  const shared = c.scope === 'all_agencies' ? 'すべての関係機関' : '指定した機関';
  return {
    resourceType: 'Consent',
    id: c.id,
    status: withdrawn ? 'inactive' : 'active',
    scope: {
      coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }],
      text: '個人情報の共有',
    },
    category: [
      {
        coding: [{ system: SYSTEMS.loinc, code: '59284-0', display: 'Patient Consent' }],
        text: '本人の同意',
      },
    ],
    patient: ref(c.personId),
    dateTime: c.obtainedOn,
    performer: [ref(c.personId)],
    organization: [ref(c.recordedByOrganisationId)],
    policyRule: {
      coding: [{ system: SYSTEMS.actCode, code: 'OPTIN', display: 'opt-in' }],
      text: `${c.purpose}（共有先：${shared}）`,
    },
    provision: {
      type: 'permit',
      period: { start: c.obtainedOn, ...optional('end', c.withdrawnOn) },
      ...some(
        'actor',
        (c.scope === 'organisations' ? c.organisationIds : [])
          // an id the consent names but no organisation answers to would be a dangling reference
          .filter((id) => data.organisations.some((o) => o.id === id))
          .map((id) => ({
            role: {
              coding: [{ system: SYSTEMS.participationType, code: 'IRCP', display: 'information recipient' }],
              text: '共有先',
            },
            reference: ref(id),
          })),
      ),
    },
  };
}

function activityStatus(
  data: FhirCaseData,
  plan: NonNullable<FhirCaseData['plan']>,
  action: { key: string; from: string },
): CarePlanActivityStatus {
  if (plan.completedActionKeys.includes(action.key)) return 'completed';
  const phase = phaseOf(data.case.status);
  if (phase === 'ended') return 'stopped';
  if (phase === 'suspended') return 'on-hold';
  return action.from > data.today ? 'not-started' : 'in-progress';
}

export function planResources(data: FhirCaseData): { carePlan: CarePlan; goals: Goal[] } | null {
  const plan = data.plan;
  if (!plan) return null;
  const phase = phaseOf(data.case.status);
  const household = ref(data.household.id, data.household.name);
  const goals = plan.content.goals.map(
    (g): Goal => ({
      resourceType: 'Goal',
      id: goalIdOf(plan.id, g.key),
      lifecycleStatus: phase === 'ended' ? 'completed' : phase === 'suspended' ? 'on-hold' : 'active',
      description: { text: g.text },
      subject: household,
      note: [{ text: `目標の期間：${g.timeframe}` }],
    }),
  );
  const carePlan: CarePlan = {
    resourceType: 'CarePlan',
    id: plan.id,
    status: phase === 'ended' ? 'completed' : phase === 'suspended' ? 'on-hold' : 'active',
    intent: 'plan',
    title: `重層的支援プラン（第${plan.version}版）`,
    description: plan.content.vision,
    subject: household,
    period: {
      start: plan.approvedOn ?? plan.createdAt.toISOString(),
      ...optional('end', phase === 'ended' ? data.case.closedOn : null),
    },
    created: plan.createdAt.toISOString(),
    ...optional('author', plan.createdByOrganisationId ? ref(plan.createdByOrganisationId) : null),
    careTeam: [ref(data.case.id)],
    goal: goals.map((g) => ref(g.id)),
    activity: plan.content.actions.map((a) => ({
      detail: {
        status: activityStatus(data, plan, a),
        description: `${a.text}（頻度：${a.frequency}）`,
        ...(a.goalKey ? { goal: [ref(goalIdOf(plan.id, a.goalKey))] } : {}),
        performer: [ref(a.organisationId), ...(a.userId ? [ref(a.userId)] : [])],
        scheduledPeriod: { start: a.from, end: a.until },
      },
    })),
    note: [
      { text: `取り組む課題：${plan.content.issues.join('、')}` },
      { text: `次のモニタリング：${plan.reviewOn}` },
    ],
  };
  return { carePlan, goals };
}

export function careTeamOf(data: FhirCaseData): CareTeam {
  const phase = phaseOf(data.case.status);
  const lead = data.case.leadOrganisationId;
  const participant: CareTeam['participant'] = data.team.map((m) => {
    const leads = m.leftOn === null && m.organisationId === lead;
    return {
      role: [{ text: m.role }, ...(leads ? [{ text: '主担当' }] : [])],
      member: ref(m.userId ?? m.organisationId),
      ...optional('onBehalfOf', m.userId ? ref(m.organisationId) : null),
      period: { start: m.joinedOn, ...optional('end', m.leftOn) },
    };
  });
  const leadUser = data.case.leadUserId;
  if (leadUser && !data.team.some((m) => m.userId === leadUser && m.leftOn === null)) {
    participant.push({ role: [{ text: '主担当' }], member: ref(leadUser), onBehalfOf: ref(lead) });
  }
  return {
    resourceType: 'CareTeam',
    id: data.case.id,
    status: phase === 'ended' ? 'inactive' : phase === 'suspended' ? 'suspended' : 'active',
    name: `${data.household.name}の支援チーム（多機関協働）`,
    subject: ref(data.household.id, data.household.name),
    period: { start: data.case.openedOn, ...optional('end', phase === 'ended' ? data.case.closedOn : null) },
    managingOrganization: [ref(lead)],
    participant,
  };
}
