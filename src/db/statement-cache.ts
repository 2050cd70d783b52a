import { createHash } from 'node:crypto';
import pg from 'pg';

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
 */
export class StatementCachingClient extends pg.Client {
  #kept = 0;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg's query() has a dozen overloads: the same function, with the name added, stands in for it
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    Object.assign(this, {
      query: (config: unknown, values?: unknown, callback?: unknown) =>
        query(this.#withName(config, values), values, callback),
    });
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
    const statements = (this as unknown as { connection: Statements }).connection;
    const known = name in statements.parsedStatements || name in statements.submittedNamedStatements;
    if (!known) {
      if (this.#kept >= MAX_STATEMENTS_PER_CONNECTION) return config;
      this.#kept++;
    }
    return { ...query, name };
  }
}
