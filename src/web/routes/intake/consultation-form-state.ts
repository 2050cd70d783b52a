const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** Someone already registered, chosen instead of registering them again (one person, one record). */
export type ExistingPerson = {
  personId: string;
  name: string;
  birthDate: string | null;
  householdId: string | null;
  householdName: string | null;
};

const emptyForm = () => ({
  existing: null as ExistingPerson | null,
  receivedAt: localNow(),
  channel: 'visit_office',
  placeResourceId: null as string | null,
  broughtBy: 'self',
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  birthDate: '',
  phone: '',
  address: '',
  gender: '',
  householdName: '',
  mainComplaint: '',
  issues: [] as string[],
  primaryIssue: null as string | null,
  urgent: false,
  urgencyNote: '',
  shareConsent: 'not_asked',
  consentMethod: null as string | null,
  outcome: 'handled_here',
  toOrganisationId: null as string | null,
  reason: '',
  actionsTaken: '',
});
export type FormState = ReturnType<typeof emptyForm>;

/** The person as typed: what the duplicate check looks for, and what is registered. */
export const typedPerson = (form: FormState) => ({
  familyName: form.familyName,
  givenName: form.givenName,
  familyNameKana: form.familyNameKana,
  givenNameKana: form.givenNameKana,
  birthDate: form.birthDate || null,
  phones: form.phone ? [form.phone] : [],
});

/** Opened from an outreach record (?outreach=…): the person has consented after months of contact. */
export const outreachRecordId = () => new URLSearchParams(window.location.search).get('outreach');

/** Opened from a person's place in a household (?person=…&household=…): a new consultation for them. */
export const presetPerson = () => {
  const params = new URLSearchParams(window.location.search);
  return { personId: params.get('person'), householdId: params.get('household') };
};

/** From an outreach record the person was met at home, has consented, and several agencies will be involved. */
export const initialForm = (fromOutreach: string | null): FormState =>
  fromOutreach
    ? { ...emptyForm(), channel: 'home_visit', shareConsent: 'given', outcome: 'refer_multi_agency' }
    : emptyForm();
