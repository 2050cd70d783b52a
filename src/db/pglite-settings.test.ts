import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import { type DbHandle, queryRows } from './client';

// PGlite's buffer cache is part of the embedded server's own memory (client.ts).
describe.skipIf(process.env.TEST_DATABASE_URL)('the embedded database', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle.close());

  it('keeps a buffer cache of 32 MB, and its own settings beside it', async () => {
    const settings = await queryRows<{ name: string; setting: string }>(
      handle.db,
      sql`select name, current_setting(name) as setting from unnest(array['shared_buffers', 'search_path', 'TimeZone']) name`,
    );
    expect(Object.fromEntries(settings.map((s) => [s.name, s.setting]))).toEqual({
      shared_buffers: '32MB',
      search_path: 'public',
      TimeZone: 'UTC',
    });
  });
});
