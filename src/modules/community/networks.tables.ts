import { date, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type { TrainingAudience, TrainingScope, TrainingTopic } from '../../shared/community-vocabulary';
import { meetingBodies } from '../meetings/meetings.tables';
import { resourceOperators } from '../resources/resources.tables';
import { users } from '../users/users.tables';

// ネットワーク・プラットフォーム (草の根ネットワーク, こえる場！, つながり事業).
export const networks = pgTable(
  'networks',
  {
    ...tenantRecord(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('networks_tenant').on(t.tenantId)],
);

// 部会.
export const networkSubgroups = pgTable(
  'network_subgroups',
  {
    ...tenantRecord(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique('network_subgroups_name').on(t.networkId, t.name)],
);

export const networkMembers = pgTable(
  'network_members',
  {
    ...tenantRecord(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => resourceOperators.id),
    subgroupIds: uuid('subgroup_ids').array().notNull().default([]),
    joinedOn: date('joined_on'),
  },
  (t) => [unique('network_members_pair').on(t.networkId, t.operatorId)],
);

// The network's meetings are meeting bodies of the meetings module (topic items only).
export const networkBodies = pgTable(
  'network_bodies',
  {
    ...tenantRecord(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    subgroupId: uuid('subgroup_id').references(() => networkSubgroups.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => meetingBodies.id),
  },
  (t) => [unique('network_bodies_body').on(t.bodyId)],
);

export const networkEvents = pgTable(
  'network_events',
  {
    ...tenantRecord(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    subgroupId: uuid('subgroup_id').references(() => networkSubgroups.id),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    participants: integer('participants'),
    notes: text('notes'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('network_events_network').on(t.tenantId, t.networkId, t.heldOn)],
);

// 研修・人材育成.
export const trainings = pgTable(
  'trainings',
  {
    ...tenantRecord(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    scope: text('scope').$type<TrainingScope>().notNull(),
    audiences: text('audiences').array().$type<TrainingAudience[]>().notNull(),
    organiser: text('organiser').notNull(),
    topics: text('topics').array().$type<TrainingTopic[]>().notNull().default([]),
    /** Participants by organisation; the total is their sum plus those not attributed. */
    participantsByOrganisation: jsonb('participants_by_organisation')
      .$type<{ organisation: string; count: number }[]>()
      .notNull()
      .default([]),
    participantsTotal: integer('participants_total').notNull(),
    materials: text('materials'),
    notes: text('notes'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('trainings_tenant').on(t.tenantId, t.heldOn)],
);
