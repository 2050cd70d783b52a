import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TestClient } from './test-client';

// Downloads from /api/exports as bytes (the test client reads text), and their reading back.

export type Download = {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  /** The JSON error of a refusal. */
  error?: { code: string; message: string; details?: { path: string; message: string }[] };
};

export async function download(client: TestClient, path: string): Promise<Download> {
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.ok) return { status: response.status, headers: response.headers, bytes };
  const body = JSON.parse(new TextDecoder().decode(bytes)) as { error: Download['error'] };
  return { status: response.status, headers: response.headers, bytes, error: body.error };
}

/** A UTF-8 CSV's records (the BOM dropped). */
export const csvRecords = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true });

/** The first sheet of a workbook, row by row (1-based cells, as exceljs numbers them). */
export async function firstSheet(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}
