import {
  type ResourceStatus,
  TARGET_ATTRIBUTE_LABELS,
  WEEKDAY_LABELS,
} from '../../shared/participation-vocabulary';
import { prefectureOf } from '../../shared/prefectures';
import type {
  HsdsAttribute,
  HsdsLocation,
  HsdsOrganization,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceStatus,
} from './hsds.types';
import { childId } from './hsds-ids';
import { attribute, EVERYONE } from './hsds-vocabulary';
import type { resourceOperators, resources } from './resources.tables';

// Resources and operators as HSDS services and organizations. Two audiences: the staff's
// export (everything the directory keeps, for another system or municipality) and the public
// (no contact person, no e-mail, no capacity: only 受け入れ可／要相談).

export type Audience = 'staff' | 'public';
export type Municipality = { code: string; name: string };
export type ResourceForExport = typeof resources.$inferSelect & { areaName: string | null };
export type OperatorForExport = typeof resourceOperators.$inferSelect;

export const STATUS_TO_HSDS = {
  active: 'active',
  paused: 'temporarily closed',
  ended: 'defunct',
} as const satisfies Record<ResourceStatus, HsdsServiceStatus>;
export const HSDS_TO_STATUS: Record<HsdsServiceStatus, ResourceStatus> = {
  active: 'active',
  'temporarily closed': 'paused',
  inactive: 'paused',
  defunct: 'ended',
};

/** RFC 5545 weekday codes, indexed as JavaScript counts days (0 = 日). */
export const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export const IRREGULAR = '不定期';
export const FREE = '無料';
export const AVAILABLE = '受け入れ可';
export const ASK_FIRST = '要相談';

/** Drops the keys whose value is undefined (they are absent in HSDS, not null). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
const orUndefined = <T>(value: T | null) => (value === null ? undefined : value);

export const availabilityOf = (placesFree: number | null) =>
  placesFree !== null && placesFree > 0 ? AVAILABLE : ASK_FIRST;

export function eligibilityText(r: ResourceForExport): string {
  const ages =
    r.ageMin !== null && r.ageMax !== null
      ? `${r.ageMin}〜${r.ageMax}歳`
      : r.ageMin !== null
        ? `${r.ageMin}歳以上`
        : r.ageMax !== null
          ? `${r.ageMax}歳まで`
          : null;
  const targets = r.targetAttributes.map((code) => TARGET_ATTRIBUTE_LABELS[code]);
  const parts = [...(r.forEveryone ? ['どなたでも'] : []), ...(ages ? [ages] : []), ...targets];
  return parts.length > 0 ? parts.join('、') : 'どなたでも';
}

function schedulesOf(r: ResourceForExport): HsdsSchedule[] {
  const notes = orUndefined(r.scheduleNote);
  const slots = r.schedule.map(
    (slot, i): HsdsSchedule =>
      defined({
        id: childId(r.id, `schedule:${i}`),
        service_id: r.id,
        freq: 'WEEKLY',
        interval: 1,
        wkst: 'MO',
        byday: BYDAY[slot.weekday],
        opens_at: `${slot.opens}:00`,
        closes_at: `${slot.closes}:00`,
        description: `${WEEKDAY_LABELS[slot.weekday]}曜 ${slot.opens}〜${slot.closes}`,
        notes,
      }),
  );
  if (r.irregular) {
    slots.push(
      defined({ id: childId(r.id, 'schedule:irregular'), service_id: r.id, description: IRREGULAR, notes }),
    );
  } else if (slots.length === 0 && notes) {
    slots.push({ id: childId(r.id, 'schedule:note'), service_id: r.id, description: notes, notes });
  }
  return slots;
}

const postalCodeIn = (address: string) => address.normalize('NFKC').match(/(\d{3})-?(\d{4})/);

function locationsOf(r: ResourceForExport, municipality: Municipality): HsdsServiceAtLocation[] {
  if (!r.address && !r.accessibility) return [];
  const locationId = childId(r.id, 'location');
  const postal = r.address ? postalCodeIn(r.address) : null;
  return [
    {
      id: childId(r.id, 'service_at_location'),
      service_id: r.id,
      location_id: locationId,
      location: defined<HsdsLocation>({
        id: locationId,
        location_type: 'physical',
        name: r.name,
        addresses: r.address
          ? [
              {
                id: childId(r.id, 'address'),
                location_id: locationId,
                address_1: r.address,
                city: municipality.name,
                state_province: prefectureOf(municipality.code),
                postal_code: postal ? `${postal[1]}-${postal[2]}` : '',
                country: 'JP',
                address_type: 'physical',
              },
            ]
          : undefined,
        accessibility: r.accessibility
          ? [{ id: childId(r.id, 'accessibility'), location_id: locationId, description: r.accessibility }]
          : undefined,
      }),
    },
  ];
}

function attributesOf(r: ResourceForExport, audience: Audience): HsdsAttribute[] {
  const link = (name: Parameters<typeof attribute>[2], code: string, value?: string) =>
    attribute(r.id, 'service', name, code, value);
  const details =
    audience === 'public'
      ? [link('tsunagu-detail', 'availability', availabilityOf(r.placesFree))]
      : [
          ...(r.receivingSupport ? [link('tsunagu-detail', 'receiving_support', r.receivingSupport)] : []),
          ...(r.capacity !== null ? [link('tsunagu-detail', 'capacity', String(r.capacity))] : []),
          ...(r.placesFree !== null ? [link('tsunagu-detail', 'places_free', String(r.placesFree))] : []),
        ];
  return [
    ...r.kinds.map((kind) => link('tsunagu-resource-kind', kind)),
    ...r.activities.map((activity) => link('tsunagu-activity', activity)),
    ...(r.forEveryone ? [link('tsunagu-target', EVERYONE)] : []),
    ...r.targetAttributes.map((target) => link('tsunagu-target', target)),
    ...details,
  ];
}

export function serviceOf(r: ResourceForExport, municipality: Municipality, audience: Audience): HsdsService {
  const staff = audience === 'staff';
  const phones = r.contactPhone
    ? [{ id: childId(r.id, 'phone'), number: r.contactPhone, type: 'voice' }]
    : undefined;
  const hasContact = r.contactName || r.contactEmail || r.contactPhone;
  return defined({
    id: r.id,
    organization_id: r.operatorId,
    name: r.name,
    description: orUndefined(r.description),
    email: staff ? orUndefined(r.contactEmail) : undefined,
    status: STATUS_TO_HSDS[r.status],
    fees_description: r.free ? (r.costNote ? `${FREE}（${r.costNote}）` : FREE) : (r.costNote ?? '有料'),
    eligibility_description: eligibilityText(r),
    minimum_age: orUndefined(r.ageMin),
    maximum_age: orUndefined(r.ageMax),
    assured_date: orUndefined(r.verifiedOn),
    last_modified: r.updatedAt.toISOString(),
    phones,
    schedules: schedulesOf(r),
    service_areas: r.areaName
      ? [{ id: childId(r.id, 'service_area'), service_id: r.id, name: r.areaName }]
      : undefined,
    service_at_locations: locationsOf(r, municipality),
    cost_options: [
      defined({
        id: childId(r.id, 'cost_option'),
        service_id: r.id,
        option: r.free ? FREE : '有料',
        currency: 'JPY',
        amount: r.free ? 0 : undefined,
        amount_description: orUndefined(r.costNote),
      }),
    ],
    contacts:
      staff && hasContact
        ? [
            defined({
              id: childId(r.id, 'contact'),
              name: orUndefined(r.contactName),
              email: orUndefined(r.contactEmail),
              phones,
            }),
          ]
        : undefined,
    attributes: attributesOf(r, audience),
  });
}

export function organizationOf(o: OperatorForExport, audience: Audience): HsdsOrganization {
  const staff = audience === 'staff';
  return defined({
    id: o.id,
    name: o.name,
    // the operator's description is staff's note about them; the public sees the name and kind
    description: staff ? (o.description ?? '') : '',
    email: staff ? orUndefined(o.email) : undefined,
    website: orUndefined(o.website),
    phones: staff && o.phone ? [{ id: childId(o.id, 'phone'), number: o.phone, type: 'voice' }] : undefined,
    attributes: [attribute(o.id, 'organization', 'tsunagu-operator-kind', o.kind)],
  });
}
