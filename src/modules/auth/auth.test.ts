import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '../../server/clock';
import type { RunningServer } from '../../server/start';
import { loggedIn, TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => resetClockForTests());

type AuditRows = {
  rows: { action: string; outcome: string; actorLoginId: string | null; detail: Record<string, unknown> }[];
};

describe('login', () => {
  it('lists the demo logins on the login page in demo mode, though no municipality is set yet', async () => {
    const info = await new TestClient(server.url).get<{ demo: boolean; logins: { loginId: string }[] }>(
      '/api/auth/login-info',
    );
    expect(info.body.demo).toBe(true);
    expect(info.body.logins.map((l) => l.loginId)).toEqual(
      expect.arrayContaining(['demo-consultant', 'demo-admin']),
    );
  });

  it('logs a demo user in with an HttpOnly, SameSite=Lax cookie and returns the session', async () => {
    const client = new TestClient(server.url);
    const response = await client.login('demo-consultant');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tsunagu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(response.body).toMatchObject({
      user: { loginId: 'demo-consultant', displayName: '北村 さくら' },
      tenant: { isDemo: true },
      memberships: [{ organisationName: '北部地域包括支援センター', role: 'consultant' }],
    });
    const session = await client.get('/api/auth/session');
    expect(session.status).toBe(200);
  });

  it('sets the Secure flag behind a TLS-terminating proxy', async () => {
    const behindProxy = await startTestServer({ trustProxy: true });
    try {
      const client = new TestClient(behindProxy.url);
      const response = await client.request(
        'POST',
        '/api/auth/login',
        { loginId: 'demo-consultant', password: 'tsunagu-demo' },
        { 'x-forwarded-proto': 'https' },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/Secure/i);
    } finally {
      await behindProxy.close();
    }
  });

  it('answers an unknown login ID exactly like a wrong password', async () => {
    const unknown = await new TestClient(server.url).login('no-such-person', 'whatever-password');
    const wrong = await new TestClient(server.url).login('demo-jiritsu', 'wrong-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      error: { code: 'AUTH_FAILED', message: 'ログインIDまたはパスワードが正しくありません。' },
    });
  });

  it('throttles after five failures, for real and invented IDs alike, even with the right password', async () => {
    for (const loginId of ['demo-child', 'invented-id']) {
      for (let i = 0; i < 5; i++) {
        expect((await new TestClient(server.url).login(loginId, 'bad-password')).status).toBe(401);
      }
      const blocked = await new TestClient(server.url).login(loginId, 'tsunagu-demo');
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ error: { code: 'AUTH_THROTTLED' } });
    }
    advanceClockForTests(16 * 60_000);
    expect((await new TestClient(server.url).login('demo-child')).status).toBe(200);
  });

  it('throttles by login ID, never by a shared address: a script at the NAT locks out no colleague', async () => {
    const shared = await startTestServer({ trustProxy: true });
    const from = (address: string, loginId: string, password = 'bad-password') =>
      new TestClient(shared.url).request<{ error?: { code: string } }>(
        'POST',
        '/api/auth/login',
        { loginId, password },
        { 'x-forwarded-for': address },
      );
    try {
      // 60 failures from the city hall's one address, on many IDs and on one
      for (let i = 0; i < 30; i++) expect((await from('10.0.0.1', `script-${i}`)).status).toBe(401);
      for (let i = 0; i < 30; i++) expect([401, 429]).toContain((await from('10.0.0.1', 'intruder')).status);
      expect((await from('10.0.0.1', 'demo-child', 'tsunagu-demo')).status).toBe(200);

      // one person's failures at one desk: that ID waits there, not at another address
      for (let i = 0; i < 5; i++) expect((await from('10.0.0.2', 'demo-jiritsu')).status).toBe(401);
      expect((await from('10.0.0.2', 'demo-jiritsu', 'tsunagu-demo')).body.error?.code).toBe(
        'AUTH_THROTTLED',
      );
      expect((await from('10.0.0.3', 'demo-jiritsu', 'tsunagu-demo')).status).toBe(200);
      expect((await from('10.0.0.2', 'demo-outreach', 'tsunagu-demo')).status).toBe(200);

      // guessing one ID from many addresses stops after twenty, real ID or invented alike
      for (const loginId of ['demo-manager', 'nobody-here']) {
        for (let i = 0; i < 20; i++) expect((await from(`10.1.0.${i}`, loginId)).status).toBe(401);
        const blocked = await from('10.2.0.1', loginId, 'tsunagu-demo');
        expect(blocked.status).toBe(429);
        expect(blocked.body.error?.code).toBe('AUTH_THROTTLED');
      }
    } finally {
      await shared.close();
    }
  });

  it('rejects a login request with missing fields in Japanese', async () => {
    const response = await new TestClient(server.url).post('/api/auth/login', { loginId: 'demo-child' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: '入力内容に誤りがあります。' },
    });
  });
});

describe('sessions', () => {
  it('ends the session on logout', async () => {
    const client = await loggedIn(server.url, 'demo-outreach');
    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    client.cookie = cookie;
    const after = await client.get('/api/auth/session');
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('expires after 30 idle minutes but not while the user keeps working', async () => {
    const client = await loggedIn(server.url, 'demo-participation');
    advanceClockForTests(20 * 60_000);
    expect((await client.get('/api/organisations')).status).toBe(200);
    advanceClockForTests(20 * 60_000);
    expect((await client.get('/api/organisations')).status).toBe(200);
    advanceClockForTests(31 * 60_000);
    expect((await client.get('/api/organisations')).status).toBe(401);
  });

  it('expires 12 hours after login however active the user is', async () => {
    const client = await loggedIn(server.url, 'demo-community');
    // 28 requests 25 minutes apart: 11 h 40 min of steady work, never idle for 30 minutes.
    for (let step = 0; step < 28; step++) {
      advanceClockForTests(25 * 60_000);
      expect((await client.get('/api/organisations')).status).toBe(200);
    }
    advanceClockForTests(25 * 60_000);
    expect((await client.get('/api/organisations')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token or from another origin', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const body = { name: 'CSRF試験機関', kind: 'npo' };
    const noToken = await admin.request('POST', '/api/organisations', body, { 'x-csrf-token': 'forged' });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    const crossSite = await admin.request('POST', '/api/organisations', body, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const crossSiteLogin = await new TestClient(server.url).request(
      'POST',
      '/api/auth/login',
      { loginId: 'demo-admin', password: 'tsunagu-demo' },
      { origin: 'https://evil.example' },
    );
    expect(crossSiteLogin.status).toBe(403);
    const list = await admin.get<{ organisations: { name: string }[] }>('/api/organisations');
    expect(list.body.organisations.map((o) => o.name)).not.toContain('CSRF試験機関');
  });

  it('switches between the memberships of a user who works for two organisations', async () => {
    const admin = await loggedIn(server.url, 'demo-admin');
    const users = await admin.get<{ users: { id: string; loginId: string }[] }>('/api/admin/users');
    const coordinator = users.body.users.find((u) => u.loginId === 'demo-coordinator');
    const orgs = await admin.get<{ organisations: { id: string; kind: string }[] }>('/api/organisations');
    const jiritsu = orgs.body.organisations.find((o) => o.kind === 'self_reliance_support');
    const added = await admin.post(`/api/admin/users/${coordinator?.id}/memberships`, {
      organisationId: jiritsu?.id,
      role: 'consultant',
    });
    expect(added.status).toBe(201);

    const client = await loggedIn(server.url, 'demo-coordinator');
    const session = await client.get<{
      memberships: { id: string; role: string }[];
      activeMembershipId: string;
    }>('/api/auth/session');
    expect(session.body.memberships).toHaveLength(2);
    const other = session.body.memberships.find((m) => m.id !== session.body.activeMembershipId);
    const switched = await client.put<{ activeMembershipId: string }>('/api/auth/session/membership', {
      membershipId: other?.id,
    });
    expect(switched.status).toBe(200);
    expect(switched.body.activeMembershipId).toBe(other?.id);
    expect(
      (await client.get<{ activeMembershipId: string }>('/api/auth/session')).body.activeMembershipId,
    ).toBe(other?.id);
  });
});

describe('audit of authentication', () => {
  it('records successful and failed logins and logouts, without the attempted unknown ID', async () => {
    await new TestClient(server.url).login('demo-disability', 'wrong-password');
    const user = await loggedIn(server.url, 'demo-disability');
    await user.post('/api/auth/logout');
    const manager = await loggedIn(server.url, 'demo-manager');
    const audit = await manager.get<AuditRows>('/api/audit?action=auth.login&pageSize=200');
    expect(audit.status).toBe(200);
    const forUser = audit.body.rows.filter((r) => r.actorLoginId === 'demo-disability');
    expect(forUser.some((r) => r.outcome === 'success')).toBe(true);
    const failures = audit.body.rows.filter((r) => r.outcome === 'failure');
    expect(failures.some((r) => r.detail.reason === 'wrong_password')).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain('no-such-person');
    const logouts = await manager.get<AuditRows>('/api/audit?action=auth.logout');
    expect(logouts.body.rows.some((r) => r.actorLoginId === 'demo-disability')).toBe(true);
  });
});
