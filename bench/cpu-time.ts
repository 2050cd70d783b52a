import { readdirSync, readFileSync } from 'node:fs';

// CPU seconds spent, to tell the work from the waiting on a machine that others share: this
// process's own, and the PostgreSQL server's (the postmaster listening on the port and its
// backends, read from /proc; only for a server on this machine).

const TICKS_PER_SECOND = 100;

function processTimes(): { pid: number; ppid: number; ticks: number; command: string }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
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

export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
