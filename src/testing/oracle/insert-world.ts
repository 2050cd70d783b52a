import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import * as t from '../../db/schema';
import type { PlanContent } from '../../modules/cases/case-content';
import { participationSupports } from '../../modules/participation/participation.tables';
import { loadWithDeferredAccessTokens } from '../../modules/people/access-tokens';
import { addressKey, kanaKey, nameKey, phoneKey, searchGrams } from '../../modules/people/name-normalise';
import { now } from '../../server/clock';
import { formatWestern } from '../../shared/dates';
import { sessionRows } from './actor-session';
import { type City, DAY, type Person, type Plan, type World } from './world';

// A world is written straight into the tables through the owner's handle, not through the
// application whose reads the oracle checks.

const planContent = (plan: Plan, today: string, until: string): PlanContent => ({
  vision: '世帯が地域で安心して暮らす。',
  issues: ['生活の立て直し'],
  goals: [{ key: 'g1', text: '生活を安定させる', timeframe: '6か月' }],
  actions: plan.actions.map((a, i) => ({
    key: `a${i + 1}`,
    goalKey: 'g1',
    text: `支援内容${i + 1}`,
    organisationId: a.orgId,
    userId: a.userId,
    frequency: '月1回',
    from: today,
    until,
  })),
});

/**
 * Inserts the world as the tables' owner in one statement (each table's rows in a
 * data-modifying WITH: foreign keys are checked at its end), with a session per actor; the
 * people's access tokens (which participation supports' 担当 are part of) are computed once at
 * the end for every person of the world's municipalities (the triggers that keep them have
 * their own test, access-tokens.test.ts).
 */
export async function insertWorld(owner: Database, world: World): Promise<void> {
  const at = now();
  const until = formatWestern(new Date(at.getTime() + 60 * DAY));
  const longAgo = formatWestern(new Date(at.getTime() - 40 * DAY));
  const parts: SQL[] = [];
  const add = <T>(rows: T[], insert: (rows: T[]) => { getSQL(): SQL }) => {
    if (rows.length) parts.push(insert(rows).getSQL());
  };
  const each = <T>(rows: (c: City) => T[]) => world.cities.flatMap(rows);
  add(
    world.cities.map((c) => ({ id: c.tenantId, code: c.code, name: `${c.label}市（検査）` })),
    (rows) => owner.insert(t.tenants).values(rows),
  );
  add(
    each((c) =>
      c.orgs.map((o) => ({ id: o.id, tenantId: c.tenantId, name: o.label, kind: 'other' as const })),
    ),
    (rows) => owner.insert(t.organisations).values(rows),
  );
  add(
    each((c) =>
      c.users.map((u) => ({
        id: u.id,
        tenantId: c.tenantId,
        loginId: `oracle-${u.id}`,
        displayName: u.label,
        passwordHash: 'not-a-password-hash',
      })),
    ),
    (rows) => owner.insert(t.users).values(rows),
  );
  add(
    each((c) =>
      c.memberships.map((m) => ({
        id: m.id,
        tenantId: c.tenantId,
        userId: m.userId,
        organisationId: m.orgId,
        role: m.role,
      })),
    ),
    (rows) => owner.insert(t.memberships).values(rows),
  );
  add(
    each((c) =>
      c.persons.map((p, i) => {
        const address = `${c.label}市本町${i + 1}-1`;
        const phones = [`090-0000-${String(1000 + i)}`];
        const keys = {
          nameKey: nameKey(`${p.familyName}${p.givenName}`),
          kanaKey: kanaKey(`${p.familyNameKana}${p.givenNameKana}`),
        };
        return {
          id: p.id,
          tenantId: c.tenantId,
          familyName: p.familyName,
          givenName: p.givenName,
          familyNameKana: p.familyNameKana,
          givenNameKana: p.givenNameKana,
          address,
          phones,
          notes: `${p.label}の備考`,
          createdByOrganisationId: p.orgId,
          createdByUserId: p.userId,
          ...keys,
          phoneKeys: phones.map(phoneKey),
          nameGrams: searchGrams(keys.nameKey, keys.kanaKey),
          addressGrams: searchGrams(addressKey(address)),
        };
      }),
    ),
    (rows) => owner.insert(t.persons).values(rows),
  );
  add(
    each((c) =>
      c.households.map((h, i) => ({
        id: h.id,
        tenantId: c.tenantId,
        name: `${h.label}世帯`,
        address: `${c.label}市本町${i + 1}`,
        notes: `${h.label}の備考`,
        createdByOrganisationId: h.orgId,
      })),
    ),
    (rows) => owner.insert(t.households).values(rows),
  );
  add(
    each((c) =>
      c.households.flatMap((h) =>
        h.memberIds.map((personId, i) => ({
          tenantId: c.tenantId,
          householdId: h.id,
          personId,
          relation: i === 0 ? '本人' : '家族',
        })),
      ),
    ),
    (rows) => owner.insert(t.householdMembers).values(rows),
  );
  add(
    each((c) =>
      c.consultations.map((k, i) => ({
        id: k.id,
        tenantId: c.tenantId,
        organisationId: k.orgId,
        takenByUserId: k.takenById,
        receivedAt: new Date(at.getTime() - (i + 1) * 3_600_000),
        channel: 'phone' as const,
        broughtBy: 'self' as const,
        personId: k.personId,
        householdId: k.householdId,
        mainComplaint: `${k.label}の主訴`,
        outcome: 'handled_here' as const,
        shareConsent: 'not_asked' as const,
      })),
    ),
    (rows) => owner.insert(t.consultations).values(rows),
  );
  add(
    each((c) =>
      c.referrals.map((f) => ({
        id: f.id,
        tenantId: c.tenantId,
        consultationId: f.consultationId,
        personId: f.personId,
        householdId: f.householdId,
        fromOrganisationId: f.fromId,
        toOrganisationId: f.toId,
        toMultiAgency: f.toMultiAgency,
        mainComplaint: `${f.label}の主訴`,
        reason: 'つなぎの理由',
        status: f.status,
        createdByUserId: f.createdById,
        sentAt: f.status === 'draft' ? null : at,
      })),
    ),
    (rows) => owner.insert(t.referrals).values(rows),
  );
  add(
    each((c) =>
      c.consents.map((k) => ({
        id: k.id,
        tenantId: c.tenantId,
        personId: k.personId,
        purpose: '関係機関での情報共有',
        scope: k.scope,
        organisationIds: k.orgIds,
        obtainedOn: k.obtainedOn,
        method: 'written' as const,
        recordedByOrganisationId: (c.persons.find((p) => p.id === k.personId) as Person).orgId,
        withdrawnOn: k.withdrawnOn,
      })),
    ),
    (rows) => owner.insert(t.consents).values(rows),
  );
  const cases = each((c) => c.cases.map((k) => ({ c, k })));
  const plans = cases.flatMap(({ c, k }) => k.plans.map((p) => ({ c, k, p })));
  const approvals = new Map(
    plans.filter(({ k, p }) => k.planInForceId === p.id).map(({ p }) => [p.id, randomUUID()]),
  );
  add(
    cases.map(({ c, k }) => ({
      id: k.id,
      tenantId: c.tenantId,
      householdId: k.householdId,
      summary: `${k.label}の概要`,
      status: k.status,
      leadOrganisationId: k.leadOrgId,
      planInForceId: k.planInForceId,
      openedOn: longAgo,
    })),
    (rows) => owner.insert(t.cases).values(rows),
  );
  add(
    cases.flatMap(({ c, k }) =>
      k.team.map((m) => ({
        tenantId: c.tenantId,
        caseId: k.id,
        organisationId: m.orgId,
        userId: m.userId,
        role: '支援',
        joinedOn: longAgo,
        leftOn: m.leftOn,
      })),
    ),
    (rows) => owner.insert(t.caseTeamMembers).values(rows),
  );
  add(
    plans
      .filter(({ p }) => approvals.has(p.id))
      .map(({ c, k, p }) => ({
        id: approvals.get(p.id) as string,
        tenantId: c.tenantId,
        caseId: k.id,
        kind: 'plan_approval' as const,
        decidedOn: world.today,
        decidingBody: '重層的支援会議',
        content: 'プランを承認した。',
      })),
    (rows) => owner.insert(t.caseDecisions).values(rows),
  );
  add(
    plans.map(({ c, k, p }) => ({
      id: p.id,
      tenantId: c.tenantId,
      caseId: k.id,
      version: p.version,
      content: planContent(p, world.today, until),
      reviewOn: until,
      approvedDecisionId: approvals.get(p.id) ?? null,
      createdAt: at,
    })),
    (rows) => owner.insert(t.casePlans).values(rows),
  );
  add(
    plans.flatMap(({ c, k, p }) =>
      p.actions.map((a, i) => ({
        tenantId: c.tenantId,
        caseId: k.id,
        planId: p.id,
        actionKey: `a${i + 1}`,
        organisationId: a.orgId,
        userId: a.userId,
        text: `支援内容${i + 1}`,
        until,
      })),
    ),
    (rows) => owner.insert(t.caseActions).values(rows),
  );
  add(
    each((c) =>
      c.supports.map((s) => ({
        id: s.id,
        tenantId: c.tenantId,
        personId: s.personId,
        caseId: s.caseId,
        consultationId: s.consultationId,
        organisationId: s.orgId,
        coordinatorUserId: s.coordinatorId,
        wishes: ['place' as const],
        inTheirWords: `${s.label}の希望`,
        openedOn: s.openedOn,
        closedOn: s.closedOn,
      })),
    ),
    (rows) => owner.insert(participationSupports).values(rows),
  );
  add(sessionRows(world.actors, at), (rows) => owner.insert(t.sessions).values(rows));
  const ctes = sql.join(
    parts.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`),
    sql`, `,
  );
  await loadWithDeferredAccessTokens(
    owner,
    world.cities.map((c) => c.tenantId),
    async (tx) => {
      await tx.execute(sql`with ${ctes} select 1`);
    },
  );
}

/** The municipality codes already in the database (the demo city's), never to be reused. */
export async function takenTenantCodes(owner: Database): Promise<Set<string>> {
  const rows = await owner.select({ code: t.tenants.code }).from(t.tenants);
  return new Set(rows.map((r) => r.code));
}
