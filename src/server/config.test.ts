import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the configuration from the environment', () => {
  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 10 when unset, and refuses a size that is not one', () => {
    expect(loadConfig({}, []).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '24' }, []).databasePoolSize).toBe(24);
    for (const bad of ['0', '-3', '2.5', 'ten'])
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad }, [])).toThrow(/DATABASE_POOL_SIZE/);
  });
});
