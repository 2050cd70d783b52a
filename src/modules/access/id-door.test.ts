import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { type CaseWorld, startCaseWorld } from '../../testing/case-world';
import { type OpenApiDocument, walkOperations } from '../../testing/openapi-walk';
import { type SecondCity, startSecondCity } from '../../testing/second-city';
import { DEMO_TENANT } from '../demo/demo.city';

// One door for ids: every path, query and body field of the OpenAPI document that carries an
// id is sent the id of a record of another municipality. Every request must be refused (404,
// or 400/403 where the request fails before any id is used), and nothing may be written.

let world: CaseWorld;
let other: SecondCity;
/** Records of the other municipality that its second city does not make itself. */
const extra = { network: '', training: '', operator: '', issue: '', project: '', resource: '' };

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  const coordinator = other.as('coordinator');
  extra.network = (
    await coordinator.post<{ id: string }>('/api/community/networks', { name: '他市の網' })
  ).body.id;
  extra.operator = (
    await coordinator.post<{ savedId: string }>('/api/resources/operators', {
      name: '他市の団体',
      kind: 'npo',
    })
  ).body.savedId;
  extra.training = (
    await coordinator.post<{ id: string }>('/api/community/trainings', {
      title: '他市の研修',
      heldOn: '2026-04-01',
      scope: 'internal',
      audiences: ['staff'],
      organiser: '他市',
      participantsTotal: 3,
    })
  ).body.id;
  const issue = await coordinator.post<{ id: string; version: number }>('/api/community/issues', {
    title: '他市の地域課題',
    description: '他市',
    source: 'observation',
    raisedOn: '2026-04-01',
  });
  extra.issue = issue.body.id;
  await coordinator.post(`/api/community/issues/${extra.issue}/moves`, {
    version: issue.body.version,
    to: 'under_discussion',
    on: '2026-04-02',
    body: '他市の協議体',
  });
  extra.project = (
    await coordinator.post<{ id: string }>('/api/community/projects', {
      title: '他市のプロジェクト',
      aim: '他市',
      startsOn: '2026-04-03',
      issueIds: [extra.issue],
    })
  ).body.id;
  extra.resource = (
    await coordinator.post<{ id: string }>('/api/resources', {
      operatorId: extra.operator,
      name: '他市の居場所',
      kinds: ['ibasho'],
    })
  ).body.id;
  for (const id of Object.values(extra)) expect(id).toBeTruthy();
});
afterAll(async () => {
  await world.server.close();
});

/** The other municipality's record for an id field or path parameter, by its name and path. */
function foreignId(name: string, path: string): string {
  const ids = other.ids;
  const byField: [RegExp, string][] = [
    [/^(personId|personAId|personBId|mergedPersonId|concernedPersonIds)$/, ids.person],
    [/^householdId$/, ids.household],
    [/^consultationId$/, ids.consultation],
    [/^referralId$/, ids.referral],
    [/^caseId$/, ids.case],
    [
      /^(organisationId|toOrganisationId|ownerOrganisationId|organisationIds|proposedOrganisationIds)$/,
      ids.organisation,
    ],
    [/^(userId|ownerUserId|assigneeIds|actorUserId)$/, ids.user],
    [/^(areaId|parentId)$/, ids.area],
    [/^partnerId$/, ids.watchPartner],
    [/^(outreachRecordId|recordId)$/, ids.outreachRecord],
    [/^bodyId$/, ids.meetingBody],
    [/^(operatorId|leadOperatorId|memberOperatorIds)$/, extra.operator],
    [/^(issueId|issueIds)$/, extra.issue],
    [/^(resourceId|placeResourceId)$/, extra.resource],
    [/^areaIds$/, ids.area],
    [/^caseIds$/, ids.case],
    [/^targetId$/, ids.case],
  ];
  for (const [pattern, id] of byField) if (pattern.test(name)) return id;
  // the public directory is addressed by municipality code: the demo city's, with the other's ids
  if (name === 'tenantCode') return DEMO_TENANT.code;
  if (name === 'fiscalYear') return '2026';
  if (name === 'id' || name === 'childId') {
    const byPath: [string, string][] = [
      ['/api/people/', ids.person],
      ['/api/households/', ids.household],
      ['/api/consultations/', ids.consultation],
      ['/api/consents/', ids.consent],
      ['/api/referrals/', ids.referral],
      ['/api/cases/', ids.case],
      ['/api/meetings/sessions/{id}/outreach', name === 'childId' ? ids.outreachRecord : ids.meetingSession],
      ['/api/meetings/sessions/', ids.meetingSession],
      ['/api/meetings/bodies/', ids.meetingBody],
      ['/api/outreach/records/', ids.outreachRecord],
      ['/api/outreach/partners/', ids.watchPartner],
      ['/api/organisations/', ids.organisation],
      ['/api/admin/users/', ids.user],
      ['/api/areas/', ids.area],
      ['/api/community/networks/', extra.network],
      ['/api/community/trainings/', extra.training],
      ['/api/community/issues/', extra.issue],
      ['/api/community/projects/', extra.project],
      ['/api/community/areas/', ids.area],
    ];
    for (const [prefix, id] of byPath) if (path.startsWith(prefix)) return id;
  }
  // memberships, agenda items, plans, merges…: an id that names nothing here either
  return randomUUID();
}

const ADMIN_PATHS = [
  '/api/admin',
  '/api/organisations',
  '/api/areas',
  '/api/settings',
  '/api/audit',
  '/api/exports/audit-log',
];
const SKIPPED = ['/api/auth/', '/api/health'];

async function rowCounts() {
  const tables = await queryRows<{ table_name: string }>(
    world.server.handle.owner,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_log', 'sessions', 'login_attempts') order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      world.server.handle.owner,
      sql`select count(*)::int as n from ${sql.identifier(table_name)}`,
    );
    counts[table_name] = row?.n ?? 0;
  }
  return counts;
}

describe('one door for ids', () => {
  it('refuses every id of another municipality, in every path, query and body, and writes nothing', async () => {
    const doc = (await world.as('coordinator').get<OpenApiDocument>('/api/openapi.json')).body;
    const operations = walkOperations(doc).filter(
      (op) =>
        !SKIPPED.some((p) => op.path.startsWith(p)) &&
        (op.pathParams.some((p) => p !== 'fiscalYear') ||
          op.queryIds.length > 0 ||
          op.bodyIdFields.length > 0),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((op) => `${op.method} ${op.path}`)).toContain('GET /api/cases/{id}/fhir');
    // exports take their list's filters, ids included, through the same doors
    expect(operations.map((op) => `${op.method} ${op.path}`)).toContain(
      'GET /api/exports/participation-supports',
    );
    const before = await rowCounts();
    const answered: { op: string; status: number; code?: string }[] = [];
    for (const op of operations) {
      const who = ADMIN_PATHS.some((p) => op.path.startsWith(p))
        ? 'admin'
        : op.path.startsWith('/api/program')
          ? 'manager'
          : 'coordinator';
      let path = op.path;
      for (const param of op.pathParams) path = path.replace(`{${param}}`, foreignId(param, op.path));
      const query = op.queryIds.map((q) => `${q}=${foreignId(q, op.path)}`).join('&');
      const url = `/api${path.replace(/^\/api/, '')}${query ? `?${query}` : ''}`;
      const body = op.body?.((field) => foreignId(field, op.path));
      const response = await world.as(who).request<{ error?: { code: string } }>(op.method, url, body);
      answered.push({
        op: `${op.method} ${op.path}`,
        status: response.status,
        code: response.body?.error?.code,
      });
    }
    const accepted = answered.filter((a) => a.status < 400 || a.status >= 500 || a.status === 409);
    expect(accepted, JSON.stringify(accepted, null, 1)).toEqual([]);
    // Reads named by a path id answer 404, the same as a record that does not exist.
    const pathReads = answered.filter((a) => a.op.startsWith('GET') && a.op.includes('{'));
    expect(pathReads.filter((a) => a.status !== 404)).toEqual([]);
    // Most refusals come from the door itself (404), not from a body the walker got wrong.
    const refusedByDoor = answered.filter((a) => a.status === 404).length;
    expect(refusedByDoor / answered.length).toBeGreaterThan(0.85);
    expect(await rowCounts()).toEqual(before);
  });
});
