// The raw-SQL side of the comparison: the statements the server sends for one request, taken
// from PostgreSQL's own statement log (log_statement = all for the moment of one request, the
// application's login role only), with their parameters written in, and replayed by pgbench as
// one transaction per request. The app's req/s divided by pgbench's transactions/s is how much of
// what its own queries allow the app delivers.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { APPLICATION_LOGIN } from '../../src/testing/test-database';

const MARK = '@@';

async function setLogging(adminUrl: string, on: boolean) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (on) {
      await client.query(`alter system set log_line_prefix = '${MARK}%u${MARK} '`);
      await client.query(`alter system set log_statement = 'all'`);
      await client.query('alter system set log_parameter_max_length = -1');
    } else await client.query('alter system reset log_statement');
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end();
  }
  // the backends read the new settings before their next statement
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/**
 * A literal as pgbench may carry it: pgbench reads ":name" anywhere in a statement as one of its
 * variables (an access token 'org:a3a9…' among them), so a colon before a name is written as an
 * escape of an E'' string, which PostgreSQL reads as the same text.
 */
function pgbenchLiteral(literal: string): string {
  if (!/:[A-Za-z0-9_\u0080-\uffff]/.test(literal)) return literal;
  const inner = literal.slice(1, -1).replace(/\\/g, '\\\\').replace(/:/g, '\\x3a');
  return `E'${inner}'`;
}

/** $1 = 'a', $2 = NULL … as a map from the number to the SQL literal. */
function parameters(detail: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const m of detail.matchAll(/\$(\d+) = (NULL|'(?:[^']|'')*')/g))
    found.set(Number(m[1]), pgbenchLiteral(m[2] as string));
  return found;
}

/** The application's statements in this stretch of the log, parameters written in. */
export function statementsOf(log: string): string[] {
  const entries = log
    .split(new RegExp(`^${MARK}`, 'm'))
    .filter((e) => e.startsWith(`${APPLICATION_LOGIN}${MARK}`));
  const statements: string[] = [];
  for (const entry of entries) {
    const body = entry.slice(APPLICATION_LOGIN.length + MARK.length + 1);
    const statement = /^LOG:\s+(?:statement|execute [^:]*):\s([\s\S]*)$/.exec(body);
    if (statement) {
      // a literal of the statement's own (a to_char format with HH24:MI) as a parameter's
      const text = (statement[1] as string).trim().replace(/(?<![Ee])'(?:[^']|'')*'/g, pgbenchLiteral);
      statements.push(text);
      continue;
    }
    const detail = /^DETAIL:\s+parameters: ([\s\S]*)$/.exec(body);
    const last = statements.length - 1;
    if (detail && last >= 0) {
      const values = parameters(detail[1] as string);
      statements[last] = (statements[last] as string).replace(
        /\$(\d+)/g,
        (whole, n) => values.get(Number(n)) ?? whole,
      );
    }
  }
  return statements;
}

/** Runs the request once with the log on and returns its statements (the server otherwise idle). */
export async function captureStatements(adminUrl: string, logFile: string, request: () => Promise<unknown>) {
  await setLogging(adminUrl, true);
  const from = statSync(logFile).size;
  await request();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await setLogging(adminUrl, false);
  return statementsOf(readFileSync(logFile).subarray(from).toString('utf8'));
}

export function pgbenchScript(name: string, statements: string[]): string {
  const file = join(tmpdir(), `tsunagu-replay-${process.pid}-${name}.sql`);
  // pgbench's meta-commands (\set, a query ending in \gset) end at the line, without a semicolon
  const line = (s: string) => (s.startsWith('\\') || s.endsWith('\\gset') ? s : `${s.replace(/;\s*$/, '')};`);
  writeFileSync(file, `${statements.map(line).join('\n')}\n`);
  return file;
}

/** pgbench with these scripts (file@weight) on the app's database as the app's role: transactions/s. */
export function replay(appUrl: string, scripts: string[], clients: number, seconds: number): number {
  const output = execFileSync(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      ...scripts.flatMap((s) => ['-f', s]),
      appUrl,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(tps[1]);
}

/** One client running the script for a few seconds: each statement's mean latency, slowest first. */
export function statementLatencies(appUrl: string, script: string, seconds: number) {
  const output = execFileSync(
    'pgbench',
    ['-n', '-M', 'prepared', '-r', '-c', '1', '-T', String(seconds), '-f', script, appUrl],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 24,
    },
  );
  const lines = output.slice(output.indexOf('statement latencies')).split('\n').slice(1);
  return lines
    .map((line) => /^\s+([\d.]+)\s+\d+\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ ms: Number(m[1]), statement: (m[2] as string).slice(0, 110) }))
    .sort((a, b) => b.ms - a.ms);
}
