import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { type CaseWorld, openWorldCase, startCaseWorld, today, type Who } from '../../testing/case-world';
import { download } from '../../testing/export-download';
import { type OpenApiDocument, walkOperations } from '../../testing/openapi-walk';
import { EXPORT_LISTS } from '../exports/export-registry';

// Every read of personal data is audited, naming the records: each GET route of the areas
// that hold residents' records (found in the OpenAPI document, so a new route joins by itself)
// is read once by someone who may, and once by someone who may not; the first must leave a
// success entry naming what was read (a list: the ids it showed), the second a denied entry
// naming what was asked for.

const PERSONAL_PREFIXES = [
  '/api/people',
  '/api/households',
  '/api/consultations',
  '/api/referrals',
  '/api/cases',
  '/api/meetings/sessions',
  '/api/meetings/action-items',
  '/api/outreach',
  '/api/participation',
];
/** Routes under those prefixes that carry no resident's data, and why. */
const NOT_PERSONAL: Record<string, string> = {
  'GET /api/consultations/issues': 'the issue vocabulary',
  'GET /api/consultations/urgent-alerts': 'only that an urgent consultation exists and where',
  'GET /api/cases/counts': 'counts for the program manager',
  'GET /api/outreach/counts': 'counts for the program manager',
  'GET /api/outreach/partners': 'businesses with watch agreements',
  'GET /api/outreach/staff': 'staff names',
  'GET /api/outreach/my-reports': 'the reporter sees only dates and 受け付けました／対応しています',
  'GET /api/participation/counts': 'counts for the program manager',
  'GET /api/participation/unmet-needs': 'counts per wish and area, small counts suppressed',
  'GET /api/participation/staff': 'staff names',
};

let world: CaseWorld;
const ids: Record<string, string> = {};
const as = (who: Who) => world.as(who);

beforeAll(async () => {
  world = await startCaseWorld();
  const caseId = await openWorldCase(world);
  const household = await as('coordinator').get<{
    members: { person: { id: string } }[];
    consultations: { id: string }[];
  }>(`/api/households/${world.householdId}`);
  const bodies = await as('coordinator').get<{ items: { id: string; name: string }[] }>(
    '/api/meetings/bodies',
  );
  const bodyId = bodies.body.items.find((b) => b.name === '支援会議（法第106条の6）')?.id;
  const session = await as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
    bodyId,
    startsAt: new Date(now().getTime() - 60_000).toISOString(),
  });
  const report = await as('coordinator').post<{ recordId: string }>('/api/outreach/reports', {
    receivedOn: today(),
    reporterKind: 'minsei_iin',
    observed: '夜に大声が聞こえる。',
    risk: 'high',
  });
  const participation = await as('coordinator').post<{ id: string }>('/api/participation', {
    personId: household.body.members[0]?.person.id,
    caseId,
    openedOn: today(),
    wishes: ['place'],
  });
  expect(participation.status).toBe(200);
  for (const item of [
    { kind: 'case', caseId: caseId },
    { kind: 'outreach', outreachRecordId: report.body.recordId },
  ]) {
    expect(
      (await as('coordinator').post(`/api/meetings/sessions/${session.body.id}/items`, item)).status,
    ).toBe(200);
  }
  Object.assign(ids, {
    person: household.body.members[0]?.person.id,
    household: world.householdId,
    consultation: household.body.consultations[0]?.id,
    referral: world.referralId,
    case: caseId,
    session: session.body.id,
    record: report.body.recordId,
    participation: participation.body.id,
  });
});
afterAll(async () => {
  await world.server.close();
});

function pathFor(path: string): { url: string; named: string[] } {
  const named: string[] = [];
  const url = path.replace(/\{(\w+)\}/g, (_, param: string) => {
    const byPath: [RegExp, string][] = [
      [/^\/api\/people\/\{id\}/, 'person'],
      [/^\/api\/households\//, 'household'],
      [/^\/api\/consultations\//, 'consultation'],
      [/^\/api\/referrals\//, 'referral'],
      [/^\/api\/cases\//, 'case'],
      [/^\/api\/meetings\/sessions\//, 'session'],
      [/^\/api\/outreach\/records\//, 'record'],
      [/^\/api\/participation\//, 'participation'],
    ];
    const kind =
      param === 'caseId' ? 'case' : param === 'childId' ? 'record' : byPath.find(([p]) => p.test(path))?.[1];
    const id = kind ? ids[kind] : undefined;
    if (!id) throw new Error(`no id for ${param} in ${path}`);
    named.push(id);
    return id;
  });
  const query: Record<string, string> = {
    '/api/people': `q=${encodeURIComponent('松岡')}`,
    '/api/outreach/history': `householdId=${ids.household}`,
  };
  if (path === '/api/outreach/history') named.push(ids.household ?? '');
  return { url: query[path] ? `${url}?${query[path]}` : url, named };
}

type AuditRow = { action: string; outcome: string; target_id: string | null; detail: unknown };

async function entriesDuring(read: () => Promise<unknown>): Promise<AuditRow[]> {
  const owner = world.server.handle.owner;
  const [mark] = await queryRows<{ id: number }>(
    owner,
    sql`select coalesce(max(id), 0)::int as id from audit_log`,
  );
  await read();
  return queryRows<AuditRow>(
    owner,
    sql`select action, outcome, target_id, detail from audit_log where id > ${mark?.id ?? 0} order by id`,
  );
}

const names = (row: AuditRow, id: string) => row.target_id === id || JSON.stringify(row.detail).includes(id);

describe('audit of personal data', () => {
  it('records every read and every refusal of every route that returns personal data', async () => {
    const doc = (await as('coordinator').get<OpenApiDocument>('/api/openapi.json')).body;
    const routes = walkOperations(doc).filter(
      (op) =>
        op.method === 'GET' &&
        PERSONAL_PREFIXES.some((p) => op.path.startsWith(p)) &&
        !NOT_PERSONAL[`GET ${op.path}`],
    );
    expect(routes.length).toBeGreaterThan(15);
    // exports of a case's personal data are reads like the others
    expect(routes.map((r) => r.path)).toContain('/api/cases/{id}/fhir');
    const missing: string[] = [];
    for (const route of routes) {
      const { url, named } = pathFor(route.path);
      let body: unknown;
      const read = await entriesDuring(async () => {
        const response = await as('coordinator').get(url);
        expect(response.status, `${route.path}`).toBe(200);
        body = response.body;
      });
      const success = read.filter((r) => r.outcome === 'success' && r.action !== 'access.refused');
      // a read names what it read: the records of its path, or (a list) the records it showed
      const shown = [...JSON.stringify(body).matchAll(/"id":"([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');
      const expected = named.length > 0 ? named : shown.slice(0, 1);
      if (success.length === 0 || !expected.every((id) => success.some((r) => names(r, id)))) {
        missing.push(`read ${route.path}`);
      }
      if (named.length === 0) continue;
      const refused = await entriesDuring(async () => {
        const response = await as('child').get(url);
        expect(response.status, `${route.path} as an outsider`).toBeGreaterThanOrEqual(403);
      });
      const denied = refused.filter((r) => r.outcome === 'denied');
      if (!denied.some((r) => named.some((id) => names(r, id)))) missing.push(`refusal ${route.path}`);
    }
    expect(missing).toEqual([]);
  });

  it('records every export of personal data naming the records the list named, and every refusal', async () => {
    const doc = (await as('coordinator').get<OpenApiDocument>('/api/openapi.json')).body;
    const personal = EXPORT_LISTS.filter((list) => list.personal);
    expect(personal.map((l) => l.key)).toEqual(expect.arrayContaining(['people', 'cases', 'audit-log']));
    const missing: string[] = [];
    for (const list of personal) {
      expect(Object.keys(doc.paths)).toContain(`/api/exports/${list.key}`);
      const who: Who = list.key === 'audit-log' ? 'admin' : 'coordinator';
      const query = list.key === 'people' ? `?q=${encodeURIComponent('松岡')}&format=xlsx` : '?format=xlsx';
      const read = await entriesDuring(async () => {
        expect((await download(as(who), `/api/exports/${list.key}${query}`)).status, list.key).toBe(200);
      });
      const exported = read.find((r) => r.action === 'export.download');
      const detail = exported?.detail as { list?: string; ids?: string[]; rows?: number } | undefined;
      // the list's own read, in the same request, names what the list showed: the export names the same
      const own = read.find((r) => r.action !== 'export.download' && r.outcome === 'success');
      const ownDetail = (own?.detail ?? {}) as { ids?: string[]; cases?: string[] };
      const shown = ownDetail.ids ?? ownDetail.cases;
      if (!detail || detail.list !== list.key || !Array.isArray(detail.ids))
        missing.push(`export ${list.key}`);
      else if (shown && JSON.stringify(shown) !== JSON.stringify(detail.ids)) missing.push(`ids ${list.key}`);
      const refused = await entriesDuring(async () => {
        // the audit log is the program manager's to read: a coordinator is refused it
        const outsider: Who = list.key === 'audit-log' ? 'coordinator' : 'manager';
        const response = await download(as(outsider), `/api/exports/${list.key}${query}`);
        expect(response.status, `${list.key} as ${outsider}`).toBeGreaterThanOrEqual(403);
      });
      if (!refused.some((r) => r.outcome === 'denied' && JSON.stringify(r.detail).includes(list.key)))
        missing.push(`refusal ${list.key}`);
    }
    expect(missing).toEqual([]);
  });
});
