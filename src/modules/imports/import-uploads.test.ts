import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/access.policy';
import type { SheetTable } from './import-file';
import { forgetAllUploadsForTests, forgetUpload, keepUpload } from './import-uploads';

// Files being imported are held in memory by rows, not by count: six forgotten one-row files stop
// no one, and one municipality's files never stop another's.

const kept: string[] = [];
const actor = (tenantId: string, userId: string) =>
  ({ tenantId, userId, membershipId: `${userId}-m` }) as unknown as Actor;
const table = (rows: number): SheetTable =>
  ({
    headers: ['氏名'],
    rows: Array.from({ length: rows }, (_, i) => ({ row: i + 2, cells: ['山田 太郎'] })),
  }) as unknown as SheetTable;
const keep = (who: Actor, rows: number) => {
  const upload = keepUpload(who, table(rows));
  kept.push(upload.id);
  return upload;
};
// test files share a process (vitest `isolate: false`): files another test left are not ours
beforeEach(forgetAllUploadsForTests);
afterEach(() => {
  for (const id of kept.splice(0)) forgetUpload(id);
});

describe('files held for import', () => {
  it('many small files left behind do not stop the next colleague', () => {
    for (let i = 0; i < 10; i++) keep(actor('city-a', `user-${i}`), 1);
    expect(() => keep(actor('city-a', 'user-next'), 50_000)).not.toThrow();
  });

  it('one municipality holding its share is refused, and another municipality still imports', () => {
    keep(actor('city-a', 'big-1'), 100_000);
    keep(actor('city-a', 'big-2'), 100_000);
    expect(() => keep(actor('city-a', 'one-more'), 10)).toThrow(/取り込みが多く行われています/);
    expect(() => keep(actor('city-b', 'neighbour'), 100_000)).not.toThrow();
  });
});
