import { describe, expect, it } from 'vitest';
import { duplicatesInFile, type MatchKeys } from './import-matching';

const row = (n: number, name: string, phone: string, household: string | null): MatchKeys => ({
  row: n,
  name,
  kana: '',
  birthDate: name === '山田太郎' ? '1950-01-01' : '1952-02-02',
  phones: [phone],
  household,
});

describe('duplicates within the file', () => {
  it('a couple on one landline in the same 世帯番号 is not proposed as one person', () => {
    expect(
      duplicatesInFile([row(2, '山田太郎', '0791234567', 'H1'), row(3, '山田花子', '0791234567', 'H1')]),
    ).toEqual(new Map());
  });

  it('the same phone in different households is proposed, and says it is the phone', () => {
    expect(
      duplicatesInFile([row(2, '山田太郎', '0791234567', 'H1'), row(3, '山田花子', '0791234567', 'H2')]),
    ).toEqual(new Map([[3, [{ row: 2, reasons: ['phone'] }]]]));
  });

  it('the same name and birth date is proposed even within one household, with every reason', () => {
    expect(
      duplicatesInFile([row(2, '山田太郎', '0791234567', 'H1'), row(4, '山田太郎', '0791234567', 'H1')]),
    ).toEqual(new Map([[4, [{ row: 2, reasons: ['name_and_birth_date'] }]]]));
  });
});
