// A pg_auto_failover formation on loopback for the failover drill: a monitor, a primary and a
// secondary with synchronous replication (pg_auto_failover's default with one standby), each a
// `pg_autoctl run` keeper in its own process group so that a node can be killed whole.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

function command(args: string[]): [string, string[]] {
  const env = ['env', `PATH=${BIN}:${process.env.PATH}`, `XDG_RUNTIME_DIR=${tmpdir()}`];
  return asRoot
    ? ['runuser', ['-u', 'postgres', '--', ...env, ...args]]
    : [env[0] as string, [...env.slice(1), ...args]];
}

export function autoctl(args: string[]): string {
  const [file, argv] = command(['pg_autoctl', ...args]);
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export type Node = { name: string; port: number; pgdata: string; keeper: ChildProcess };
type State = { nodename: string; current_group_state: string; assigned_group_state: string };
/** States in which a node takes writes (wait_primary: a primary whose standby is gone). */
const WRITABLE = ['single', 'wait_primary', 'primary'];

export class Formation {
  readonly dir = mkdtempSync(join(tmpdir(), 'tsunagu-failover-'));
  readonly nodes: Node[] = [];
  private monitor?: ChildProcess;

  constructor(private readonly ports: { monitor: number; nodes: number[] }) {
    if (!existsSync(join(BIN, 'pg_autoctl')) && !existsSync('/usr/bin/pg_autoctl'))
      throw new Error(
        'pg_autoctl not found: apt-get install postgresql-15-auto-failover pg-auto-failover-cli',
      );
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(this.dir, uid, gid);
    }
  }

  private run(pgdata: string, log: string): ChildProcess {
    const [file, argv] = command(['pg_autoctl', 'run', '--pgdata', pgdata]);
    const out = openSync(join(this.dir, log), 'a');
    return spawn(file, argv, { detached: true, stdio: ['ignore', out, out] });
  }

  get monitorUri() {
    return `postgres://autoctl_node@127.0.0.1:${this.ports.monitor}/pg_auto_failover?sslmode=disable`;
  }

  async start() {
    const pgdata = join(this.dir, 'monitor');
    autoctl([
      'create',
      'monitor',
      '--pgdata',
      pgdata,
      '--pgport',
      String(this.ports.monitor),
      '--hostname',
      '127.0.0.1',
      '--auth',
      'trust',
      '--no-ssl',
    ]);
    this.monitor = this.run(pgdata, 'monitor.log');
    await this.waitFor(() => {
      try {
        autoctl(['show', 'state', '--pgdata', pgdata]);
        return true;
      } catch {
        return false;
      }
    }, 'the monitor');
    for (const [i, port] of this.ports.nodes.entries()) {
      const name = `node${i + 1}`;
      const nodeData = join(this.dir, name);
      autoctl([
        'create',
        'postgres',
        '--pgdata',
        nodeData,
        '--pgport',
        String(port),
        '--hostname',
        '127.0.0.1',
        '--monitor',
        this.monitorUri,
        '--auth',
        'trust',
        '--no-ssl',
        '--dbname',
        'tsunagu',
        '--name',
        name,
      ]);
      this.nodes.push({ name, port, pgdata: nodeData, keeper: this.run(nodeData, `${name}.log`) });
      // the first node starts alone (single), then becomes primary when the second is its secondary
      const wanted = i === 0 ? 'single' : 'secondary';
      await this.waitFor(
        () => this.state().some((s) => s.nodename === name && s.current_group_state === wanted),
        `${name} ${wanted}`,
      );
    }
  }

  state(): State[] {
    return JSON.parse(autoctl(['show', 'state', '--json', '--pgdata', join(this.dir, 'monitor')])) as State[];
  }

  primary(): Node | undefined {
    const found = this.state().find(
      (s) => WRITABLE.includes(s.current_group_state) && s.current_group_state === s.assigned_group_state,
    );
    return this.nodes.find((n) => n.name === found?.nodename);
  }

  async waitFor(check: () => boolean, what: string, seconds = 120) {
    for (let i = 0; i < seconds * 4; i++) {
      if (check()) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`waited ${seconds} s for ${what}`);
  }

  /** The node as if its machine were lost: its keeper and its PostgreSQL killed at once. */
  kill(node: Node) {
    const postmaster = Number(readFileSync(join(node.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (node.keeper.pid) process.kill(-node.keeper.pid, 'SIGKILL');
    process.kill(postmaster, 'SIGKILL');
  }

  stop() {
    for (const keeper of [...this.nodes.map((n) => n.keeper), this.monitor]) {
      try {
        if (keeper?.pid) process.kill(-keeper.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // PostgreSQL's own immediate stop: a postmaster killed outright can leave the monitor's
    // background workers behind
    for (const name of ['monitor', ...this.nodes.map((n) => n.name)]) {
      const [file, argv] = command(['pg_ctl', '-D', join(this.dir, name), '-m', 'immediate', '-w', 'stop']);
      spawnSync(file, argv, { stdio: 'ignore' });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
