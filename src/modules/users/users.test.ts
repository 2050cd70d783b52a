import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { loggedIn, TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';
import { bootstrapTenant } from '../tenants/tenants.service';

type UserBody = {
  id: string;
  loginId: string;
  isActive: boolean;
  memberships: { id: string; role: string }[];
};

let server: RunningServer;
let admin: TestClient;
let organisationId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url, 'demo-admin');
  const orgs = await admin.get<{ organisations: { id: string; kind: string }[] }>('/api/organisations');
  organisationId = orgs.body.organisations.find((o) => o.kind === 'child_family_center')?.id ?? '';
});
afterAll(() => server.close());

const newUser = (loginId: string) => ({
  loginId,
  displayName: '新人 職員',
  displayNameKana: 'シンジン ショクイン',
  password: 'first-password-123',
  memberships: [{ organisationId, role: 'consultant' }],
});

describe('user administration', () => {
  it('is refused to anyone but the administrator, before and after login', async () => {
    expect((await new TestClient(server.url).get('/api/admin/users')).status).toBe(401);
    for (const loginId of ['demo-consultant', 'demo-coordinator', 'demo-manager']) {
      const client = await loggedIn(server.url, loginId);
      expect((await client.get('/api/admin/users')).status).toBe(403);
      const created = await client.post('/api/admin/users', newUser(`sneaky-${loginId}`));
      expect(created.status).toBe(403);
      expect(created.body).toMatchObject({
        error: { code: 'FORBIDDEN', message: 'この操作を行う権限がありません。' },
      });
    }
  });

  it('creates a user with a membership who can then log in', async () => {
    const created = await admin.post<UserBody>('/api/admin/users', newUser('Shinjin.Child'));
    expect(created.status).toBe(201);
    expect(created.body.loginId).toBe('shinjin.child');
    expect(created.body.memberships).toMatchObject([{ role: 'consultant' }]);
    const listed = await admin.get<{ users: UserBody[] }>('/api/admin/users');
    expect(listed.body.users.map((u) => u.loginId)).toContain('shinjin.child');
    const session = await loggedIn(server.url, 'shinjin.child', 'first-password-123');
    expect((await session.get('/api/auth/session')).body).toMatchObject({
      user: { displayName: '新人 職員' },
    });
    expect(JSON.stringify(listed.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('refuses a duplicate login ID, a short password and unknown fields, saving nothing', async () => {
    const duplicate = await admin.post('/api/admin/users', newUser('demo-child'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ error: { code: 'LOGIN_ID_TAKEN' } });
    const short = await admin.post('/api/admin/users', { ...newUser('short-pass'), password: 'short' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('パスワードは10文字以上にしてください。');
    const extra = await admin.post('/api/admin/users', { ...newUser('extra-field'), isAdmin: true });
    expect(extra.status).toBe(400);
    const badOrg = await admin.post('/api/admin/users', {
      ...newUser('bad-org'),
      memberships: [{ organisationId: '00000000-0000-4000-8000-000000000000', role: 'consultant' }],
    });
    expect(badOrg.status).toBe(404);
    const listed = await admin.get<{ users: UserBody[] }>('/api/admin/users');
    const ids = listed.body.users.map((u) => u.loginId);
    for (const id of ['short-pass', 'extra-field', 'bad-org']) expect(ids).not.toContain(id);
  });

  it('deactivating a user ends their sessions and stops their logins', async () => {
    const created = await admin.post<UserBody>('/api/admin/users', newUser('leaving.worker'));
    const worker = await loggedIn(server.url, 'leaving.worker', 'first-password-123');
    const off = await admin.patch<UserBody>(`/api/admin/users/${created.body.id}`, { isActive: false });
    expect(off.body.isActive).toBe(false);
    expect((await worker.get('/api/auth/session')).status).toBe(401);
    expect((await new TestClient(server.url).login('leaving.worker', 'first-password-123')).status).toBe(401);
  });

  it('resets a password: the old one stops working and open sessions end', async () => {
    const created = await admin.post<UserBody>('/api/admin/users', newUser('forgetful'));
    const worker = await loggedIn(server.url, 'forgetful', 'first-password-123');
    const reset = await admin.post(`/api/admin/users/${created.body.id}/password`, {
      password: 'second-password-456',
    });
    expect(reset.status).toBe(200);
    expect((await worker.get('/api/auth/session')).status).toBe(401);
    expect((await new TestClient(server.url).login('forgetful', 'first-password-123')).status).toBe(401);
    expect((await new TestClient(server.url).login('forgetful', 'second-password-456')).status).toBe(200);
  });

  it('adds and removes memberships, refusing duplicates', async () => {
    const created = await admin.post<UserBody>('/api/admin/users', {
      ...newUser('two.hats'),
      memberships: [],
    });
    const first = await admin.post<UserBody>(`/api/admin/users/${created.body.id}/memberships`, {
      organisationId,
      role: 'coordinator',
    });
    expect(first.status).toBe(201);
    const again = await admin.post(`/api/admin/users/${created.body.id}/memberships`, {
      organisationId,
      role: 'coordinator',
    });
    expect(again.status).toBe(409);
    const membershipId = first.body.memberships[0]?.id;
    const removed = await admin.delete<UserBody>(
      `/api/admin/users/${created.body.id}/memberships/${membershipId}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.memberships).toHaveLength(0);
  });

  it('keeps administrators from locking themselves out', async () => {
    const session = await admin.get<{ user: { id: string }; activeMembershipId: string }>(
      '/api/auth/session',
    );
    const selfOff = await admin.patch(`/api/admin/users/${session.body.user.id}`, { isActive: false });
    expect(selfOff.status).toBe(409);
    expect(selfOff.body).toMatchObject({ error: { code: 'SELF_LOCKOUT' } });
    const selfRemove = await admin.delete(
      `/api/admin/users/${session.body.user.id}/memberships/${session.body.activeMembershipId}`,
    );
    expect(selfRemove.status).toBe(409);
  });
});

describe('tenancy', () => {
  it("never shows or changes another municipality's users, organisations or areas", async () => {
    await bootstrapTenant(server.handle.owner, {
      tenantCode: '132187',
      tenantName: '別の市',
      organisationName: '別の市 地域福祉課',
      loginId: 'other-admin',
      displayName: '他市 管理者',
      password: 'other-admin-password',
    });
    const other = await loggedIn(server.url, 'other-admin', 'other-admin-password');
    const users = await other.get<{ users: UserBody[] }>('/api/admin/users');
    expect(users.body.users.map((u) => u.loginId)).toEqual(['other-admin']);
    const orgs = await other.get<{ organisations: { name: string }[] }>('/api/organisations');
    expect(orgs.body.organisations.map((o) => o.name)).toEqual(['別の市 地域福祉課']);
    expect((await other.get<{ areas: unknown[] }>('/api/areas')).body.areas).toEqual([]);

    const demoUsers = await admin.get<{ users: UserBody[] }>('/api/admin/users');
    const demoUser = demoUsers.body.users.find((u) => u.loginId === 'demo-consultant');
    const patched = await other.patch(`/api/admin/users/${demoUser?.id}`, { isActive: false });
    expect(patched.status).toBe(404);
    const reset = await other.post(`/api/admin/users/${demoUser?.id}/password`, {
      password: 'hijacked-password',
    });
    expect(reset.status).toBe(404);
    const joined = await other.post(`/api/admin/users/${demoUser?.id}/memberships`, {
      organisationId,
      role: 'consultant',
    });
    expect(joined.status).toBe(404);
    const renamed = await other.patch(`/api/organisations/${organisationId}`, {
      name: '乗っ取り',
      version: 1,
    });
    expect(renamed.status).toBe(404);
    expect((await new TestClient(server.url).login('demo-consultant')).status).toBe(200);
  });
});
