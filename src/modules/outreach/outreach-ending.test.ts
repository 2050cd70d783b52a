import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, startCaseWorld, today, type Who } from '../../testing/case-world';
import type { OutreachRecord, RecordSummary } from './outreach.schemas';

// Ending an outreach record over real HTTP: the reason is required, the record takes no more
// contacts, and the worker who took the report learns only that it is done.

let world: CaseWorld;
const as = (who: Who) => world.as(who);
type Refusal = { error?: { code: string; message: string } };

beforeAll(async () => {
  world = await startCaseWorld();
});
afterAll(async () => {
  await world.server.close();
});

describe('ending a record', () => {
  it('asks for the reason, closes the record to new contacts, and tells the reporter it is done', async () => {
    await as('coordinator').post('/api/outreach/reports', {
      receivedOn: today(),
      reporterKind: 'neighbour',
      location: '本町2丁目',
      observed: '隣の部屋から夜中に大声が聞こえる。',
      risk: 'normal',
      label: '本町2丁目 夜中の大声',
    });
    const list = await as('outreach').get<{ records: RecordSummary[] }>('/api/outreach/records');
    const id = list.body.records.find((r) => r.label === '本町2丁目 夜中の大声')?.id as string;
    const end = (payload: Record<string, unknown>) =>
      as('outreach').post<OutreachRecord & Refusal>(`/api/outreach/records/${id}/stage`, {
        to: 'ended',
        ...payload,
      });
    const noReason = await end({});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.error)).toContain('終了の理由を選んでください');
    const ended = await end({ endReason: 'moved', note: '管理会社によると先月転居' });
    expect(ended.body).toMatchObject({ stage: 'ended', endReason: 'moved', moves: [], canConvert: false });
    const contact = await as('outreach').post<Refusal>(`/api/outreach/records/${id}/activities`, {
      happenedOn: today(),
      kind: 'contact',
      means: 'visit',
      result: 'absent',
    });
    expect(contact.status).toBe(409);
    expect(contact.body.error?.code).toBe('OUTREACH_RECORD_CLOSED');
    const open = await as('outreach').get<{ records: RecordSummary[] }>('/api/outreach/records?view=open');
    expect(open.body.records.map((r) => r.id)).not.toContain(id);
    const closed = await as('outreach').get<{ records: RecordSummary[] }>(
      '/api/outreach/records?view=closed',
    );
    expect(closed.body.records.map((r) => r.id)).toContain(id);
    const reporter = await as('coordinator').get<{ reports: { reporterKind: string; followUp: string }[] }>(
      '/api/outreach/my-reports',
    );
    expect(reporter.body.reports[0]).toMatchObject({ reporterKind: 'neighbour', followUp: 'done' });
  });
});
