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

/** Runs each request in turn with the log on (the server otherwise idle): the statements of each. */
export async function captureEach(adminUrl: string, logFile: string, requests: (() => Promise<unknown>)[]) {
  await setLogging(adminUrl, true);
  const captured: string[][] = [];
  try {
    // the backends write their log lines themselves, before each statement runs: once a request
    // is answered, all of its statements are in the file
    for (const request of requests) {
      const from = statSync(logFile).size;
      await request();
      captured.push(statementsOf(readFileSync(logFile).subarray(from).toString('utf8')));
    }
  } finally {
    await setLogging(adminUrl, false);
  }
  return captured;
}

export function pgbenchScript(name: string, statements: string[]): string {
  const file = join(tmpdir(), `tsunagu-replay-${process.pid}-${name}.sql`);
  // pgbench's meta-commands (\set, a query ending in \gset) end at the line, without a semicolon
  const line = (s: string) => (s.startsWith('\\') || s.endsWith('\\gset') ? s : `${s.replace(/;\s*$/, '')};`);
  writeFileSync(file, `${statements.map(line).join('\n')}\n`);
  return file;
}

// (a colon written as pgbench may read it: see pgbenchLiteral)
const TIMESTAMP = /^E?'\d{4}-\d{2}-\d{2}[ T]\d{2}(?::|\\x3a)\d{2}/;
const LITERAL = /(?<![\w$])(?:E'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*')/g;

/**
 * pgbench scripts (file@weight) that replay these requests as the app ran them, not one of
 * them for all: requests whose statements differ only in their literals (a case's ids, a
 * session's token) share a script, whose every transaction draws one of the requests and runs
 * its statements with its values (as parameters of statements prepared once per connection,
 * as the app's are). Requests of another shape (a case with a referral) get a script of their
 * own, weighted by how many of the requests it stands for.
 */
export function replayScripts(name: string, captures: string[][]): string[] {
  const groups = new Map<string, string[][]>();
  for (const statements of captures) {
    const shape = statements.map((s) => s.replace(LITERAL, '?')).join('\n');
    groups.set(shape, [...(groups.get(shape) ?? []), statements]);
  }
  return [...groups.values()].map((members, g) => {
    const literals = members.map((statements) => statements.flatMap((s) => s.match(LITERAL) ?? []));
    const variables = new Map<string, { name: string; values: string[] }>();
    const variableAt = (position: number) => {
      const values = literals.map((l) => l[position] as string);
      // the moment a request was served (its audit entry's) is one of a kind in every request:
      // any one of them serves, and drawn it would tie each request's other values together
      if (values.every((v) => v === values[0] || TIMESTAMP.test(v))) return null;
      const key = values.join('\u0000');
      if (!variables.has(key)) variables.set(key, { name: `v${variables.size + 1}`, values });
      return variables.get(key)?.name ?? null;
    };
    let position = 0;
    const statements = (members[0] as string[]).map((s) =>
      s.replace(LITERAL, (literal) => {
        const variable = variableAt(position++);
        return variable ? `:${variable}` : literal;
      }),
    );
    const draws = independentDraws([...variables.values()], members.length);
    const script = draws.length
      ? [
          ...draws.map((d, b) => `\\set b${b + 1} random(1, ${d.rows.length})`),
          `select ${draws
            .flatMap((d, b) =>
              d.names.map(
                (name, k) => `(array[${d.rows.map((row) => row[k]).join(',')}])[:b${b + 1}] as ${name}`,
              ),
            )
            .join(', ')} \\gset`,
          ...statements,
        ]
      : statements;
    return `${pgbenchScript(`${name}-${g + 1}`, script)}@${members.length}`;
  });
}

type Variable = { name: string; values: string[] };

/**
 * The variables of a script as draws made apart when the requests are every combination of
 * them (each of twenty sessions with each of five searches): a draw of twenty and one of
 * five, rather than of a hundred rows of both (PostgreSQL builds the arrays of the draw on
 * every run, 0.3 ms for the searches' hundred). Otherwise one draw of every request.
 */
function independentDraws(variables: Variable[], members: number): { names: string[]; rows: string[][] }[] {
  if (variables.length === 0) return [];
  const block = variables.map((_, i) => i);
  const root = (i: number): number => (block[i] === i ? i : root(block[i] as number));
  const distinct = (rows: string[][]) => new Set(rows.map((r) => r.join('\u0000'))).size;
  const column = (i: number) => (variables[i] as Variable).values;
  for (let a = 0; a < variables.length; a++)
    for (let b = a + 1; b < variables.length; b++) {
      const pairs = distinct(column(a).map((v, m) => [v, column(b)[m] as string]));
      if (pairs < distinct(column(a).map((v) => [v])) * distinct(column(b).map((v) => [v])))
        block[root(b)] = root(a);
    }
  const blocks = new Map<number, number[]>();
  for (let i = 0; i < variables.length; i++) blocks.set(root(i), [...(blocks.get(root(i)) ?? []), i]);
  const draws = [...blocks.values()].map((indexes) => {
    const rows = new Map<string, string[]>();
    for (let m = 0; m < members; m++) {
      const row = indexes.map((i) => column(i)[m] as string);
      rows.set(row.join('\u0000'), row);
    }
    return { names: indexes.map((i) => (variables[i] as Variable).name), rows: [...rows.values()] };
  });
  const combinations = draws.reduce((product, d) => product * d.rows.length, 1);
  if (draws.length > 1 && combinations === members) return draws;
  return [
    {
      names: variables.map((v) => v.name),
      rows: Array.from({ length: members }, (_, m) => variables.map((v) => v.values[m] as string)),
    },
  ];
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
