import { describe, expect, it } from 'vitest';
import { readSheet } from './import-file';
import { xlsxOf } from './imports.fixtures';

describe('reading a workbook', () => {
  // exceljs's streaming reader loses the workbook part of about one read in 300 of files exceljs
  // wrote (its issue 3064): 600 reads see it with a chance of about 86 %, and each must succeed
  it('reads a workbook exceljs wrote every time, though its reader now and then stumbles', async () => {
    const bytes = await xlsxOf([
      ['対象者氏名', 'ふりがな'],
      ['山田 太郎', 'やまだ たろう'],
    ]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const outcome = await readSheet(bytes).then(
        (table) => `${table.format}: ${table.rows.map((r) => r.cells.join('/')).join(', ')}`,
        (error: Error) => error.message,
      );
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ 'xlsx: 山田 太郎/やまだ たろう': 600 });
  });
});
