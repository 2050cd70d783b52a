import { type PGlite, parse, protocol, type Transaction } from '@electric-sql/pglite';

/** Named statements one PGlite keeps at most; later new texts run as PGlite runs them. */
const MAX_STATEMENTS = 400;
const MAX_VALUES = 500;
const MAX_TEXT_LENGTH = 20_000;

type QueryOptions = Parameters<PGlite['query']>[2];
type Statement = { name: string; types: number[] };
type Query = PGlite['query'];

/**
 * PGlite's query() parses, describes and plans every statement each time, in six calls into its
 * WebAssembly backend. This keeps each statement as a named statement of the backend (parsed
 * and planned once, as on PostgreSQL's connections, `statement-cache.ts`) and runs it in four:
 * Bind, Describe, Execute, Sync. The results are parsed by PGlite's own parser.
 */
export function keepStatements(pglite: PGlite): void {
  const kept = new Map<string, Statement>();
  const exec = (message: Uint8Array) => pglite.execProtocolStream(message, { syncToFs: false });

  async function prepare(text: string, options: QueryOptions): Promise<Statement> {
    const known = kept.get(text);
    if (known) return known;
    const name = `k_${kept.size}`;
    try {
      await exec(protocol.serialize.parse({ name, text, types: options?.paramTypes }));
      const described = await exec(protocol.serialize.describe({ type: 'S', name }));
      const statement = { name, types: parse.parseDescribeStatementResults(described) };
      kept.set(text, statement);
      return statement;
    } finally {
      await exec(protocol.serialize.sync());
    }
  }

  async function run(text: string, params: unknown[], options: QueryOptions) {
    return pglite._runExclusiveQuery(async () => {
      const { name, types } = await prepare(text, options);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = types[i] ?? 0;
        const serializer = options?.serializers?.[type] ?? pglite.serializers[type];
        return serializer ? serializer(value) : String(value);
      });
      const messages = [];
      try {
        messages.push(
          ...(await exec(protocol.serialize.bind({ statement: name, values }))),
          ...(await exec(protocol.serialize.describe({ type: 'P' }))),
          ...(await exec(protocol.serialize.execute({}))),
        );
      } finally {
        messages.push(...(await exec(protocol.serialize.sync())));
      }
      if (!pglite.isInTransaction()) await pglite.syncToFs();
      const [result] = parse.parseResults(messages, pglite.parsers, options);
      if (!result) throw new Error('PGlite returned no result');
      return result;
    });
  }

  const keeps = (text: string, params: unknown[] | undefined, options: QueryOptions) =>
    !options?.blob &&
    text.length <= MAX_TEXT_LENGTH &&
    (params?.length ?? 0) <= MAX_VALUES &&
    (kept.has(text) || kept.size < MAX_STATEMENTS);

  const named = (original: Query, runKept: typeof run): Query =>
    (async (text: string, params?: unknown[], options?: QueryOptions) =>
      keeps(text, params, options)
        ? runKept(text, params ?? [], options)
        : original(text, params, options)) as Query;

  // outside a transaction, a statement waits for the open one to end, as PGlite's own query()
  // does (otherwise it would run inside another request's transaction, as its role and tenant)
  pglite.query = named(pglite.query.bind(pglite), async (text, params, options) => {
    await pglite._checkReady();
    return pglite._runExclusiveTransaction(() => run(text, params, options));
  });
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = ((work: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) => {
      const query = named(tx.query, run);
      return work(
        Object.create(tx, {
          query: {
            value: (text: string, params?: unknown[], options?: QueryOptions) => {
              if (tx.closed) throw new Error('Transaction is closed');
              return query(text, params, options);
            },
          },
        }),
      );
    })) as PGlite['transaction'];
}
