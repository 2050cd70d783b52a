import type { FhirCaseData, FhirPerson } from './fhir-case-data';
import { genderOf, japaneseNames, relationshipOf } from './fhir-codes';
import { type Group, optional, type Patient, type RelatedPerson, ref, some } from './fhir-types';

// The household: a Patient for every member (a Group may only list Patients), a RelatedPerson
// for every member other than the main person, and the household as a Group.

/** Exact date when known, else the year alone (FHIR dates may be a year). */
const birthDateOf = (p: FhirPerson) => p.birthDate ?? (p.birthYear ? String(p.birthYear) : undefined);

export function patientOf(p: FhirPerson): Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    name: japaneseNames(p),
    ...optional('gender', genderOf(p.gender)),
    ...optional('birthDate', birthDateOf(p)),
    ...(p.deceasedOn ? { deceasedDateTime: p.deceasedOn } : p.isDeceased ? { deceasedBoolean: true } : {}),
  };
}

export function householdResources(data: FhirCaseData): {
  patients: Patient[];
  relatedPersons: RelatedPerson[];
  group: Group;
} {
  const main = data.members.find((m) => m.person.id === data.mainPersonId);
  // 続柄 are written from the household's 本人: codes only when that is the main person
  const seenFromMain = main?.relation.trim() === '本人';
  // the same person as a member of the main person's family: linked both ways
  const patients = data.members.map(
    (m): Patient =>
      m.person.id === data.mainPersonId
        ? patientOf(m.person)
        : { ...patientOf(m.person), link: [{ other: ref(m.memberId), type: 'seealso' }] },
  );
  const relatedPersons = data.members
    .filter((m) => m.person.id !== data.mainPersonId)
    .map(
      (m): RelatedPerson => ({
        resourceType: 'RelatedPerson',
        id: m.memberId,
        patient: ref(data.mainPersonId),
        relationship: [relationshipOf(m.relation, seenFromMain)],
        name: japaneseNames(m.person),
        ...optional('gender', genderOf(m.person.gender)),
        ...optional('birthDate', birthDateOf(m.person)),
      }),
    );
  const group: Group = {
    resourceType: 'Group',
    id: data.household.id,
    type: 'person',
    actual: true,
    name: data.household.name,
    quantity: data.members.length,
    ...some(
      'member',
      data.members.map((m) => ({ entity: ref(m.person.id) })),
    ),
  };
  return { patients, relatedPersons, group };
}
