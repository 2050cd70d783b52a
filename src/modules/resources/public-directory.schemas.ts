import { z } from 'zod';
import { ACTIVITIES, RESOURCE_KINDS, TARGET_ATTRIBUTES } from '../../shared/participation-vocabulary';
import { ZId } from '../../shared/schema-helpers';
import { AREA_LEVELS } from '../../shared/vocabulary';

// The public page of the directory (no login; only when the municipality publishes it):
// active resources, nothing about people, no capacity beyond 受け入れ可／要相談.

export const ZTenantCodeParam = z.object({ tenantCode: z.string().max(20) });

export const ZPublicDirectoryQuery = z.object({
  areaId: ZId.optional(),
  kind: z.enum(RESOURCE_KINDS).optional(),
  weekday: z.coerce.number().int().min(0).max(6).optional(),
  /** Resources for this group of people, and those for everyone. */
  target: z.enum(TARGET_ATTRIBUTES).optional(),
  /** Resources whose age range includes this age. */
  age: z.coerce.number().int().min(0).max(120).optional(),
});
export type PublicDirectoryQuery = z.infer<typeof ZPublicDirectoryQuery>;

export const AVAILABILITIES = ['受け入れ可', '要相談'] as const;

export const ZPublicResource = z.object({
  id: z.string(),
  name: z.string(),
  kinds: z.array(z.enum(RESOURCE_KINDS)),
  description: z.string().nullable(),
  operatorName: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  schedule: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
  irregular: z.boolean(),
  scheduleNote: z.string().nullable(),
  forEveryone: z.boolean(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  targetAttributes: z.array(z.enum(TARGET_ATTRIBUTES)),
  activities: z.array(z.enum(ACTIVITIES)),
  free: z.boolean(),
  costNote: z.string().nullable(),
  accessibility: z.string().nullable(),
  /** The place's telephone; never a person's name or e-mail. */
  phone: z.string().nullable(),
  availability: z.enum(AVAILABILITIES),
  verifiedOn: z.string().nullable(),
});
export type PublicResource = z.infer<typeof ZPublicResource>;

export const ZPublicDirectory = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  areas: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      level: z.enum(AREA_LEVELS),
      name: z.string(),
    }),
  ),
  resources: z.array(ZPublicResource),
});
export type PublicDirectory = z.infer<typeof ZPublicDirectory>;

/** The HSDS API's paging (openapi.json of HSDS 3.0: components.parameters page, per_page). */
export const ZHsdsServicesQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  search: z.string().trim().max(60).optional(),
  taxonomy_term_id: z.string().max(60).optional(),
  organization_id: z.string().max(60).optional(),
  /** true: every service fully nested; otherwise only its one-to-one fields. */
  full: z.enum(['true', 'false']).default('false'),
});
export type HsdsServicesQuery = z.infer<typeof ZHsdsServicesQuery>;

export const ZHsdsPage = z.object({
  total_items: z.number(),
  total_pages: z.number(),
  page_number: z.number(),
  size: z.number(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })),
});

/** One HSDS service (service.json), nested. */
export const ZHsdsService = z.looseObject({ id: z.string(), name: z.string(), status: z.string() });

export const ZHsdsServiceParam = ZTenantCodeParam.extend({ id: z.string().max(60) });
