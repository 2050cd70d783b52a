import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../server/clock';
import { type CaseWorld, openWorldCase, startCaseWorld } from '../../testing/case-world';
import type { Body } from './meetings.schemas';

// Before a plan exists, a meeting's packet (and the whiteboard) shows the issues the intake
// recorded, ◎ first, and says where they come from.

let world: CaseWorld;
beforeAll(async () => {
  world = await startCaseWorld();
});
afterAll(() => world.server.close());

describe('a packet before the plan', () => {
  it('shows the issues recorded at intake, ◎ first', async () => {
    const caseId = await openWorldCase(world);
    const bodies = (await world.as('coordinator').get<{ items: Body[] }>('/api/meetings/bodies')).body.items;
    const support = bodies.find((b) => b.name === '支援会議（法第106条の6）') as Body;
    const session = await world.as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
      bodyId: support.id,
      startsAt: new Date(now().getTime() + 86_400_000).toISOString(),
      place: '市役所 3階 会議室',
    });
    const tabled = await world
      .as('coordinator')
      .post(`/api/meetings/sessions/${session.body.id}/items`, { kind: 'case', caseId });
    expect(tabled.status, JSON.stringify(tabled.body)).toBe(200);
    const packet = await world
      .as('coordinator')
      .get<{ issues: string[]; issuesAtIntake: boolean }>(
        `/api/meetings/sessions/${session.body.id}/packets/${caseId}`,
      );
    expect(packet.status, JSON.stringify(packet.body)).toBe(200);
    expect(packet.body.issuesAtIntake).toBe(true);
    expect(packet.body.issues).toHaveLength(3);
    expect(packet.body.issues[0]).toContain('8050');
  });
});
