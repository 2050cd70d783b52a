import { createHash } from 'node:crypto';
import type { CaseStatus } from '../../shared/case-vocabulary';
import type { ConsentScope, ReferralStatus } from '../../shared/intake-vocabulary';
import type { OrganisationKind } from '../../shared/vocabulary';
import type { PlanContent } from '../cases/case-content';

// What the FHIR export of a case is made from: the records the case page shows, loaded through
// the access rules by fhir-case.service.ts and mapped without further reads by fhir-bundle.ts.

export type FhirPerson = {
  id: string;
  familyName: string;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  birthDate: string | null;
  birthYear: number | null;
  gender: string | null;
  isDeceased: boolean;
  deceasedOn: string | null;
};

export type FhirCaseData = {
  today: string;
  generatedAt: Date;
  case: {
    id: string;
    status: CaseStatus;
    summary: string;
    openedOn: string;
    closedOn: string | null;
    leadOrganisationId: string;
    leadUserId: string | null;
  };
  household: { id: string; name: string };
  /** The household's members the actor may see, in the order they were added. */
  members: { memberId: string; relation: string; person: FhirPerson }[];
  /** Whom the case is about first: its first concerned person, else the household's 本人. */
  mainPersonId: string;
  consents: {
    id: string;
    personId: string;
    purpose: string;
    scope: ConsentScope;
    organisationIds: string[];
    obtainedOn: string;
    withdrawnOn: string | null;
    recordedByOrganisationId: string;
  }[];
  referrals: {
    id: string;
    status: Exclude<ReferralStatus, 'draft'>;
    personId: string | null;
    fromOrganisationId: string;
    toOrganisationId: string | null;
    toMultiAgency: boolean;
    mainComplaint: string;
    reason: string;
    actionsTaken: string | null;
    urgent: boolean;
    declineReason: string | null;
    outcome: string | null;
    sentAt: Date | null;
    updatedAt: Date;
  }[];
  /** The approved plan the team works to, if any. */
  plan: {
    id: string;
    version: number;
    content: PlanContent;
    approvedOn: string | null;
    reviewOn: string;
    createdAt: Date;
    createdByOrganisationId: string | null;
    completedActionKeys: string[];
  } | null;
  team: {
    id: string;
    organisationId: string;
    userId: string | null;
    role: string;
    joinedOn: string;
    leftOn: string | null;
  }[];
  organisations: {
    id: string;
    name: string;
    kind: OrganisationKind;
    phone: string | null;
    isActive: boolean;
  }[];
  staff: { id: string; displayName: string; displayNameKana: string | null }[];
};

/** A stable id for a resource that has no row of its own (a referral's Task, a plan's goal). */
export function derivedId(kind: string, ...parts: string[]): string {
  const hex = createHash('sha256')
    .update(`tsunagu:${kind}:${parts.join(':')}`)
    .digest('hex');
  // shaped as a version 5 style UUID so that urn:uuid stays well formed
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
