// The parts of HL7 FHIR R4 that the case export writes, typed by hand: the server does not
// depend on a FHIR library (the tests validate the output against the R4 definitions).

export type Coding = { system: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Reference = { reference: string; display?: string };
export type Period = { start?: string; end?: string };
export type Extension = { url: string; valueCode: string };
export type Annotation = { text: string };
export type HumanName = {
  extension?: Extension[];
  use?: 'official' | 'usual';
  text: string;
  family?: string;
  given?: string[];
};
export type ContactPoint = { system: 'phone'; value: string; use: 'work' };
export type AdministrativeGender = 'male' | 'female' | 'other' | 'unknown';

export type Patient = {
  resourceType: 'Patient';
  id: string;
  name: HumanName[];
  gender?: AdministrativeGender;
  birthDate?: string;
  deceasedBoolean?: boolean;
  deceasedDateTime?: string;
  link?: { other: Reference; type: 'seealso' }[];
};

export type RelatedPerson = {
  resourceType: 'RelatedPerson';
  id: string;
  patient: Reference;
  relationship: CodeableConcept[];
  name: HumanName[];
  gender?: AdministrativeGender;
  birthDate?: string;
};

export type Group = {
  resourceType: 'Group';
  id: string;
  type: 'person';
  actual: true;
  name: string;
  quantity: number;
  member?: { entity: Reference }[];
};

export type Organization = {
  resourceType: 'Organization';
  id: string;
  active: boolean;
  name: string;
  type: CodeableConcept[];
  telecom?: ContactPoint[];
};

export type Practitioner = { resourceType: 'Practitioner'; id: string; name: HumanName[] };

export type Consent = {
  resourceType: 'Consent';
  id: string;
  status: 'active' | 'inactive';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer: Reference[];
  organization: Reference[];
  policyRule: CodeableConcept;
  provision: {
    type: 'permit';
    period: Period;
    actor?: { role: CodeableConcept; reference: Reference }[];
  };
};

export type ServiceRequestStatus = 'active' | 'revoked' | 'completed';
export type ServiceRequest = {
  resourceType: 'ServiceRequest';
  id: string;
  status: ServiceRequestStatus;
  intent: 'order';
  priority: 'routine' | 'urgent';
  code: CodeableConcept;
  subject: Reference;
  authoredOn?: string;
  requester: Reference;
  performer?: Reference[];
  performerType?: CodeableConcept;
  reasonCode: CodeableConcept[];
  note?: Annotation[];
};

export type TaskStatus =
  | 'requested'
  | 'accepted'
  | 'rejected'
  | 'cancelled'
  | 'in-progress'
  | 'completed'
  | 'failed';
export type Task = {
  resourceType: 'Task';
  id: string;
  status: TaskStatus;
  businessStatus: CodeableConcept;
  statusReason?: CodeableConcept;
  intent: 'order';
  priority: 'routine' | 'urgent';
  code: CodeableConcept;
  focus: Reference;
  for: Reference;
  authoredOn?: string;
  lastModified: string;
  requester: Reference;
  owner?: Reference;
  note?: Annotation[];
};

export type Goal = {
  resourceType: 'Goal';
  id: string;
  lifecycleStatus: 'active' | 'on-hold' | 'completed';
  description: CodeableConcept;
  subject: Reference;
  note: Annotation[];
};

export type CarePlanActivityStatus = 'not-started' | 'in-progress' | 'completed' | 'on-hold' | 'stopped';
export type CarePlan = {
  resourceType: 'CarePlan';
  id: string;
  status: 'active' | 'on-hold' | 'completed';
  intent: 'plan';
  title: string;
  description: string;
  subject: Reference;
  period: Period;
  created: string;
  author?: Reference;
  careTeam: Reference[];
  goal: Reference[];
  activity: {
    detail: {
      status: CarePlanActivityStatus;
      description: string;
      goal?: Reference[];
      performer: Reference[];
      scheduledPeriod: Period;
    };
  }[];
  note?: Annotation[];
};

export type CareTeam = {
  resourceType: 'CareTeam';
  id: string;
  status: 'active' | 'suspended' | 'inactive';
  name: string;
  subject: Reference;
  period: Period;
  managingOrganization: Reference[];
  participant: {
    role: CodeableConcept[];
    member: Reference;
    onBehalfOf?: Reference;
    period?: Period;
  }[];
};

export type FhirResource =
  | Patient
  | RelatedPerson
  | Group
  | Organization
  | Practitioner
  | Consent
  | ServiceRequest
  | Task
  | Goal
  | CarePlan
  | CareTeam;

export type Bundle = {
  resourceType: 'Bundle';
  id: string;
  identifier: { system: string; value: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
};

/** Inside the bundle every reference is the target entry's fullUrl. */
export const ref = (id: string, display?: string): Reference =>
  display ? { reference: `urn:uuid:${id}`, display } : { reference: `urn:uuid:${id}` };

/** A field only when it has a value: FHIR JSON has no nulls. */
export const optional = <K extends string, V>(key: K, value: V | undefined | null) =>
  (value === undefined || value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** A list only when it has items: FHIR JSON has no empty arrays. */
export const some = <K extends string, V>(key: K, items: V[]) =>
  (items.length === 0 ? {} : { [key]: items }) as Partial<Record<K, V[]>>;
