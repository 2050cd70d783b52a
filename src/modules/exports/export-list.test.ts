import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors';
import { MAX_EXPORT_ROWS, wholeList } from './export-list';

// An export writes the whole list or refuses it in Japanese: never a file cut short unsaid.

describe('an export of a long list', () => {
  it('asks the list for one row more than it takes, and writes every row up to the limit', async () => {
    const asked: number[] = [];
    const rows = await wholeList(async (limit) => {
      asked.push(limit);
      return Array.from({ length: MAX_EXPORT_ROWS }, (_, i) => i);
    }, '絞り込んでください。');
    expect(asked).toEqual([MAX_EXPORT_ROWS + 1]);
    expect(rows).toHaveLength(MAX_EXPORT_ROWS);
  });

  it('refuses a longer list with a 400, the limit and how to narrow it', async () => {
    const refused = await wholeList(
      async (limit) => Array.from({ length: limit }, (_, i) => i),
      '段階や氏名で絞り込んでください。',
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      status: 400,
      code: 'EXPORT_TOO_LARGE',
      message: '該当が多く、一度に書き出せる10,000件を超えています。段階や氏名で絞り込んでください。',
    });
  });
});
