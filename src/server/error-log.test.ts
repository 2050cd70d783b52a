import { describe, expect, it } from 'vitest';
import { databaseErrorCode, describeForLog } from './error-log';

describe('error log lines', () => {
  it('keep the error kind, SQLSTATE and stack frames but drop messages that may hold personal data', () => {
    const cause = Object.assign(new Error('invalid byte sequence'), { code: '22021' });
    const error = new Error('Failed query: insert into people ... params: 山田太郎,090-1234-5678', { cause });
    const line = describeForLog(error);
    expect(line).toContain('Error (SQLSTATE 22021)');
    expect(line).toMatch(/\n\s+at /);
    expect(line).not.toContain('山田太郎');
    expect(line).not.toContain('090-1234-5678');
    expect(databaseErrorCode(error)).toBe('22021');
    expect(databaseErrorCode(new Error('plain'))).toBeUndefined();
  });
});
