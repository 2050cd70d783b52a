import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { personName } from '../../shared/names';
import { areas } from '../areas/areas.tables';
import { today } from '../cases/case-common';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { resourceOperators, resources } from '../resources/resources.tables';
import { users } from '../users/users.tables';
import type { Placement, Support } from './participation.schemas';
import { placementEvents, placementFollowUps, placements, unmetNeeds } from './participation.tables';
import { approximateAge, type SupportRow } from './support-access';

async function placementsOf(tx: Database, supportId: string): Promise<Placement[]> {
  const rows = await tx
    .select({ p: placements, resourceName: resources.name, operatorName: resourceOperators.name })
    .from(placements)
    .innerJoin(resources, eq(resources.id, placements.resourceId))
    .innerJoin(resourceOperators, eq(resourceOperators.id, resources.operatorId))
    .where(eq(placements.supportId, supportId))
    .orderBy(asc(placements.proposedOn), asc(placements.createdAt));
  const ids = rows.map((r) => r.p.id);
  const events =
    ids.length === 0
      ? []
      : await tx
          .select({ e: placementEvents, userName: users.displayName })
          .from(placementEvents)
          .innerJoin(users, eq(users.id, placementEvents.userId))
          .where(inArray(placementEvents.placementId, ids))
          .orderBy(asc(placementEvents.happenedOn), asc(placementEvents.createdAt));
  const followUps =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(placementFollowUps)
          .where(inArray(placementFollowUps.placementId, ids))
          .orderBy(asc(placementFollowUps.dueOn));
  return rows.map(({ p, resourceName, operatorName }) => ({
    id: p.id,
    resourceId: p.resourceId,
    resourceName,
    operatorName,
    stage: p.stage,
    proposedOn: p.proposedOn,
    visitedOn: p.visitedOn,
    trialOn: p.trialOn,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    endReason: p.endReason,
    matchNotes: p.matchNotes,
    events: events
      .filter(({ e }) => e.placementId === p.id)
      .map(({ e, userName }) => ({
        id: e.id,
        kind: e.kind,
        toStage: e.toStage,
        happenedOn: e.happenedOn,
        personSaid: e.personSaid,
        receiverSaid: e.receiverSaid,
        note: e.note,
        userName,
      })),
    followUps: followUps
      .filter((f) => f.placementId === p.id)
      .map((f) => ({ id: f.id, dueOn: f.dueOn, doneOn: f.doneOn })),
    version: p.version,
  }));
}

/** Everything about one support, for someone who may see the person. */
export async function presentSupport(tx: Database, row: SupportRow, canWrite: boolean): Promise<Support> {
  const [person] = await tx.select().from(persons).where(eq(persons.id, row.personId));
  const [names] = await tx
    .select({ organisation: organisations.name, coordinator: users.displayName })
    .from(organisations)
    .innerJoin(users, eq(users.id, row.coordinatorUserId))
    .where(eq(organisations.id, row.organisationId));
  const [area] = row.areaId ? await tx.select().from(areas).where(eq(areas.id, row.areaId)) : [];
  const needs = await tx
    .select({ n: unmetNeeds, areaName: areas.name, answeredBy: resources.name })
    .from(unmetNeeds)
    .leftJoin(areas, eq(areas.id, unmetNeeds.areaId))
    .leftJoin(resources, eq(resources.id, unmetNeeds.answeredByResourceId))
    .where(eq(unmetNeeds.supportId, row.id))
    .orderBy(asc(unmetNeeds.recordedOn));
  return {
    id: row.id,
    personId: row.personId,
    personName: person ? personName(person) : '',
    age: person ? approximateAge(person, today()) : null,
    caseId: row.caseId,
    consultationId: row.consultationId,
    outreachRecordId: row.outreachRecordId,
    organisationName: names?.organisation ?? '',
    coordinatorName: names?.coordinator ?? '',
    wishes: row.wishes,
    inTheirWords: row.inTheirWords,
    weekdays: row.weekdays,
    timesOfDay: row.timesOfDay,
    areaId: row.areaId,
    areaName: area?.name ?? null,
    reach: row.reach,
    companion: row.companion,
    health: row.health,
    anxieties: row.anxieties,
    strengths: row.strengths,
    interests: row.interests,
    onlyFree: row.onlyFree,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    placements: await placementsOf(tx, row.id),
    unmetNeeds: needs.map(({ n, areaName, answeredBy }) => ({
      id: n.id,
      wish: n.wish,
      areaName,
      conditions: n.conditions,
      recordedOn: n.recordedOn,
      answeredBy,
    })),
    canWrite: canWrite && row.closedOn === null,
    version: row.version,
  };
}
