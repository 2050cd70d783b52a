import { REFERRAL_STATUS_LABELS } from '../../shared/intake-vocabulary';
import { derivedId, type FhirCaseData } from './fhir-case-data';
import { REFERRAL_TASK_STATUS, SYSTEMS } from './fhir-codes';
import { type Annotation, optional, ref, type ServiceRequest, some, type Task } from './fhir-types';

// つなぎ as the SDOH Clinical Care referral pattern: a ServiceRequest for what is asked, and a
// Task that carries it to the receiving organisation and follows its state.

type Referral = FhirCaseData['referrals'][number];

const MULTI_AGENCY = '多機関協働（重層的支援体制整備事業のコーディネーター）';

export const taskIdOf = (referralId: string) => derivedId('referral-task', referralId);

const notes = (...lines: [string, string | null][]): Annotation[] =>
  lines.flatMap(([label, text]) => (text?.trim() ? [{ text: `${label}：${text}` }] : []));

/** The person the referral is about when exported, else the household. */
function subjectOf(data: FhirCaseData, r: Referral) {
  const exported = r.personId && data.members.some((m) => m.person.id === r.personId);
  return exported && r.personId ? ref(r.personId) : ref(data.household.id, data.household.name);
}

export function serviceRequestOf(data: FhirCaseData, r: Referral): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    status: REFERRAL_TASK_STATUS[r.status].request,
    intent: 'order',
    priority: r.urgent ? 'urgent' : 'routine',
    code: { text: r.toMultiAgency ? '多機関協働へのつなぎ' : '関係機関へのつなぎ' },
    subject: subjectOf(data, r),
    ...optional('authoredOn', r.sentAt?.toISOString()),
    requester: ref(r.fromOrganisationId),
    ...(r.toOrganisationId
      ? { performer: [ref(r.toOrganisationId)] }
      : { performerType: { text: MULTI_AGENCY } }),
    reasonCode: [{ text: r.mainComplaint }],
    ...some('note', notes(['つなぐ理由', r.reason], ['これまでの対応', r.actionsTaken])),
  };
}

export function taskOf(data: FhirCaseData, r: Referral): Task {
  const status = REFERRAL_TASK_STATUS[r.status].task;
  const why = r.status === 'declined' ? r.declineReason : r.status === 'unsuccessful' ? r.outcome : null;
  return {
    resourceType: 'Task',
    id: taskIdOf(r.id),
    status,
    businessStatus: { text: REFERRAL_STATUS_LABELS[r.status] },
    ...optional('statusReason', why?.trim() ? { text: why } : null),
    intent: 'order',
    priority: r.urgent ? 'urgent' : 'routine',
    code: {
      coding: [{ system: SYSTEMS.taskCode, code: 'fulfill', display: 'Fulfill the focal request' }],
      text: 'つなぎの受け手による対応',
    },
    focus: ref(r.id),
    for: subjectOf(data, r),
    ...optional('authoredOn', r.sentAt?.toISOString()),
    // updated_at defaults to the transaction's start, a moment before sent_at is taken
    lastModified: new Date(Math.max(r.updatedAt.getTime(), r.sentAt?.getTime() ?? 0)).toISOString(),
    requester: ref(r.fromOrganisationId),
    // a referral to 多機関協働 goes to the municipality's coordinators, not to one organisation
    ...(r.toOrganisationId ? { owner: ref(r.toOrganisationId) } : {}),
    ...some('note', notes(['結果', r.status === 'completed' ? r.outcome : null])),
  };
}

export function referralResources(data: FhirCaseData) {
  return {
    serviceRequests: data.referrals.map((r) => serviceRequestOf(data, r)),
    tasks: data.referrals.map((r) => taskOf(data, r)),
  };
}
