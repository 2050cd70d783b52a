import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { queryRows } from '../../db/client';
import { now } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { addDays, formatWestern } from '../../shared/dates';
import type { TestClient } from '../../testing/test-client';
import { postFile } from '../resources/directory.fixtures';
import type { CheckReport, ImportPlan, StreamLine, Upload } from './imports.schemas';

// For the import tests: files as offices have them (CSV in UTF-8 or Shift_JIS, XLSX with date
// cells), the steps of the API, and counts of what the database holds.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const csvOf = (rows: string[][]) =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n');

const asDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && date.toISOString().startsWith(value) ? date : null;
};

/** The same rows as a workbook; real dates written 1990-04-01 become date cells. */
export async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台帳');
  for (const row of rows) sheet.addRow(row.map((v) => asDate(v) ?? (v === '' ? null : v)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function upload(client: TestClient, bytes: Uint8Array | string, type = 'text/csv') {
  return postFile<Upload & { error?: { code: string; message: string } }>(
    client,
    '/api/imports/files',
    bytes,
    type,
  );
}

/** Reads a streamed answer to its end: its progress lines and its last line. */
export async function streamed(client: TestClient, path: string, body: unknown) {
  const response = await client.request<unknown>('POST', path, body);
  if (response.status !== 200)
    return { status: response.status, lines: [], last: null, error: response.body };
  const text = typeof response.body === 'string' ? response.body : `${JSON.stringify(response.body)}\n`;
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as StreamLine);
  return { status: response.status, lines, last: lines[lines.length - 1] ?? null, error: null };
}

export async function check(
  client: TestClient,
  uploadId: string,
  kind: string,
  columns: Record<string, string>,
  fixed: Record<string, string> = {},
) {
  const answer = await streamed(client, `/api/imports/files/${uploadId}/check`, { kind, columns, fixed });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  expect(answer.last?.type, JSON.stringify(answer.last)).toBe('report');
  return (answer.last as { report: CheckReport }).report;
}

export async function commit(client: TestClient, uploadId: string, body: Record<string, unknown>) {
  return streamed(client, `/api/imports/files/${uploadId}/commit`, body);
}

export async function plan(client: TestClient, uploadId: string, body: Record<string, unknown>) {
  return client.post<ImportPlan & { error?: { code: string } }>(`/api/imports/files/${uploadId}/plan`, body);
}

const COUNTED = ['persons', 'households', 'household_members', 'consultations', 'consents'] as const;

export async function counts(server: RunningServer) {
  const result = {} as Record<(typeof COUNTED)[number], number>;
  for (const table of COUNTED) {
    const [row] = await queryRows<{ n: number }>(
      server.handle.owner,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    result[table] = row?.n ?? 0;
  }
  return result;
}

export async function personNamed(server: RunningServer, familyName: string) {
  return queryRows<{
    id: string;
    given_name: string | null;
    family_name_kana: string | null;
    birth_date: string;
  }>(
    server.handle.owner,
    sql`select id::text, given_name, family_name_kana, birth_date::text from persons where family_name = ${familyName}`,
  );
}

/** The ids named by the import's audit entries for one kind of record. */
export async function auditedIds(server: RunningServer, targetType: string) {
  const rows = await queryRows<{ id: string }>(
    server.handle.owner,
    sql`select jsonb_array_elements_text(detail->'ids') as id from audit_log
         where action = 'import.commit' and target_type = ${targetType}`,
  );
  return rows.map((r) => r.id);
}

/** A day counted from today (in Japan), as a ledger would write it. */
export const day = (offset: number) => addDays(formatWestern(now()), offset);

/** A 相談台帳 as the tests send it: its header row, and the mapping of its columns. */
export const HEADER = [
  '対象者氏名',
  'ふりがな',
  '生年月日',
  '電話番号',
  '世帯番号',
  '続柄',
  '相談日',
  '相談経路',
  '相談内容',
  '課題',
  '備考',
];
export const MAPPING = {
  fullName: '対象者氏名',
  fullKana: 'ふりがな',
  birthDate: '生年月日',
  phone: '電話番号',
  householdKey: '世帯番号',
  relation: '続柄',
  receivedOn: '相談日',
  channel: '相談経路',
  mainComplaint: '相談内容',
  issues: '課題',
  notes: '備考',
};
