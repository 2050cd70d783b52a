import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { today, type Who } from '../../testing/case-world';
import { type FhirCaseWorld, startFhirCaseWorld } from '../../testing/fhir-case-world';
import { bundleProblems, loadR4 } from '../../testing/fhir-validator';
import { type SecondCity, startSecondCity } from '../../testing/second-city';

// The FHIR R4 export of a case, over the real server and database: an 8050 household (mother
// and son) with three consent records, referrals in six states, an approved plan and a team.
// Every resource is validated offline against the base R4 definitions, and the bundle is read
// the way a receiving system would.

type Json = Record<string, unknown>;
type Resource = Json & { resourceType: string; id: string };
type Bundle = Json & { entry: { fullUrl: string; resource: Resource }[] };

let world: FhirCaseWorld;
let other: SecondCity;
let caseId = '';
let motherId = '';
let sonId = '';
let referralIds: Record<string, string> = {};
const as = (who: Who) => world.as(who);

beforeAll(async () => {
  world = await startFhirCaseWorld();
  ({ caseId, motherId, sonId, referralIds } = world);
  other = await startSecondCity(world.server);
  await loadR4();
});
afterAll(async () => {
  await world.server.close();
});

const exportAs = (who: Who, id = caseId) => as(who).get<Bundle>(`/api/cases/${id}/fhir`);
/** The bundle's resources of one type, read as the given shape. */
const resources = <T extends object = Json>(bundle: Bundle, type: string) =>
  bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type) as (Resource & T)[];

describe('FHIR export of a case', () => {
  it('refuses those who may not open the case page with the 404 of an unknown case', async () => {
    // the disability centre received a referral about the son (it sees the household), but is not on the team
    expect((await as('disability').get(`/api/households/${world.householdId}`)).status).toBe(200);
    for (const who of ['disability', 'child', 'manager', 'admin', 'community', 'lawyer'] as const) {
      const refused = await exportAs(who);
      expect(refused.status, who).toBe(404);
      expect((refused.body as { error?: { code: string } }).error?.code).toBe('NOT_FOUND');
    }
    expect((await exportAs('coordinator', crypto.randomUUID())).status).toBe(404);
    // another municipality: neither its case for us, nor ours for it
    expect((await exportAs('coordinator', other.ids.case)).status).toBe(404);
    expect((await other.as('coordinator').get(`/api/cases/${caseId}/fhir`)).status).toBe(404);
    const refusals = await queryRows<{ actor_user_id: string; target_type: string }>(
      world.server.handle.owner,
      sql`select actor_user_id, target_type from audit_log
          where action = 'access.refused' and outcome = 'denied' and target_id = ${caseId}
            and detail->>'path' = ${`/api/cases/${caseId}/fhir`}`,
    );
    // each refusal names the case asked for (the six outsiders here and the other city)
    expect(refusals.length).toBe(7);
    expect(new Set(refusals.map((r) => r.target_type))).toEqual(new Set(['case']));
  });

  it('answers a Bundle of type collection as a file, with every resource valid against R4', async () => {
    const response = await exportAs('houkatsu');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="tsunagu-case-${caseId}-${today()}.fhir.json"`,
    );
    const bundle = response.body;
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundleProblems(bundle)).toEqual([]);
    const fullUrls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    const references = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThan(30);
    for (const reference of references) expect(fullUrls).toContain(reference);
  });

  it('catches what is broken: the validation is not a rubber stamp', async () => {
    const bundle = (await exportAs('houkatsu')).body;
    const broken = (change: (copy: Bundle) => void) => {
      const copy = structuredClone(bundle);
      change(copy);
      return bundleProblems(copy);
    };
    const task = (b: Bundle) => resources(b, 'Task')[0] as Json;
    expect(broken((b) => delete task(b).status).join()).toMatch(/Missing required property \(Task\.status\)/);
    expect(broken((b) => Object.assign(task(b), { status: 'sent' })).join()).toMatch(/Task\.status = sent/);
    expect(broken((b) => Object.assign(task(b), { authoredOn: '2025/04/01' })).join()).toMatch(/dateTime/);
    expect(
      broken((b) => Object.assign(task(b), { owner: { reference: 'urn:uuid:nowhere' } })).join(),
    ).toMatch(/resolves to no entry/);
    // a consent kept by a Patient: a reference of a type the element does not allow
    const consent = (b: Bundle) => resources(b, 'Consent')[0] as Json;
    expect(
      broken((b) =>
        Object.assign(consent(b), { organization: [{ reference: `urn:uuid:${motherId}` }] }),
      ).join(),
    ).toMatch(/Invalid reference/);
    expect(
      broken((b) => Object.assign(resources(b, 'Patient')[0] as Json, { birthDate: '昭和17年2月2日' })),
    ).not.toEqual([]);
  });

  it('carries what a receiving system checks: JP Core names, referral Tasks, counts of the records, the audit', async () => {
    const bundle = (await exportAs('houkatsu')).body;
    const byId = new Map(bundle.entry.map((e) => [e.resource.id, e.resource]));
    const names = (id: string) => (byId.get(id)?.name ?? []) as { extension: { valueCode: string }[] }[];
    expect(names(motherId)).toEqual([
      expect.objectContaining({
        family: '松岡',
        given: ['トメ'],
        extension: [expect.objectContaining({ valueCode: 'IDE' })],
      }),
      expect.objectContaining({
        family: 'マツオカ',
        given: ['トメ'],
        extension: [expect.objectContaining({ valueCode: 'SYL' })],
      }),
    ]);
    expect(names(motherId)[0]?.extension[0]).toEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation',
      valueCode: 'IDE',
    });
    expect(byId.get(sonId)).toMatchObject({ gender: 'male', birthDate: '1972-05-05' });
    const [son] = resources(bundle, 'RelatedPerson');
    expect(son).toMatchObject({
      patient: { reference: `urn:uuid:${motherId}` },
      relationship: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'SONC' }],
          text: '長男',
        },
      ],
    });
    // one Task per referral the consultant's organisation is part of, its state after the SDOHCC life cycle
    const tasks = resources<{ status: string; focus: { reference: string } }>(bundle, 'Task');
    const taskOf = (referralId: string) => tasks.find((t) => t.focus.reference === `urn:uuid:${referralId}`);
    const expected = {
      multiAgency: 'in-progress',
      requested: 'requested',
      declined: 'rejected',
      completed: 'completed',
      unsuccessful: 'failed',
      cancelled: 'cancelled',
    };
    for (const [key, status] of Object.entries(expected))
      expect(taskOf(referralIds[key] ?? '')?.status, key).toBe(status);
    expect(taskOf(referralIds.draft ?? '')).toBeUndefined();
    expect(taskOf(referralIds.declined ?? '')).toMatchObject({
      statusReason: { text: '対象年齢ではないため' },
    });
    expect(byId.get(referralIds.requested ?? '')).toMatchObject({
      resourceType: 'ServiceRequest',
      status: 'active',
    });
    expect(byId.get(referralIds.completed ?? '')).toMatchObject({ status: 'completed' });
    // counts of each resource type against the records themselves
    const owner = world.server.handle.owner;
    const count = async (query: ReturnType<typeof sql>) =>
      (await queryRows<{ n: number }>(owner, query))[0]?.n;
    const members = await count(
      sql`select count(*)::int as n from household_members where household_id = ${world.householdId}`,
    );
    const team = await count(sql`select count(*)::int as n from case_team_members where case_id = ${caseId}`);
    const consents = await count(
      sql`select count(*)::int as n from consents where person_id in (select person_id from household_members where household_id = ${world.householdId})`,
    );
    const household = await as('houkatsu').get<{ referrals: { status: string }[] }>(
      `/api/households/${world.householdId}`,
    );
    const counts: Record<string, number> = {};
    for (const e of bundle.entry)
      counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;
    expect(counts).toMatchObject({
      Patient: members,
      RelatedPerson: (members ?? 0) - 1,
      Group: 1,
      Consent: consents,
      ServiceRequest: household.body.referrals.filter((r) => r.status !== 'draft').length,
      Task: 6,
      CarePlan: 1,
      CareTeam: 1,
    });
    expect(
      resources(bundle, 'Consent')
        .map((c) => c.status)
        .sort(),
    ).toEqual(['active', 'active', 'inactive']);
    const [team0] = resources<{ participant: unknown[] }>(bundle, 'CareTeam');
    expect(team0?.participant).toHaveLength(team ?? 0);
    const [plan] = resources<{ activity: unknown[]; goal: unknown[] }>(bundle, 'CarePlan');
    expect(plan).toMatchObject({ status: 'active', subject: { reference: `urn:uuid:${world.householdId}` } });
    expect(plan?.activity).toHaveLength(1);
    expect(resources(bundle, 'Goal')).toHaveLength(plan?.goal.length ?? -1);
    // the export is audited with the case and every person, referral and consent it names
    const [entry] = await queryRows<{
      actor_user_id: string;
      detail: { persons: string[]; referrals: string[] };
    }>(
      owner,
      sql`select actor_user_id, detail from audit_log where action = 'case.export_fhir' and target_id = ${caseId}
          order by id desc limit 1`,
    );
    expect(entry?.actor_user_id).toBe(await world.userIdOf('houkatsu'));
    expect(entry?.detail.persons.sort()).toEqual([motherId, sonId].sort());
    expect(entry?.detail.referrals.sort()).toEqual(
      resources(bundle, 'ServiceRequest')
        .map((r) => r.id)
        .sort(),
    );
  });

  it('gives a coordinator the referrals to 多機関協働, not those between other agencies', async () => {
    const bundle = (await exportAs('coordinator')).body;
    expect(bundleProblems(bundle)).toEqual([]);
    expect(resources(bundle, 'ServiceRequest').map((r) => r.id)).toEqual([world.referralId]);
    expect(resources(bundle, 'Patient')).toHaveLength(2);
  });
});
