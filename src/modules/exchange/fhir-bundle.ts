import { randomUUID } from 'node:crypto';
import { ORGANISATION_KIND_LABELS } from '../../shared/vocabulary';
import { careTeamOf, consentOf, planResources } from './fhir-care';
import type { FhirCaseData } from './fhir-case-data';
import { staffNames } from './fhir-codes';
import { householdResources } from './fhir-household';
import { referralResources } from './fhir-referrals';
import type { Bundle, FhirResource, Organization, Practitioner } from './fhir-types';

// A loaded case as an HL7 FHIR R4 Bundle of type collection: every entry's fullUrl is
// urn:uuid:<id>, and every reference points at another entry of the same bundle. Pure: the
// reads and the audit are fhir-case.service.ts's.

function organisationOf(o: FhirCaseData['organisations'][number]): Organization {
  return {
    resourceType: 'Organization',
    id: o.id,
    active: o.isActive,
    name: o.name,
    type: [{ text: ORGANISATION_KIND_LABELS[o.kind] }],
    ...(o.phone ? { telecom: [{ system: 'phone', value: o.phone, use: 'work' }] } : {}),
  };
}

function practitionerOf(s: FhirCaseData['staff'][number]): Practitioner {
  return { resourceType: 'Practitioner', id: s.id, name: staffNames(s.displayName, s.displayNameKana) };
}

/** The resources of the case, in the order a reader meets them: people, the work, then who does it. */
export function caseResources(data: FhirCaseData): FhirResource[] {
  const household = householdResources(data);
  const referrals = referralResources(data);
  const plan = planResources(data);
  return [
    ...household.patients,
    ...household.relatedPersons,
    household.group,
    ...data.consents.map((c) => consentOf(data, c)),
    ...referrals.serviceRequests,
    ...referrals.tasks,
    ...(plan ? [plan.carePlan, ...plan.goals] : []),
    careTeamOf(data),
    ...data.organisations.map(organisationOf),
    ...data.staff.map(practitionerOf),
  ];
}

export function caseBundle(data: FhirCaseData): Bundle {
  const id = randomUUID();
  return {
    resourceType: 'Bundle',
    id,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` },
    type: 'collection',
    timestamp: data.generatedAt.toISOString(),
    entry: caseResources(data).map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

/** Every organisation and staff member the case's resources name (the service loads these). */
export function referencedParties(data: Omit<FhirCaseData, 'organisations' | 'staff'>) {
  const organisations = new Set<string>([data.case.leadOrganisationId]);
  const staff = new Set<string>(data.case.leadUserId ? [data.case.leadUserId] : []);
  for (const c of data.consents) {
    organisations.add(c.recordedByOrganisationId);
    for (const o of c.scope === 'organisations' ? c.organisationIds : []) organisations.add(o);
  }
  for (const r of data.referrals) {
    organisations.add(r.fromOrganisationId);
    if (r.toOrganisationId) organisations.add(r.toOrganisationId);
  }
  for (const m of data.team) {
    organisations.add(m.organisationId);
    if (m.userId) staff.add(m.userId);
  }
  if (data.plan?.createdByOrganisationId) organisations.add(data.plan.createdByOrganisationId);
  for (const a of data.plan?.content.actions ?? []) {
    organisations.add(a.organisationId);
    if (a.userId) staff.add(a.userId);
  }
  return { organisationIds: [...organisations], userIds: [...staff] };
}
