import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../db/client';
import type { RunningServer } from '../../server/start';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { bootstrapTenant } from '../tenants/tenants.service';
import { HSDS_SCHEMA_FOLDER } from './hsds-validate';
import type { Resource } from './resources.schemas';

// For the directory's import/export tests: resources made through the API, a second
// municipality to import into, and an HSDS validator built from the standard's own files.

/** The standard as handed to the project (shared/ beside the repository), else the vendored copy. */
export const STANDARD_FOLDER = new URL('../../../../shared/standards/hsds-3.0/', import.meta.url);

export function standardValidator(
  folder: URL = existsSync(STANDARD_FOLDER) ? STANDARD_FOLDER : HSDS_SCHEMA_FOLDER,
) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(JSON.parse(readFileSync(new URL(file, folder), 'utf8')), file);
  }
  return (schema: string, value: unknown) => {
    const validate = ajv.getSchema(schema);
    if (!validate) throw new Error(`no schema ${schema}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

export type Areas = { id: string; name: string; level: string; parentId: string | null }[];

export async function districtsOf(client: TestClient): Promise<Areas> {
  const areas = await client.get<{ areas: Areas }>('/api/areas');
  return areas.body.areas.filter((a) => a.level === 'district');
}

export async function makeResource(
  client: TestClient,
  operatorName: string,
  fields: Record<string, unknown>,
) {
  const operators = await client.get<{ operators: { id: string; name: string }[] }>(
    '/api/resources/operators',
  );
  let operatorId = operators.body.operators.find((o) => o.name === operatorName)?.id;
  if (!operatorId) {
    const saved = await client.post<{ savedId: string }>('/api/resources/operators', {
      name: operatorName,
      kind: 'npo',
      phone: '03-1111-2222',
      website: 'https://example.jp/',
      description: `${operatorName}の説明`,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    operatorId = saved.body.savedId;
  }
  const created = await client.post<Resource>('/api/resources', { operatorId, areaId: null, ...fields });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body;
}

/** A second municipality with its administrator and a directory keeper, and areas of these names. */
export async function startOtherCity(server: RunningServer, code: string, areaNames: string[]) {
  const password = 'other-city-password';
  const { organisationId } = await bootstrapTenant(server.handle.owner, {
    tenantCode: code,
    tenantName: `別の市${code}`,
    organisationName: `別の市${code} 地域福祉課`,
    loginId: `admin-${code}`,
    displayName: '他市 管理者',
    password,
  });
  const admin = await loggedIn(server.url, `admin-${code}`, password);
  const city = await admin.post<{ id: string }>('/api/areas', { name: `別の市${code}` });
  expect(city.status).toBeLessThan(300);
  for (const name of areaNames) {
    const made = await admin.post('/api/areas', { name, parentId: city.body.id });
    expect(made.status, JSON.stringify(made.body)).toBeLessThan(300);
  }
  const keeper = await admin.post('/api/admin/users', {
    loginId: `keeper-${code}`,
    displayName: '他市 参加支援担当',
    password,
    memberships: [{ organisationId, role: 'participation_coordinator' }],
  });
  expect(keeper.status, JSON.stringify(keeper.body)).toBe(201);
  return { admin, keeper: await loggedIn(server.url, `keeper-${code}`, password) };
}

export async function rowCount(server: RunningServer, table: 'resources' | 'resource_operators') {
  const [row] = await queryRows<{ n: number }>(
    server.handle.owner,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

export async function auditCount(server: RunningServer, action: string) {
  const [row] = await queryRows<{ n: number }>(
    server.handle.owner,
    sql`select count(*)::int as n from audit_log where action = ${action}`,
  );
  return row?.n ?? 0;
}

/** A resource as both municipalities should read it: without ids, who verified, versions. */
export function comparable(resource: Resource) {
  const { id: _id, operatorId: _o, areaId: _a, verifiedBy: _v, version: _n, stale: _s, ...rest } = resource;
  return rest;
}

let shiftJisTable: Map<string, number[]> | null = null;

/** Text as Excel on Japanese Windows saves it (Shift_JIS), from the decoder's own table. */
export function shiftJis(text: string): Uint8Array {
  if (!shiftJisTable) {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('shift_jis');
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
      }
    }
    shiftJisTable = table;
  }
  const table = shiftJisTable;
  const bytes = [...text].flatMap((char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) return [code];
    const found = table.get(char);
    if (!found) throw new Error(`not in Shift_JIS: ${char}`);
    return found;
  });
  return new Uint8Array(bytes);
}

/** Posts a file's bytes as the request body, as the import screen does. */
export async function postFile<T>(
  client: TestClient,
  path: string,
  bytes: Uint8Array | string,
  contentType = 'text/csv',
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  const response = await fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: typeof bytes === 'string' ? bytes : new Blob([new Uint8Array(bytes)]),
  });
  return { status: response.status, body: (await response.json()) as T };
}
