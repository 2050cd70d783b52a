import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import { bootstrapTenant } from './tenants.service';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(() => server.close());

const input = {
  tenantCode: '132187',
  tenantName: '福生市',
  organisationName: '地域福祉課',
  loginId: 'first-admin',
  displayName: '最初の 管理者',
  password: 'a-long-admin-password',
};

describe('starting without demo data', () => {
  it('shows no demo logins and asks for the one-time setup', async () => {
    const info = await new TestClient(server.url).get('/api/auth/login-info');
    expect(info.body).toEqual({ demo: false, setupRequired: true, logins: [] });
    expect((await new TestClient(server.url).login('demo-admin')).status).toBe(401);
  });

  it('creates the first administrator once, who can then log in and manage', async () => {
    await bootstrapTenant(server.handle.owner, input);
    const info = await new TestClient(server.url).get('/api/auth/login-info');
    expect(info.body).toMatchObject({ setupRequired: false });
    const client = new TestClient(server.url);
    expect((await client.login('first-admin', 'a-long-admin-password')).status).toBe(200);
    expect((await client.get('/api/admin/users')).status).toBe(200);
    await expect(
      bootstrapTenant(server.handle.owner, { ...input, loginId: 'second-admin' }),
    ).rejects.toMatchObject({
      code: 'ADMIN_EXISTS',
    });
    await expect(
      bootstrapTenant(server.handle.owner, { ...input, tenantCode: '13218' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TENANT_CODE',
    });
  });
});
