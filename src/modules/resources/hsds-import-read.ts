import { ZDoneDate } from '../../shared/schema-helpers';
import { type ImportIssue, issue } from './directory-import.schemas';
import type { HsdsAttribute, HsdsOrganization, HsdsService } from './hsds.types';
import { BYDAY, FREE, HSDS_TO_STATUS, IRREGULAR } from './hsds-export';
import { type TaxonomyName, termOf } from './hsds-vocabulary';
import { checkOperator, checkResource, type ImportedResource } from './import-checks';
import type { OperatorInput } from './resources.schemas';
import type { ScheduleSlot } from './resources.tables';

// Reads one HSDS service (already valid against service.json) into a resource of the
// directory, and one organization into an operator. What tsunagu exported comes back whole;
// another system's services come in with what HSDS has (kinds they lack become その他).

type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type ReadService = Pick<HsdsService, 'id' | 'name' | 'status'> &
  DeepPartial<Omit<HsdsService, 'id' | 'name' | 'status'>>;
export type ReadOrganization = Pick<HsdsOrganization, 'id' | 'name'> &
  DeepPartial<Omit<HsdsOrganization, 'id' | 'name'>>;

const SERVICE_PLACES: Record<string, string> = {
  name: 'name',
  description: 'description',
  kinds: 'attributes',
  schedule: 'schedules',
  irregular: 'schedules',
  scheduleNote: 'schedules[0].notes',
  address: 'service_at_locations[0].location.addresses[0].address_1',
  accessibility: 'service_at_locations[0].location.accessibility[0].description',
  forEveryone: 'attributes',
  ageMin: 'minimum_age',
  ageMax: 'maximum_age',
  targetAttributes: 'attributes',
  activities: 'attributes',
  free: 'cost_options',
  costNote: 'cost_options[0].amount_description',
  contactName: 'contacts[0].name',
  contactPhone: 'contacts[0].phones[0].number',
  contactEmail: 'contacts[0].email',
  receivingSupport: 'attributes（受け入れ側ができる配慮・支援）',
  capacity: 'attributes（定員）',
  placesFree: 'attributes（空き）',
  status: 'status',
};

function codesOf(attributes: DeepPartial<HsdsAttribute>[] | undefined, taxonomy: TaxonomyName): string[] {
  return (attributes ?? []).flatMap((a) => {
    const found = termOf(a);
    return found?.taxonomy === taxonomy ? [found.code] : [];
  });
}

function detailOf(attributes: DeepPartial<HsdsAttribute>[] | undefined, code: string): string | null {
  const found = (attributes ?? []).find((a) => {
    const named = termOf(a);
    return named?.taxonomy === 'tsunagu-detail' && named.code === code;
  });
  return typeof found?.value === 'string' && found.value.trim() !== '' ? found.value : null;
}

const countOf = (value: string | null) => (value === null ? null : Number(value.normalize('NFKC')));
const hhmm = (time: string | undefined) => time?.normalize('NFKC').match(/^(\d{1,2}):(\d{2})/);
const pad = (match: RegExpMatchArray) => `${match[1]?.padStart(2, '0')}:${match[2]}`;

type ScheduleReading = {
  slots: ScheduleSlot[];
  irregular: boolean;
  note: string | null;
  issues: { place: string; message: string }[];
};

function scheduleOf(service: ReadService): ScheduleReading {
  const reading: ScheduleReading = { slots: [], irregular: false, note: null, issues: [] };
  for (const [i, s] of (service.schedules ?? []).entries()) {
    reading.note ??= s.notes?.trim() || null;
    if (s.description?.trim() === IRREGULAR) {
      reading.irregular = true;
      continue;
    }
    const days = (s.byday ?? '')
      .split(',')
      .map((d) => d.trim().toUpperCase())
      .filter(Boolean);
    if ((s.freq === 'WEEKLY' || !s.freq) && days.length > 0) {
      const [opens, closes] = [hhmm(s.opens_at), hhmm(s.closes_at)];
      if (!opens || !closes) {
        reading.issues.push({
          place: `schedules[${i}]`,
          message: '開始・終了の時刻（opens_at, closes_at）を 13:00 のように指定してください。',
        });
        continue;
      }
      for (const day of days) {
        const weekday = BYDAY.indexOf(day as (typeof BYDAY)[number]);
        if (weekday < 0)
          reading.issues.push({
            place: `schedules[${i}].byday`,
            message: `曜日「${day}」は MO, TU … SU で指定してください。`,
          });
        else reading.slots.push({ weekday, opens: pad(opens), closes: pad(closes) });
      }
      continue;
    }
    // a monthly or otherwise irregular rhythm: kept as 不定期 with its words
    if (s.freq === 'MONTHLY') reading.irregular = true;
    reading.note ??= s.description?.trim() || null;
  }
  return reading;
}

function costOf(service: ReadService): { free: boolean; costNote: string | null } {
  const option = service.cost_options?.[0];
  if (option) {
    const free = option.amount === 0 || option.option?.trim() === FREE;
    return { free, costNote: option.amount_description?.trim() || null };
  }
  const fees = service.fees_description?.trim();
  if (!fees) return { free: true, costNote: null };
  return fees.startsWith(FREE) ? { free: true, costNote: null } : { free: false, costNote: fees };
}

export type ReadResource = {
  packageId: string;
  organizationId: string;
  areaName: string | null;
  verifiedOn: string | null;
  input: ImportedResource;
};

/** One service as a resource; its problems are reported under `base` (services[3]). */
export function readService(
  service: ReadService,
  index: number,
  base = `services[${index}]`,
): { resource: ReadResource | null; issues: ImportIssue[] } {
  const row = index + 1;
  const schedule = scheduleOf(service);
  const attributes = service.attributes;
  const targets = codesOf(attributes, 'tsunagu-target');
  const kinds = codesOf(attributes, 'tsunagu-resource-kind');
  const location = service.service_at_locations?.[0]?.location;
  const contact = service.contacts?.[0];
  const ageMin = service.minimum_age ?? null;
  const ageMax = service.maximum_age ?? null;
  const checked = checkResource(
    {
      name: service.name,
      description: service.description ?? null,
      kinds: kinds.length > 0 ? kinds : ['other'],
      address: location?.addresses?.[0]?.address_1 ?? null,
      schedule: schedule.slots,
      irregular: schedule.irregular,
      scheduleNote: schedule.note,
      forEveryone:
        targets.includes('everyone') || (targets.length === 0 && ageMin === null && ageMax === null),
      ageMin,
      ageMax,
      targetAttributes: targets.filter((t) => t !== 'everyone') as ImportedResource['targetAttributes'],
      activities: codesOf(attributes, 'tsunagu-activity') as ImportedResource['activities'],
      ...costOf(service),
      accessibility: location?.accessibility?.[0]?.description ?? null,
      contactName: contact?.name ?? null,
      contactPhone: contact?.phones?.[0]?.number ?? service.phones?.[0]?.number ?? null,
      contactEmail: contact?.email ?? service.email ?? null,
      receivingSupport: detailOf(attributes, 'receiving_support'),
      capacity: countOf(detailOf(attributes, 'capacity')),
      placesFree: countOf(detailOf(attributes, 'places_free')),
      status: HSDS_TO_STATUS[service.status],
    } as Parameters<typeof checkResource>[0],
    row,
    (field) => `${base}.${SERVICE_PLACES[field] ?? field}`,
  );
  const issues = [
    ...schedule.issues.map((found) => issue(row, `${base}.${found.place}`, found.message)),
    ...checked.issues,
  ];
  const organizationId = service.organization_id ?? service.organization?.id;
  if (!organizationId)
    issues.push(issue(row, `${base}.organization_id`, '運営団体（organization_id）がありません。'));
  if (!checked.input || !organizationId || issues.length > 0) return { resource: null, issues };
  // the date the information was last checked, when it is a real date not in the future
  const assured = ZDoneDate('確認日').safeParse(service.assured_date).data ?? null;
  return {
    resource: {
      packageId: service.id,
      organizationId,
      areaName: service.service_areas?.[0]?.name?.trim() || null,
      verifiedOn: assured,
      input: checked.input,
    },
    issues,
  };
}

export type ReadOperator = { packageId: string; input: OperatorInput };

export function readOrganization(
  organization: ReadOrganization,
  base: string,
): { operator: ReadOperator | null; issues: ImportIssue[] } {
  const kinds = codesOf(organization.attributes, 'tsunagu-operator-kind');
  const checked = checkOperator(
    {
      name: organization.name,
      kind: (kinds[0] ?? 'other') as OperatorInput['kind'],
      organisationId: null,
      phone: organization.phones?.[0]?.number ?? null,
      email: organization.email ?? null,
      website: organization.website ?? null,
      description: organization.description?.trim() || null,
    },
    null,
    (field) => `${base}.${{ phone: 'phones[0].number', kind: 'attributes' }[field] ?? field}`,
  );
  return {
    operator: checked.input ? { packageId: organization.id, input: checked.input } : null,
    issues: checked.issues,
  };
}
