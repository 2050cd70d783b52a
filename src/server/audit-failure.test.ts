import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { loggedIn, TestClient } from '../testing/test-client';
import { startTestServer } from '../testing/test-server';
import type { RunningServer } from './start';

// No answer leaves without its audit entry: when the entry behind a refusal or a login cannot be
// written, the request answers 500, never the refusal (middleware.ts, applicationTransaction).
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ trustProxy: true });
  const owner = server.handle.owner;
  // the audit entries of the actions listed here fail, as a full disk or a broken value would
  await owner.execute(sql`create table failing_audit_actions (action text primary key)`);
  await owner.execute(
    sql.raw(`create function fail_listed_audit() returns trigger language plpgsql security definer as $$
      begin
        if exists (select 1 from failing_audit_actions f where f.action = new.action) then
          raise exception 'audit entry refused for the test';
        end if;
        return new;
      end $$`),
  );
  await owner.execute(
    sql`create trigger fail_listed_audit before insert on audit_log for each row execute function fail_listed_audit()`,
  );
});
afterAll(() => server.close());
afterEach(() => server.handle.owner.execute(sql`delete from failing_audit_actions`));

const failEntries = (action: string) =>
  server.handle.owner.execute(sql`insert into failing_audit_actions values (${action})`);
const refusalsOf = (targetId: string) =>
  queryRows<{ client_ip: string | null }>(
    server.handle.owner,
    sql`select client_ip from audit_log where action = 'access.refused' and target_id = ${targetId}`,
  );

describe('an audit entry that cannot be written', () => {
  it('turns a refused read into 500, and the refusal answers again once entries are written', async () => {
    const consultant = await loggedIn(server.url, 'demo-consultant');
    const nowhere = randomUUID();
    await failEntries('access.refused');
    expect((await consultant.get(`/api/cases/${nowhere}`)).status).toBe(500);
    expect(await refusalsOf(nowhere)).toHaveLength(0);
    await server.handle.owner.execute(sql`delete from failing_audit_actions`);
    expect((await consultant.get(`/api/cases/${nowhere}`)).status).toBe(404);
    expect(await refusalsOf(nowhere)).toHaveLength(1);
  });

  it('turns a login into 500 whether the password is wrong or right: no guessing unaudited', async () => {
    await failEntries('auth.login');
    expect((await new TestClient(server.url).login('demo-jiritsu', 'wrong-password')).status).toBe(500);
    expect((await new TestClient(server.url).login('demo-jiritsu')).status).toBe(500);
    const [attempts] = await queryRows<{ n: number }>(
      server.handle.owner,
      sql`select count(*)::int as n from login_attempts where login_id = 'demo-jiritsu'`,
    );
    expect(attempts?.n).toBe(0);
  });
});

describe('the address of a request from the reverse proxy', () => {
  it('is taken from X-Forwarded-For only when it is an address: a long header hides no refusal', async () => {
    const consultant = await loggedIn(server.url, 'demo-consultant');
    const nowhere = randomUUID();
    const headers = { 'x-forwarded-for': `10.0.0.1, ${'1'.repeat(80)}` };
    expect((await consultant.request('GET', `/api/cases/${nowhere}`, undefined, headers)).status).toBe(404);
    const [refusal] = await refusalsOf(nowhere);
    expect(refusal?.client_ip).toMatch(/127\.0\.0\.1|::1/);
    const proxied = randomUUID();
    await consultant.request('GET', `/api/cases/${proxied}`, undefined, { 'x-forwarded-for': '203.0.113.7' });
    expect((await refusalsOf(proxied))[0]?.client_ip).toBe('203.0.113.7');
  });

  it('is the address the proxy added, never one the client wrote before it', async () => {
    const consultant = await loggedIn(server.url, 'demo-consultant');
    const forged = randomUUID();
    // the client sent "X-Forwarded-For: 192.0.2.1" and the proxy appended the address it saw
    const headers = { 'x-forwarded-for': '192.0.2.1, 198.51.100.4' };
    expect((await consultant.request('GET', `/api/cases/${forged}`, undefined, headers)).status).toBe(404);
    expect((await refusalsOf(forged))[0]?.client_ip).toBe('198.51.100.4');
    // an IPv6 zone of any length passes isIP, but is no address the proxy saw
    const zoned = randomUUID();
    const zone = { 'x-forwarded-for': `fe80::1%${'a'.repeat(60)}` };
    expect((await consultant.request('GET', `/api/cases/${zoned}`, undefined, zone)).status).toBe(404);
    expect((await refusalsOf(zoned))[0]?.client_ip).toMatch(/127\.0\.0\.1|::1/);
  });
});
