import pg from 'pg';

/** What pg's Result makes of a statement's columns: the fields and a parser for each. */
export type Columns = { fields: unknown; parsers: unknown; emptyRow: unknown; typed: boolean };

type Connection = { describe(message: { type: string; name: string }): void };
type ResultInternals = {
  fields: unknown;
  _parsers: unknown;
  _prebuiltEmptyResultObject: unknown;
};
type QueryInternals = {
  name?: string;
  /** The type parsers the query was given (pg fills in its own on the result when none). */
  types?: unknown;
  callback?: unknown;
  _result: ResultInternals;
  _accumulateRows: boolean;
  prepare(connection: Connection): void;
  handleRowDescription(message: unknown): void;
  listeners(event: string): unknown[];
};
type QueryClass = new (config: unknown, values?: unknown, callback?: unknown) => QueryInternals;

const noDescribe = () => undefined;

/**
 * A run of a named statement that asks PostgreSQL for the statement's columns only the first
 * time on a connection (pg asks on every run, and makes a parser for each column of every
 * answer: 5–6 % of node's CPU on a case page). The columns of a named statement cannot change
 * while it exists (PostgreSQL refuses: "cached plan must not change result type"), and they are
 * forgotten with the statement's name.
 */
export class RememberingQuery extends (pg.Query as unknown as QueryClass) {
  readonly #remembered: Map<string, Columns>;

  constructor(remembered: Map<string, Columns>, config: unknown, values?: unknown, callback?: unknown) {
    super(config, values, callback);
    this.#remembered = remembered;
  }

  override prepare(connection: Connection): void {
    const known = this.name ? this.#remembered.get(this.name) : undefined;
    // Drizzle gives each query its own (alike) type parsers; a query with pg's own is told apart
    if (!known || known.typed !== Boolean(this.types)) {
      super.prepare(connection);
      return;
    }
    const describe = connection.describe;
    connection.describe = noDescribe;
    try {
      super.prepare(connection);
    } finally {
      connection.describe = describe;
    }
    Object.assign(this._result, {
      fields: known.fields,
      _parsers: known.parsers,
      _prebuiltEmptyResultObject: known.emptyRow,
    });
    this._accumulateRows = Boolean(this.callback) || this.listeners('row').length === 0;
  }

  override handleRowDescription(message: unknown): void {
    super.handleRowDescription(message);
    if (!this.name) return;
    const result = this._result;
    this.#remembered.set(this.name, {
      fields: result.fields,
      parsers: result._parsers,
      emptyRow: result._prebuiltEmptyResultObject,
      typed: Boolean(this.types),
    });
  }
}
