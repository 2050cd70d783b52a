import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { users } from '../users/users.tables';
import type { OutreachRecord } from './outreach.schemas';
import { concernReports, outreachActivities, outreachStageChanges, watchPartners } from './outreach.tables';

type Details = Pick<OutreachRecord, 'reports' | 'activities' | 'stageChanges'>;

/** Reports, activities and stage changes of the records, oldest first, grouped by record. */
export async function recordDetails(tx: Database, recordIds: string[]): Promise<(id: string) => Details> {
  if (recordIds.length === 0) return () => ({ reports: [], activities: [], stageChanges: [] });
  const enteredBy = alias(users, 'entered_by');
  const [reports, activities, changes] = await Promise.all([
    tx
      .select({ r: concernReports, partnerName: watchPartners.name, enteredBy: enteredBy.displayName })
      .from(concernReports)
      .leftJoin(watchPartners, eq(watchPartners.id, concernReports.partnerId))
      .innerJoin(enteredBy, eq(enteredBy.id, concernReports.enteredByUserId))
      .where(inArray(concernReports.recordId, recordIds))
      .orderBy(asc(concernReports.receivedOn), asc(concernReports.createdAt)),
    tx
      .select({ a: outreachActivities, by: users.displayName })
      .from(outreachActivities)
      .innerJoin(users, eq(users.id, outreachActivities.byUserId))
      .where(inArray(outreachActivities.recordId, recordIds))
      .orderBy(asc(outreachActivities.happenedOn), asc(outreachActivities.createdAt)),
    tx
      .select({ c: outreachStageChanges, by: users.displayName })
      .from(outreachStageChanges)
      .leftJoin(users, eq(users.id, outreachStageChanges.byUserId))
      .where(inArray(outreachStageChanges.recordId, recordIds))
      .orderBy(asc(outreachStageChanges.createdAt)),
  ]);
  return (id) => ({
    reports: reports
      .filter(({ r }) => r.recordId === id)
      .map(({ r, partnerName, enteredBy: who }) => ({
        id: r.id,
        receivedOn: r.receivedOn,
        reporterKind: r.reporterKind,
        partnerName,
        reporterName: r.reporterName,
        location: r.location,
        observed: r.observed,
        peopleConcerned: r.peopleConcerned,
        risk: r.risk,
        enteredBy: who,
      })),
    activities: activities
      .filter(({ a }) => a.recordId === id)
      .map(({ a, by }) => ({
        id: a.id,
        kind: a.kind,
        happenedOn: a.happenedOn,
        means: a.means,
        result: a.result,
        withWhom: a.withWhom,
        notes: a.notes,
        nextContactOn: a.nextContactOn,
        by,
        recordedAt: a.createdAt.toISOString(),
      })),
    stageChanges: changes
      .filter(({ c }) => c.recordId === id)
      .map(({ c, by }) => ({
        fromStage: c.fromStage,
        toStage: c.toStage,
        changedOn: c.changedOn,
        note: c.note,
        by,
        recordedAt: c.createdAt.toISOString(),
      })),
  });
}
