import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointFollower } from './background';

const STARTING = '@@@@ LOG:  checkpoint starting: time\n';
const complete = (buffers: number) =>
  `@@@@ LOG:  checkpoint complete: wrote ${buffers} buffers (4.9%); 0 WAL file(s) added, 0 removed, 3 recycled; write=26.9 s\n`;

describe("the load bench's account of checkpoints", () => {
  it('names one begun in a run, under way through the next, ended after a gap, and none after', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'tsunagu-log-')), 'server.log');
    writeFileSync(log, `${STARTING}${complete(10)}`); // before the bench: not counted
    const follower = checkpointFollower(log);
    const run = (during: string) => {
      const underWay = follower.start();
      appendFileSync(log, during);
      return follower.end(underWay);
    };
    expect(run(`@@tsunagu_app_login@@ LOG:  statement: select 1\n${STARTING}`)).toBe('1 started');
    expect(run('')).toBe('under way');
    expect(run(complete(6400))).toBe('under way, 1 ended (50 MB written)');
    expect(run('')).toBe('none');
    appendFileSync(log, STARTING); // in the gap between two runs
    expect(run('')).toBe('under way');
    appendFileSync(log, complete(128));
    expect(run(`${STARTING}${complete(256)}`)).toBe('1 started, 1 ended (2 MB written)');
  });
});
