import { describe, expect, it } from 'vitest';
import { testConfig } from '../testing/test-server';
import { startPrimary } from './cluster';
import { loadConfig } from './config';

describe('the configuration from the environment', () => {
  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 10 when unset, and refuses a size that is not one', () => {
    expect(loadConfig({}, []).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '24' }, []).databasePoolSize).toBe(24);
    for (const bad of ['0', '-3', '2.5', 'ten'])
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad }, [])).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('runs one process unless TSUNAGU_WORKERS asks for more, and more only on PostgreSQL', async () => {
    expect(loadConfig({}, []).workers).toBe(1);
    expect(loadConfig({ TSUNAGU_WORKERS: '2' }, [])).toMatchObject({ workers: 2, databasePoolSize: 5 });
    expect(loadConfig({ TSUNAGU_WORKERS: '2', DATABASE_POOL_SIZE: '8' }, []).databasePoolSize).toBe(8);
    for (const bad of ['0', '1.5', 'two'])
      expect(() => loadConfig({ TSUNAGU_WORKERS: bad }, [])).toThrow(/TSUNAGU_WORKERS/);
    await expect(startPrimary(testConfig({ workers: 2 }))).rejects.toThrow(/PostgreSQL/);
  });

  it('answers twice as many requests at once as the process has connections, 8 on PGlite, or REQUESTS_AT_ONCE', () => {
    const url = { DATABASE_URL: 'postgres://localhost/tsunagu' };
    expect(loadConfig(url, []).requestsAtOnce).toBe(20);
    expect(loadConfig({ ...url, TSUNAGU_WORKERS: '2' }, []).requestsAtOnce).toBe(10);
    expect(loadConfig({}, []).requestsAtOnce).toBe(8);
    expect(loadConfig({ ...url, REQUESTS_AT_ONCE: '30' }, []).requestsAtOnce).toBe(30);
    expect(() => loadConfig({ REQUESTS_AT_ONCE: '0' }, [])).toThrow(/REQUESTS_AT_ONCE/);
  });
});
