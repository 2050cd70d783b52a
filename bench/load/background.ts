// What else went on while a run was measured: PostgreSQL's checkpoints (from the server's log,
// where PostgreSQL 15 reports each one's start and end), autovacuum (from the statistics), the WAL
// written, how busy the disks were and how idle the cores (from /proc), so that a slow run can be
// told from one that shared the disk and the cores with housekeeping.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../src/db/client';

async function autovacuumRuns(owner: Database): Promise<Map<string, number>> {
  const tables = await queryRows<{ name: string; runs: number }>(
    owner,
    sql`select relname as name, (autovacuum_count + autoanalyze_count)::int as runs
      from pg_stat_all_tables where autovacuum_count + autoanalyze_count > 0`,
  );
  return new Map(tables.map((t) => [t.name, t.runs]));
}

async function walBytes(owner: Database): Promise<bigint> {
  const [row] = await queryRows<{ bytes: string }>(
    owner,
    sql`select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as bytes`,
  );
  return BigInt(row?.bytes ?? 0);
}

/** Milliseconds the machine's disks spent with I/O in flight so far (/proc/diskstats, io_ticks). */
function diskBusyMs(): number {
  const disks = new Set(readdirSync('/sys/block').filter((name) => !/^(loop|ram|zram)/.test(name)));
  return readFileSync('/proc/diskstats', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => disks.has(fields[2] ?? ''))
    .reduce((sum, fields) => sum + Number(fields[12] ?? 0), 0);
}

/** The machine's CPU ticks so far: idle (with I/O wait), stolen by the hypervisor, and all. */
function machineTicks() {
  const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
  const n = ticks.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
  return { idle: (n[3] ?? 0) + (n[4] ?? 0), steal: n[7] ?? 0, all: n.reduce((sum, t) => sum + t, 0) };
}

function logSince(logFile: string, offset: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, statSync(logFile).size - offset));
  const fd = openSync(logFile, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

type Checkpoints = { starts: number; ends: number; buffers: number };

function checkpointsIn(log: string): Checkpoints {
  const ends = [...log.matchAll(/checkpoint complete: wrote (\d+) buffers/g)];
  return {
    starts: log.match(/checkpoint starting:/g)?.length ?? 0,
    ends: ends.length,
    buffers: ends.reduce((sum, e) => sum + Number(e[1]), 0),
  };
}

/**
 * Follows the server's log from now on. A checkpoint spreads its writes over minutes, across runs
 * and the gaps between them: at a run's start what the gap held is taken in, so that a
 * checkpoint begun in it is known to be under way.
 */
export function checkpointFollower(logFile: string) {
  let offset = statSync(logFile).size;
  let underWay = false;
  const read = () => {
    const log = logSince(logFile, offset);
    offset += log.length;
    const found = checkpointsIn(log.toString('utf8'));
    underWay = (underWay ? 1 : 0) + found.starts - found.ends > 0;
    return found;
  };
  return {
    /** At a run's start: whether a checkpoint is under way. */
    start: () => {
      read();
      return underWay;
    },
    /** At its end: the run's checkpoints in a few words. */
    end: (underWayAtStart: boolean) => {
      const { starts, ends, buffers } = read();
      const events = [
        ...(underWayAtStart ? ['under way'] : []),
        ...(starts ? [`${starts} started`] : []),
        ...(ends ? [`${ends} ended (${((buffers * 8) / 1024).toFixed(0)} MB written)`] : []),
      ];
      return events.length ? events.join(', ') : 'none';
    },
  };
}
export type CheckpointFollower = ReturnType<typeof checkpointFollower>;

/** Starts watching; the function it returns says what happened since, in a few words. */
export async function watchBackground(
  owner: Database,
  checkpoints: CheckpointFollower,
): Promise<() => Promise<string>> {
  const vacuumsBefore = await autovacuumRuns(owner);
  const [walBefore, diskBefore, startedAt] = [await walBytes(owner), diskBusyMs(), performance.now()];
  const cpuBefore = machineTicks();
  const underWay = checkpoints.start();
  return async () => {
    const vacuums = await autovacuumRuns(owner);
    const vacuumed = [...vacuums].filter(([name, runs]) => runs > (vacuumsBefore.get(name) ?? 0));
    const checkpointed = checkpoints.end(underWay);
    const wal = Number((await walBytes(owner)) - walBefore) / 2 ** 20;
    const busy = ((diskBusyMs() - diskBefore) / (performance.now() - startedAt)) * 100;
    const cpu = machineTicks();
    const share = (pick: (t: ReturnType<typeof machineTicks>) => number) =>
      ((pick(cpu) - pick(cpuBefore)) / Math.max(1, cpu.all - cpuBefore.all)) * 100;
    return `checkpoint: ${checkpointed}; autovacuum: ${
      vacuumed.length ? vacuumed.map(([name]) => name).join(', ') : 'none'
    }; WAL ${wal.toFixed(0)} MB; disk busy ${busy.toFixed(0)} %; cores idle ${share((t) => t.idle).toFixed(0)} %, stolen ${share((t) => t.steal).toFixed(0)} %`;
  };
}
