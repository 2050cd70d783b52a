import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { type Columns, RememberingQuery } from './remembered-columns';

/** Named statements one connection keeps at most; later new texts run unnamed, as before. */
const MAX_STATEMENTS_PER_CONNECTION = 400;
/** Bulk inserts (thousands of values, long texts) are not worth a plan kept on the server. */
const MAX_VALUES = 500;
const MAX_TEXT_LENGTH = 20_000;

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= 5_000) names.clear();
    name = `c_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Statements that answer nothing but "done" and that the next statement's answer depends on: a
 * transaction's begin and the release of a savepoint. They go out without waiting for their
 * answer, so that they share a round trip with the statement after them (pipelined, in order);
 * their answer comes back before that statement's, and a failure of theirs is that statement's.
 * A savepoint itself is awaited: when it fails (in a transaction already aborted), the rollback
 * to it would fail too and hide why.
 */
const UNAWAITED = /^(begin|release savepoint \w+)$/i;
/**
 * The audit entry every request writes (audit.service.ts, recordAudit) answers nothing either:
 * inside a transaction it goes out with what follows, the commit at the latest, whose answer then
 * waits for it. An entry that fails fails the commit, so no answer leaves without its entry.
 */
const AUDIT_APPEND = /^insert into "audit_log" /;
const NO_ROWS = { rows: [], fields: [], rowCount: null, command: '' };
const textOf = (config: unknown) =>
  typeof config === 'string'
    ? config
    : config && typeof config === 'object' && 'text' in config && typeof config.text === 'string'
      ? config.text
      : '';

/** A statement with a name (one given here or Drizzle's own), not a query object of its own. */
const hasName = (config: unknown) =>
  typeof config === 'object' &&
  config !== null &&
  typeof (config as QueryConfig).name === 'string' &&
  typeof (config as QueryConfig).submit !== 'function';

type QueryConfig = { text?: string; name?: string; values?: unknown[]; submit?: unknown };
type Statements = {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
};

/**
 * A connection that keeps each parameterised statement it runs as a named statement, as
 * postgres.js and asyncpg do by default: PostgreSQL parses, rewrites (row-level security) and
 * plans it once per connection instead of on every request, and reuses the plan when a
 * generic one is as good. Planning was most of PostgreSQL's work on a case page (pgbench
 * replaying its statements: 1,165 transactions/s prepared against 299 unnamed).
 * It also spares round trips: the statements started together leave in one write, and a
 * transaction's begin and a savepoint's release go with the statement after them (UNAWAITED).
 */
export class StatementCachingClient extends pg.Client {
  /** The names given on this connection (some may have failed to parse: pruned at the cap). */
  #names = new Set<string>();
  #holdingWrites = false;
  /** Answers of statements sent without waiting, checked with the next statement's answer. */
  #unconfirmed: Promise<unknown> | null = null;
  /** Between a begin and its commit or rollback: a commit or rollback is sure to follow. */
  #inTransaction = false;
  /** The columns of the named statements that answered rows, by name. */
  #columns = new Map<string, Columns>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg's query() has a dozen overloads: the same function, with the name added, stands in for it
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    Object.assign(this, {
      query: (config: unknown, values?: unknown, callback?: unknown) => {
        const named = this.#withName(config, values);
        this.#holdWritesUntilTurnEnds();
        const result =
          callback === undefined && hasName(named)
            ? this.#runNamed(query, named, values)
            : query(named, values, callback);
        if (!(result instanceof Promise)) return result;
        if (named !== config) {
          // A value pg cannot send fails before it leaves (no server error): pg then closes the
          // statement on the server but keeps its name as parsed, so the name is forgotten here
          // and the next run parses it again.
          result.catch((error: { severity?: string }) => {
            if (!error?.severity) this.#forget((named as { name: string }).name);
          });
        }
        const text = textOf(config);
        const begins = /^begin$/i.test(text);
        if (begins) this.#inTransaction = true;
        else if (/^(commit|rollback)$/i.test(text)) this.#inTransaction = false;
        if (this.pipeline && (UNAWAITED.test(text) || (this.#inTransaction && AUDIT_APPEND.test(text)))) {
          result.catch(() => undefined); // its failure is the next statement's (below)
          // A transaction starts afresh: what a previous holder of the connection left unanswered
          // (a statement sent after its transaction ended) is not this transaction's failure.
          const chained = this.#unconfirmed && !begins;
          this.#unconfirmed = chained ? Promise.all([this.#unconfirmed, result]) : result;
          return Promise.resolve(NO_ROWS);
        }
        const unconfirmed = this.#unconfirmed;
        if (!unconfirmed) return result;
        this.#unconfirmed = null;
        return Promise.all([unconfirmed, result]).then(([, answer]) => answer);
      },
    });
  }

  #runNamed(query: (...args: unknown[]) => unknown, config: unknown, values: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const callback = (error: unknown, answer: unknown) => (error ? reject(error) : resolve(answer));
      query(new RememberingQuery(this.#columns, config, values, callback));
    });
  }

  /**
   * The queries issued in one turn of the event loop (a page's independent reads, started
   * together and pipelined) leave in one write to the socket instead of one write each: each
   * write wakes the server's process and costs a system call on both sides.
   */
  #holdWritesUntilTurnEnds() {
    const stream = (this as unknown as { connection: { stream?: Partial<Writable> } }).connection.stream;
    if (this.#holdingWrites || !stream?.cork || !stream.uncork) return;
    this.#holdingWrites = true;
    stream.cork();
    const release = stream.uncork.bind(stream);
    process.nextTick(() => {
      this.#holdingWrites = false;
      release();
    });
  }

  get #statements(): Statements {
    return (this as unknown as { connection: Statements }).connection;
  }

  #known(name: string): boolean {
    const statements = this.#statements;
    return name in statements.parsedStatements || name in statements.submittedNamedStatements;
  }

  #forget(name: string) {
    const statements = this.#statements;
    delete statements.parsedStatements[name];
    delete statements.submittedNamedStatements[name];
    this.#names.delete(name);
    this.#columns.delete(name);
  }

  #withName(config: unknown, values: unknown): unknown {
    const query: QueryConfig | null =
      typeof config === 'string' ? { text: config } : config && typeof config === 'object' ? config : null;
    if (!query || typeof query.text !== 'string' || query.name || typeof query.submit === 'function')
      return config;
    const params = Array.isArray(values) ? values : query.values;
    if (!Array.isArray(params) || params.length === 0 || params.length > MAX_VALUES) return config;
    if (query.text.length > MAX_TEXT_LENGTH) return config;
    const name = statementName(query.text);
    if (!this.#known(name)) {
      if (this.#names.size >= MAX_STATEMENTS_PER_CONNECTION) {
        // names whose Parse failed (a syntax error, an aborted transaction) hold no place
        for (const given of this.#names) if (!this.#known(given)) this.#names.delete(given);
        if (this.#names.size >= MAX_STATEMENTS_PER_CONNECTION) return config;
      }
      this.#names.add(name);
    }
    return { ...query, name };
  }
}
