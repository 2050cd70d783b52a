import { readdirSync, readFileSync } from 'node:fs';

// CPU seconds spent, to tell the work from the waiting on a machine that others share: this
// process's own, and the PostgreSQL server's (the postmaster listening on the port and its
// backends, read from /proc; only for a server on this machine).

const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command's name, from the state (field 3) on. */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function processTimes(): { pid: number; ppid: number; ticks: number; command: string }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      // utime, stime, cutime, cstime: fields 14–17 of stat (here from the state, field 3)
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
      found.push({ pid: Number(entry), ppid: Number(fields[1]), ticks, command });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** CPU seconds of the PostgreSQL server on this port so far (null when none is found here). */
export function postgresCpuSeconds(port: number): number | null {
  const all = processTimes();
  const postmaster = all.find((p) => /postgres/.test(p.command) && p.command.includes(`-p ${port} `));
  if (!postmaster) return null;
  const ticks = all
    .filter((p) => p.pid === postmaster.pid || p.ppid === postmaster.pid)
    .reduce((s, p) => s + p.ticks, 0);
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds of this process's children that have ended and been waited for (wrk, pgbench). */
export function childrenCpuSeconds(): number {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** CPU seconds so far and resident memory (now and at its peak) of another process on this machine. */
export function processFigures(pid: number) {
  const fields = statFields(pid);
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** The same for a process and its children, added up: a server's primary and its workers. */
export function processTreeFigures(pid: number) {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const each = [pid, ...children.map(Number)].map(processFigures);
  const sum = (pick: (f: ReturnType<typeof processFigures>) => number) =>
    each.reduce((s, f) => s + pick(f), 0);
  return {
    cpuSeconds: sum((f) => f.cpuSeconds),
    rssMb: sum((f) => f.rssMb),
    peakRssMb: sum((f) => f.peakRssMb),
    /** Each process's peak, the primary's first. */
    peaks: each.map((f) => f.peakRssMb),
  };
}
