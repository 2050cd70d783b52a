import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client';
import { loggedIn, TestClient } from '../testing/test-client';
import { startTestServer } from '../testing/test-server';
import { MAX_BODY_BYTES } from './request-body';
import type { RunningServer } from './start';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('operations endpoints', () => {
  it('reports the database engine and the migration version', async () => {
    const health = await new TestClient(server.url).get('/api/health');
    expect(health.status).toBe(200);
    const expectedEngine = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
    // Every migration in drizzle/ is applied, and the latest is the one reported.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(health.body).toMatchObject({
      status: 'ok',
      database: {
        engine: expectedEngine,
        migrationVersion: journal.entries.at(-1)?.tag,
        migrationsApplied: journal.entries.length,
      },
    });
    expect(journal.entries.at(-1)?.tag).toBe('0029_case_actions_outstanding');
  });

  it('publishes a valid OpenAPI 3 document listing every endpoint', async () => {
    const doc = await new TestClient(server.url).get<{ openapi: string; paths: Record<string, object> }>(
      '/api/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(doc.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/session',
        '/api/auth/session/membership',
        '/api/auth/login-info',
        '/api/organisations',
        '/api/organisations/{id}',
        '/api/areas',
        '/api/areas/{id}',
        '/api/admin/users',
        '/api/admin/users/{id}',
        '/api/admin/users/{id}/password',
        '/api/admin/users/{id}/memberships',
        '/api/admin/users/{id}/memberships/{membershipId}',
        '/api/audit',
        '/api/exports/people',
        '/api/exports/program-results',
        '/api/exports/audit-log',
      ]),
    );
  });

  it('serves the API reference from this server only (no CDN)', async () => {
    const page = await new TestClient(server.url).get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });
});

describe('bad input never causes a 500', () => {
  it('answers malformed JSON, wrong content type, oversize bodies and unknown paths with coded 4xx', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const malformed = await admin.request('POST', '/api/organisations', '{"name": "未完', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      error: { code: 'INVALID_JSON', message: '送信されたデータが JSON として正しくありません。' },
    });

    const form = await admin.request('POST', '/api/organisations', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });

    const huge = await admin.post('/api/organisations', {
      name: 'x'.repeat(MAX_BODY_BYTES + 10),
      kind: 'npo',
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    // the same without its length (chunked) is counted as it arrives
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const chunked = await fetch(`${server.url}/api/organisations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
      },
      body: new ReadableStream({
        pull(controller) {
          if (sent > MAX_BODY_BYTES + chunk.length) controller.close();
          else controller.enqueue(chunk);
          sent += chunk.length;
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    const missing = await admin.get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const badId = await admin.patch('/api/organisations/not-a-uuid', { name: 'x' });
    expect(badId.status).toBe(400);
  });

  it('survives hostile values in every field type', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const hostile = [null, [], {}, 1e308, -1, true, "'; drop table users; --", '\u0000', '𠮷'.repeat(200)];
    for (const value of hostile) {
      for (const body of [
        { name: value, kind: 'npo' },
        { name: '試験', kind: value },
        { name: '試験', kind: 'npo', functions: value },
        { name: '試験', kind: 'npo', areaId: value },
      ]) {
        const response = await admin.post('/api/organisations', body);
        expect(response.status, JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
      }
      const login = await new TestClient(server.url).post('/api/auth/login', {
        loginId: value,
        password: value,
      });
      expect(login.status).toBeLessThan(500);
    }
  });

  it('sends no-store and security headers on API answers', async () => {
    const response = await new TestClient(server.url).get('/api/health');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
