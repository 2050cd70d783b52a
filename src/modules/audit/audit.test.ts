import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { loggedIn, type TestClient } from '../../testing/test-client';
import { startTestServer } from '../../testing/test-server';

type AuditRows = {
  total: number;
  rows: {
    seq: number | null;
    action: string;
    outcome: string;
    actorLoginId: string | null;
    organisationName: string | null;
    targetId: string | null;
    clientIp: string | null;
  }[];
};

let server: RunningServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url, 'demo-admin');
});
afterAll(() => server.close());

describe('audit log', () => {
  it('records every administrative change with who, where from and the target', async () => {
    const created = await admin.post<{ id: string }>('/api/organisations', {
      name: '監査確認用機関',
      kind: 'other',
    });
    await admin.patch(`/api/organisations/${created.body.id}`, { phone: '03-0000-0000', version: 1 });
    const log = await admin.get<AuditRows>(`/api/audit?targetId=${created.body.id}`);
    expect(log.body.rows.map((r) => r.action)).toEqual(['organisation.update', 'organisation.create']);
    for (const row of log.body.rows) {
      expect(row).toMatchObject({
        actorLoginId: 'demo-admin',
        organisationName: 'つなぐ市 福祉部 地域福祉課',
        outcome: 'success',
      });
      expect(row.clientIp).toMatch(/127\.0\.0\.1|::1/);
    }
  });

  it('writes nothing when the change fails (same transaction)', async () => {
    const before = (await admin.get<AuditRows>('/api/audit?action=area.create')).body.total;
    const refused = await admin.post('/api/areas', { name: '二つ目の市', parentId: null });
    expect(refused.status).toBe(409);
    expect((await admin.get<AuditRows>('/api/audit?action=area.create')).body.total).toBe(before);
  });

  it('is readable by the administrator and the program manager only', async () => {
    const manager = await loggedIn(server.url, 'demo-manager');
    expect((await manager.get('/api/audit')).status).toBe(200);
    for (const loginId of ['demo-consultant', 'demo-coordinator', 'demo-lawyer']) {
      const client = await loggedIn(server.url, loginId);
      expect((await client.get('/api/audit')).status).toBe(403);
    }
  });

  it('filters by date, action and outcome, newest first, with paging', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const log = await admin.get<AuditRows>(
      `/api/audit?from=${today}&to=${today}&action=auth.login&outcome=success&pageSize=1`,
    );
    expect(log.status).toBe(200);
    expect(log.body.rows).toHaveLength(1);
    expect(log.body.total).toBeGreaterThanOrEqual(1);
    await server.sealAudit();
    const all = await admin.get<AuditRows>('/api/audit?pageSize=200');
    // sealed entries carry their place in the municipality's chain, newest first (the audit
    // search itself, written a moment ago, may still be waiting for its seal)
    const seqs = all.body.rows.map((r) => r.seq).filter((seq): seq is number => seq !== null);
    expect(seqs.length).toBeGreaterThan(all.body.rows.length - 2);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect((await admin.get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await admin.get('/api/audit?action=drop_table')).status).toBe(400);
  });

  it('cannot be edited or deleted, even with direct database access', async () => {
    const db = server.handle.owner;
    await expect(db.execute(sql`update audit_log set outcome = 'failure'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });
});
