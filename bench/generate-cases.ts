import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client';
import { deferAccessTokens, refreshAccessTokens } from '../src/modules/people/access-tokens';
import type { CaseStatus } from '../src/shared/case-vocabulary';
import { RECORD_TYPES } from '../src/shared/case-vocabulary';
import { insertRows, pick, random } from './generate';

// 多機関協働 cases over the synthetic city: teams, an assessment, an approved plan with
// actions for team agencies, decisions, and support records spread across the cases.

const STATUSES: CaseStatus[] = [
  'supporting',
  'supporting',
  'supporting',
  'supporting',
  'evaluating',
  'assessment',
  'planning',
  'awaiting_decision',
  'suspended',
  'closed',
  'connected',
  'received',
];
const ENDED = new Set<CaseStatus>(['closed', 'connected']);
const WITH_PLAN = new Set<CaseStatus>(['supporting', 'evaluating', 'suspended', 'closed', 'connected']);
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type CaseLoad = {
  cases: number;
  records: number;
  /**
   * Cases opened over the last this many years, those older than two years closed (when left out:
   * opened in the last two years, one case per household). More cases than households go round
   * the households again, as a household comes back years later.
   */
  years?: number;
};

export async function generateCases(db: Database, load: CaseLoad, onProgress?: (done: number) => void) {
  const [tenant] = await queryRows<{ id: string }>(db, sql`select id from tenants limit 1`);
  if (!tenant) throw new Error('no tenant: start with the demo city');
  const orgs = (
    await queryRows<{ id: string; kind: string }>(
      db,
      sql`select id, kind from organisations where tenant_id = ${tenant.id}`,
    )
  ).map((o) => o);
  const coordinatorOrg = orgs.find((o) => o.kind === 'social_welfare_council')?.id ?? orgs[0]?.id ?? '';
  const households = await queryRows<{ id: string; person_id: string }>(
    db,
    sql`select distinct on (h.id) h.id, m.person_id from households h join household_members m on m.household_id = h.id
        order by h.id, m.created_at limit ${load.cases}`,
  );
  const caseHouseholds = Array.from(
    { length: load.cases },
    (_, i) => households[i % households.length],
  ).filter((h) => h !== undefined);
  const today = Date.now();
  const recordsPerCase = load.records / Math.max(1, caseHouseholds.length);
  const batch = 250;
  let recordsMade = 0;
  for (let start = 0; start < caseHouseholds.length; start += batch) {
    const caseRows: Record<string, unknown>[] = [];
    const teamRows: Record<string, unknown>[] = [];
    const decisionRows: Record<string, unknown>[] = [];
    const eventRows: Record<string, unknown>[] = [];
    const assessmentRows: Record<string, unknown>[] = [];
    const planRows: Record<string, unknown>[] = [];
    const actionRows: Record<string, unknown>[] = [];
    const recordRows: Record<string, unknown>[] = [];
    for (const household of caseHouseholds.slice(start, start + batch)) {
      const caseId = crypto.randomUUID();
      let status = pick(STATUSES);
      const openedMs = today - (30 + random() * (load.years ? load.years * 365 - 30 : 700)) * DAY;
      // a case of long ago has ended: closed, or connected to a service
      if (openedMs < today - 730 * DAY) status = status === 'connected' ? 'connected' : 'closed';
      const endMs =
        load.years && ENDED.has(status) ? Math.min(today, openedMs + (60 + random() * 660) * DAY) : today;
      const team = [coordinatorOrg, ...new Set([pick(orgs).id, pick(orgs).id, pick(orgs).id])].filter(
        (id, i, all) => all.indexOf(id) === i,
      );
      const lead = pick(team);
      const hasPlan = WITH_PLAN.has(status);
      const planId = hasPlan ? crypto.randomUUID() : null;
      const records =
        status === 'received'
          ? 0
          : Math.round(recordsPerCase * (0.2 + random() * 1.6) * (hasPlan ? 1.2 : 0.5));
      const recordDays = Array.from({ length: records }, () => openedMs + random() * (endMs - openedMs));
      const lastRecord = recordDays.length > 0 ? Math.max(...recordDays) : null;
      caseRows.push({
        id: caseId,
        tenant_id: tenant.id,
        household_id: household.id,
        concerned_person_ids: [household.person_id],
        summary: '複合的な課題のある世帯',
        status,
        lead_organisation_id: lead,
        opened_on: isoDay(openedMs),
        closed_on: ENDED.has(status) ? isoDay(load.years ? endMs : today - random() * 60 * DAY) : null,
        last_record_on: lastRecord ? isoDay(lastRecord) : null,
        next_review_on: hasPlan ? isoDay(endMs + (random() * 120 - 40) * DAY) : null,
      });
      for (const org of team) {
        teamRows.push({
          tenant_id: tenant.id,
          case_id: caseId,
          organisation_id: org,
          role: org === coordinatorOrg ? 'コーディネーター' : '役割分担',
          joined_on: isoDay(openedMs),
        });
      }
      eventRows.push({
        tenant_id: tenant.id,
        case_id: caseId,
        kind: 'status',
        to_status: status,
        at: new Date(openedMs).toISOString(),
        by_organisation_id: coordinatorOrg,
      });
      if (status !== 'received') {
        assessmentRows.push({
          tenant_id: tenant.id,
          case_id: caseId,
          version: 1,
          content: JSON.stringify({
            members: [
              { personId: household.person_id, situations: { care: '介護が必要', finance: '滞納あり' } },
            ],
            wishes: '家で暮らしたい',
            strengths: null,
            resources: null,
            risks: null,
            urgency: 'medium',
            view: '見立て',
            composition: [],
          }),
          created_by_organisation_id: coordinatorOrg,
          created_at: new Date(openedMs + 7 * DAY).toISOString(),
        });
      }
      if (hasPlan) {
        const decisionId = crypto.randomUUID();
        decisionRows.push({
          id: decisionId,
          tenant_id: tenant.id,
          case_id: caseId,
          kind: 'plan_approval',
          decided_on: isoDay(openedMs + 30 * DAY),
          deciding_body: '重層的支援会議',
          content: 'プランを承認',
        });
        const goals = [
          { key: 'g1', text: '家計を安定させる', timeframe: '6か月' },
          { key: 'g2', text: '介護サービスを使う', timeframe: '3か月' },
        ];
        const actions = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, i) => ({
          key: `a${i + 1}`,
          goalKey: pick(goals).key,
          text: `支援内容${i + 1}`,
          organisationId: pick(team),
          userId: null,
          frequency: '月1回',
          from: isoDay(openedMs + 30 * DAY),
          until: isoDay(endMs + (random() * 200 - 80) * DAY),
        }));
        for (const action of actions) {
          actionRows.push({
            tenant_id: tenant.id,
            case_id: caseId,
            plan_id: planId,
            action_key: action.key,
            organisation_id: action.organisationId,
            text: action.text,
            until: action.until,
          });
        }
        planRows.push({
          id: planId,
          tenant_id: tenant.id,
          case_id: caseId,
          version: 1,
          content: JSON.stringify({ vision: '安心して暮らす', issues: ['家計', '介護'], goals, actions }),
          review_on: isoDay(endMs + 30 * DAY),
          consent_on: isoDay(openedMs + 28 * DAY),
          consent_method: 'written',
          approved_decision_id: decisionId,
          created_at: new Date(openedMs + 25 * DAY).toISOString(),
        });
      }
      for (const day of recordDays) {
        recordRows.push({
          tenant_id: tenant.id,
          case_id: caseId,
          recorded_on: isoDay(day),
          type: pick(RECORD_TYPES),
          organisation_id: pick(team),
          minutes: 30,
          content: '訪問して本人と面談した。生活の様子を確認し、次回の予定を決めた。',
        });
      }
      recordsMade += records;
    }
    await db.transaction(async (tx) => {
      await deferAccessTokens(tx);
      // cases.plan_in_force_id and case_plans.case_id point at each other: plans after cases, then the link.
      await insertRows(tx, 'cases', caseRows);
      await insertRows(tx, 'case_team_members', teamRows);
      await insertRows(tx, 'case_decisions', decisionRows);
      await insertRows(tx, 'case_events', eventRows);
      await insertRows(tx, 'case_assessments', assessmentRows);
      await insertRows(tx, 'case_plans', planRows);
      await insertRows(tx, 'case_actions', actionRows);
      await tx.execute(
        sql`update cases c set plan_in_force_id = p.id from case_plans p
            where p.case_id = c.id and c.id = any(${sql.raw(`array[${caseRows.map((c) => `'${c.id}'`).join(',')}]::uuid[]`)})`,
      );
      await insertRows(tx, 'support_records', recordRows);
    });
    onProgress?.(Math.min(start + batch, caseHouseholds.length));
  }
  await db.execute(sql`analyze`);
  await refreshAccessTokens(db, [tenant.id]);
  return { cases: caseHouseholds.length, records: recordsMade };
}
