import type { z } from 'zod';
import type { IssueDefinition } from '../../shared/issues';
import { type EntryWindow, holdingEntryWindow } from '../../shared/schema-helpers';
import { ZMemberInput } from '../households/households.schemas';
import { type ConsultationInput, ZConsultationInput } from '../intake/intake.schemas';
import { type PersonInput, ZPersonInput } from '../people/people.schemas';
import { DATE_EXAMPLES, readDate } from './import-dates';
import { type ColumnMapping, FIELD_DEFINITIONS, type FixedValues, type ImportField } from './import-fields';
import {
  broughtBy,
  channels,
  consentMethods,
  issueReader,
  outcomes,
  readYesNo,
  referralOutcome,
  shareConsents,
  splitList,
  splitName,
} from './import-values';

// One spreadsheet row read into what the intake form would send: a person, their place in a
// household, and a consultation when the row has one. The form's own schemas decide what is
// valid, so an imported row obeys the same limits; each problem names the file's column.

export type RowIssue = { row: number; column: string; message: string };

export type ConsultationPart = Pick<
  ConsultationInput,
  | 'receivedAt'
  | 'channel'
  | 'broughtBy'
  | 'mainComplaint'
  | 'issues'
  | 'primaryIssue'
  | 'urgent'
  | 'outcome'
  | 'shareConsent'
  | 'consentMethod'
>;

export type RowPlan = {
  row: number;
  person: PersonInput;
  /** A household of the file (by 世帯番号), or null: the person's own household. */
  household: { key: string; relation: string; name: string | null } | null;
  consultation: ConsultationPart | null;
};

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const CONSULTATION_FIELDS: ImportField[] = [
  'receivedOn',
  'channel',
  'broughtBy',
  'mainComplaint',
  'issues',
  'primaryIssue',
  'urgent',
  'outcome',
  'shareConsent',
  'consentMethod',
];
// where a schema's field comes from in the file
const PERSON_SOURCES: Record<string, [ImportField, ImportField]> = {
  familyName: ['fullName', 'familyName'],
  givenName: ['fullName', 'givenName'],
  familyNameKana: ['fullKana', 'familyNameKana'],
  givenNameKana: ['fullKana', 'givenNameKana'],
};
const CONSULTATION_SOURCES: Record<string, ImportField> = { receivedAt: 'receivedOn', referral: 'outcome' };

export type RowReader = (row: number, cells: string[]) => { plan: RowPlan | null; issues: RowIssue[] };

export function rowReader(
  headers: string[],
  mapping: ColumnMapping,
  fixed: FixedValues,
  issues: IssueDefinition[],
  /** The municipality's window of late entry, to which a consultation's day is held. */
  entryWindow: EntryWindow | null,
): RowReader {
  const indexOf = new Map<ImportField, number>();
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][])
    if (header) indexOf.set(field, headers.indexOf(header));
  const column = (field: ImportField) => mapping[field] ?? `（${FIELD_DEFINITIONS[field].label}）`;
  const readIssue = issueReader(issues);
  const hasConsultationColumn = CONSULTATION_FIELDS.some((f) => indexOf.has(f));

  const everyRow = fixed as Partial<Record<ImportField, string>>;

  return (row, cells) => {
    const inFile = (field: ImportField) => {
      const i = indexOf.get(field);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    // a field with no column may have one value for every row
    const cell = (field: ImportField) => (indexOf.has(field) ? inFile(field) : (everyRow[field] ?? ''));
    const found: RowIssue[] = [];
    const problem = (field: ImportField, message: string) =>
      found.push({ row, column: column(field), message });
    const fromSchema = (
      error: z.ZodError,
      sourceOf: (key: string, index: unknown) => ImportField,
      relabel: (message: string) => string = (message) => message,
    ) => {
      const already = new Set(found.map((f) => f.column));
      for (const issue of error.issues) {
        const field = sourceOf(String(issue.path[0] ?? ''), issue.path[1]);
        if (!already.has(column(field))) problem(field, relabel(issue.message));
      }
    };

    // the person
    const [family, given] = indexOf.has('fullName')
      ? splitName(cell('fullName'))
      : [cell('familyName'), cell('givenName')];
    const [familyKana, givenKana] = indexOf.has('fullKana')
      ? splitName(cell('fullKana'))
      : [cell('familyNameKana'), cell('givenNameKana')];
    let birthDate: string | null = null;
    if (cell('birthDate')) {
      birthDate = readDate(cell('birthDate'))?.date ?? null;
      if (!birthDate)
        problem(
          'birthDate',
          `生年月日「${cell('birthDate')}」を日付として読み取れません（ない日付か、書き方が違います）。${DATE_EXAMPLES}書いてください。`,
        );
    }
    const landline = splitList(cell('phone'));
    const phones = [...landline, ...splitList(cell('mobile'))];
    const person = ZPersonInput.safeParse({
      familyName: family,
      givenName: given,
      familyNameKana: familyKana,
      givenNameKana: givenKana,
      birthDate,
      gender: cell('gender'),
      address: cell('address'),
      phones,
      notes: cell('notes'),
    });
    if (!person.success)
      fromSchema(person.error, (key, index) => {
        const sources = PERSON_SOURCES[key];
        if (sources) return indexOf.has(sources[0]) ? sources[0] : sources[1];
        if (key === 'phones')
          return typeof index === 'number' && index >= landline.length ? 'mobile' : 'phone';
        return key as ImportField;
      });

    // the household of the file
    let household: RowPlan['household'] = null;
    if (cell('householdKey')) {
      const member = ZMemberInput.safeParse({ personId: PLACEHOLDER_ID, relation: cell('relation') });
      if (!member.success) fromSchema(member.error, () => 'relation');
      household = {
        key: cell('householdKey'),
        relation: member.success ? member.data.relation : '',
        name: cell('householdName') || null,
      };
    }

    // the consultation, when the row has one
    let consultation: ConsultationPart | null = null;
    // whether the row has a consultation is the file's to say, not the values given for every row
    if (hasConsultationColumn && CONSULTATION_FIELDS.some((f) => inFile(f) !== '')) {
      consultation = readConsultation(cell, problem, readIssue, entryWindow, (error) =>
        fromSchema(
          error,
          (key) => CONSULTATION_SOURCES[key] ?? (key as ImportField),
          // the intake's form calls the day 受付日; the file's column is 相談日
          (message) => message.replace(/^受付日時?/, FIELD_DEFINITIONS.receivedOn.label),
        ),
      );
    }
    if (found.length > 0 || !person.success) return { plan: null, issues: found };
    return { plan: { row, person: person.data, household, consultation }, issues: [] };
  };
}

function readConsultation(
  cell: (field: ImportField) => string,
  problem: (field: ImportField, message: string) => void,
  readIssue: (value: string) => string | undefined,
  entryWindow: EntryWindow | null,
  fromSchema: (error: z.ZodError) => void,
): ConsultationPart | null {
  const word = <T>(field: ImportField, read: (v: string) => T | undefined, words: string, fallback: T) => {
    const value = cell(field);
    if (!value) return fallback;
    const known = read(value);
    if (known === undefined)
      problem(
        field,
        `${FIELD_DEFINITIONS[field].label}「${value}」は使えません。${words} のいずれかにしてください。`,
      );
    return known ?? fallback;
  };
  let receivedAt = '';
  if (!cell('receivedOn')) problem('receivedOn', '相談日を入力してください。');
  else {
    const read = readDate(cell('receivedOn'));
    if (!read)
      problem(
        'receivedOn',
        `相談日「${cell('receivedOn')}」を日付として読み取れません（ない日付か、書き方が違います）。${DATE_EXAMPLES}書いてください。`,
      );
    else receivedAt = `${read.date}T${read.time ?? '00:00'}:00+09:00`;
  }
  const outcomeWord = cell('outcome');
  const isReferral = outcomeWord !== '' && !outcomes.read(outcomeWord) && !!referralOutcome.read(outcomeWord);
  if (isReferral)
    problem(
      'outcome',
      `「${outcomeWord}」の相談は取り込めません（つなぎは、つなぎ先を選んで画面で作ります）。「当機関で対応」か「情報提供で終了」にしてください。`,
    );
  const issueCodes: string[] = [];
  for (const label of splitList(cell('issues'))) {
    const code = readIssue(label);
    if (code) issueCodes.push(code);
    else problem('issues', `課題「${label}」はこの自治体の課題の一覧にありません。`);
  }
  let primaryIssue: string | null = null;
  if (cell('primaryIssue')) {
    primaryIssue = readIssue(cell('primaryIssue')) ?? null;
    if (!primaryIssue)
      problem('primaryIssue', `課題「${cell('primaryIssue')}」はこの自治体の課題の一覧にありません。`);
    else if (issueCodes.length === 0) issueCodes.push(primaryIssue);
  }
  const fields = {
    receivedAt,
    channel: word('channel', channels.read, channels.words, undefined),
    broughtBy: word('broughtBy', broughtBy.read, broughtBy.words, 'self' as const),
    mainComplaint: cell('mainComplaint'),
    issues: issueCodes,
    primaryIssue,
    urgent: word('urgent', readYesNo, 'はい・いいえ（○・×）', false),
    outcome: isReferral
      ? ('handled_here' as const)
      : word('outcome', outcomes.read, outcomes.words, 'handled_here' as const),
    shareConsent: word('shareConsent', shareConsents.read, 'あり・なし・未確認', 'not_asked' as const),
    consentMethod: word('consentMethod', consentMethods.read, consentMethods.words, null),
  };
  const parsed = entryWindow
    ? holdingEntryWindow(entryWindow, () => ZConsultationInput.safeParse(fields))
    : ZConsultationInput.safeParse(fields);
  if (!parsed.success) {
    fromSchema(parsed.error);
    return null;
  }
  const {
    receivedAt: at,
    channel,
    mainComplaint,
    issues,
    urgent,
    outcome,
    shareConsent,
    consentMethod,
  } = parsed.data;
  return {
    receivedAt: at,
    channel,
    broughtBy: parsed.data.broughtBy,
    mainComplaint,
    issues,
    primaryIssue: parsed.data.primaryIssue,
    urgent,
    outcome,
    shareConsent,
    consentMethod,
  };
}
