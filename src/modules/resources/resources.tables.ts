import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type {
  Activity,
  OperatorKind,
  ReceiverSupportKind,
  ResourceKind,
  ResourceStatus,
  TargetAttribute,
} from '../../shared/participation-vocabulary';
import { areas } from '../areas/areas.tables';
import { organisations } from '../organisations/organisations.tables';
import { users } from '../users/users.tables';

/** One opening time of a resource: weekday (0 = 日) and times as HH:MM. */
export type ScheduleSlot = { weekday: number; opens: string; closes: string };

// 運営する団体: an organisation of the directory (企業, NPO, 自治会…); it need not be a
// participating agency, and when it is, it names that organisation.
export const resourceOperators = pgTable(
  'resource_operators',
  {
    ...tenantRecord(),
    name: text('name').notNull(),
    kind: text('kind').$type<OperatorKind>().notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    description: text('description'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('resource_operators_tenant').on(t.tenantId, t.name)],
);

// 社会資源: a place to belong, a work experience, a salon… Nothing here is about a resident.
export const resources = pgTable(
  'resources',
  {
    ...tenantRecord(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => resourceOperators.id),
    name: text('name').notNull(),
    kinds: text('kinds').array().$type<ResourceKind[]>().notNull(),
    description: text('description'),
    areaId: uuid('area_id').references(() => areas.id),
    address: text('address'),
    schedule: jsonb('schedule').$type<ScheduleSlot[]>().notNull().default([]),
    irregular: boolean('irregular').notNull().default(false),
    scheduleNote: text('schedule_note'),
    forEveryone: boolean('for_everyone').notNull().default(true),
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    targetAttributes: text('target_attributes').array().$type<TargetAttribute[]>().notNull().default([]),
    activities: text('activities').array().$type<Activity[]>().notNull().default([]),
    free: boolean('free').notNull().default(true),
    costNote: text('cost_note'),
    accessibility: text('accessibility'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    receivingSupport: text('receiving_support'),
    capacity: integer('capacity'),
    placesFree: integer('places_free'),
    status: text('status').$type<ResourceStatus>().notNull().default('active'),
    verifiedOn: date('verified_on'),
    verifiedByUserId: uuid('verified_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [
    index('resources_tenant_area').on(t.tenantId, t.areaId),
    index('resources_tenant_verified').on(t.tenantId, t.verifiedOn),
    index('resources_operator').on(t.tenantId, t.operatorId),
  ],
);

// 受け入れ先へのサポート: what was done for a receiving place.
export const resourceSupportLogs = pgTable(
  'resource_support_logs',
  {
    ...tenantRecord(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    kind: text('kind').$type<ReceiverSupportKind>().notNull(),
    happenedOn: date('happened_on').notNull(),
    note: text('note').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [index('resource_support_logs_resource').on(t.tenantId, t.resourceId, t.happenedOn)],
);
