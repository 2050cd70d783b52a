import type { ReferralStatus } from '../../shared/intake-vocabulary';
import type {
  AdministrativeGender,
  CodeableConcept,
  Extension,
  HumanName,
  ServiceRequestStatus,
  TaskStatus,
} from './fhir-types';

// Code systems and the mappings from our vocabularies to FHIR codes.

export const SYSTEMS = {
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  loinc: 'http://loinc.org',
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  nameRepresentation: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation',
} as const;

/**
 * A referral's state as a Task of the SDOH Clinical Care referral life cycle, and the state of
 * the ServiceRequest it fulfils. A draft was never sent and is not exported. `received` is not
 * used: we record no "seen but not yet decided" step (and the SDOHCC value set excludes it).
 */
export const REFERRAL_TASK_STATUS: Record<
  Exclude<ReferralStatus, 'draft'>,
  { task: TaskStatus; request: ServiceRequestStatus }
> = {
  requested: { task: 'requested', request: 'active' },
  accepted: { task: 'accepted', request: 'active' },
  declined: { task: 'rejected', request: 'revoked' },
  cancelled: { task: 'cancelled', request: 'revoked' },
  in_progress: { task: 'in-progress', request: 'active' },
  completed: { task: 'completed', request: 'completed' },
  unsuccessful: { task: 'failed', request: 'revoked' },
};

/** 続柄 as offices write them (seen from the household's 本人) → v3 RoleCode. */
const RELATION_CODES: [RegExp, string, string][] = [
  [/^(実母|母|養母)$/, 'MTH', 'mother'],
  [/^(実父|父|養父)$/, 'FTH', 'father'],
  [/^夫$/, 'HUSB', 'husband'],
  [/^妻$/, 'WIFE', 'wife'],
  [/^配偶者$/, 'SPS', 'spouse'],
  [/^(長|次|二|三|四|五)?男$|^息子$/, 'SONC', 'son'],
  [/^(長|次|二|三|四|五)?女$|^娘$/, 'DAUC', 'daughter'],
  [/^子$/, 'CHILD', 'child'],
  [/^(兄|弟)$/, 'BRO', 'brother'],
  [/^(姉|妹)$/, 'SIS', 'sister'],
  [/^(兄弟|姉妹|きょうだい)$/, 'SIB', 'sibling'],
  [/^祖母$/, 'GRMTH', 'grandmother'],
  [/^祖父$/, 'GRFTH', 'grandfather'],
  [/^孫$/, 'GRNDCHILD', 'grandchild'],
  [/^(義母|夫の母|妻の母)$/, 'MTHINLAW', 'mother-in-law'],
  [/^(義父|夫の父|妻の父)$/, 'FTHINLAW', 'father-in-law'],
  [/^(嫁|子の妻)$/, 'DAUINLAW', 'daughter in-law'],
  [/^(婿|子の夫)$/, 'SONINLAW', 'son in-law'],
  [/^(おじ|叔父|伯父)$/, 'UNCLE', 'uncle'],
  [/^(おば|叔母|伯母)$/, 'AUNT', 'aunt'],
  [/^(甥|おい)$/, 'NEPHEW', 'nephew'],
  [/^(姪|めい)$/, 'NIECE', 'niece'],
  [/^(内縁の夫|内縁の妻|パートナー)$/, 'DOMPART', 'domestic partner'],
  [/^同居人$/, 'ROOM', 'Roommate'],
];

/**
 * The relationship of a household member to the main person, with the 続柄 as text. A code only
 * when the 続柄 is seen from the main person (they are the household's 本人) and one fits.
 */
export function relationshipOf(relation: string, seenFromMain: boolean): CodeableConcept {
  const text = relation.trim();
  const found = seenFromMain ? RELATION_CODES.find(([pattern]) => pattern.test(text)) : undefined;
  if (!found) return { text: seenFromMain ? text : `${text}（世帯の本人から見た続柄）` };
  return { coding: [{ system: SYSTEMS.roleCode, code: found[1], display: found[2] }], text };
}

/** 性別 is free text; only what it clearly says becomes a code. */
export function genderOf(gender: string | null): AdministrativeGender | undefined {
  const value = gender?.trim().toLowerCase() ?? '';
  if (/^(男|男性|male)$/.test(value)) return 'male';
  if (/^(女|女性|female)$/.test(value)) return 'female';
  if (/^(その他|other)$/.test(value)) return 'other';
  if (/^(不明|unknown)$/.test(value)) return 'unknown';
  return undefined;
}

const representation = (code: 'IDE' | 'SYL'): Extension[] => [
  { url: SYSTEMS.nameRepresentation, valueCode: code },
];

function humanName(code: 'IDE' | 'SYL', family: string | null, given: string | null): HumanName | null {
  const parts = [family?.trim(), given?.trim()].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return null;
  return {
    extension: representation(code),
    use: 'official',
    text: parts.join(' '),
    ...(family?.trim() ? { family: family.trim() } : {}),
    ...(given?.trim() ? { given: [given.trim()] } : {}),
  };
}

/** JP Core names: 漢字 (IDE) and カナ (SYL), each split into family and given as stored. */
export function japaneseNames(p: {
  familyName: string;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
}): HumanName[] {
  return [
    humanName('IDE', p.familyName, p.givenName),
    humanName('SYL', p.familyNameKana, p.givenNameKana),
  ].filter((n): n is HumanName => n !== null);
}

/** A staff member's display name (氏 名) and its kana, split at the first space when there is one. */
export function staffNames(displayName: string, kana: string | null): HumanName[] {
  const split = (value: string): [string, string | null] => {
    const [family = value, ...rest] = value.trim().split(/[\s\u3000]+/);
    return [family, rest.length > 0 ? rest.join(' ') : null];
  };
  const [family, given] = split(displayName);
  const names = [humanName('IDE', family, given)];
  if (kana?.trim()) names.push(humanName('SYL', ...split(kana)));
  return names.filter((n): n is HumanName => n !== null);
}
