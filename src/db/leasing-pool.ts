import pg from 'pg';

type Query = (...args: unknown[]) => unknown;
type Callback = (error: Error) => void;

function refusal(args: unknown[]) {
  const error = new Error('a statement was sent through a transaction that had already ended');
  const callback = args.find((a) => typeof a === 'function') as Callback | undefined;
  if (!callback) return Promise.reject(error);
  process.nextTick(() => callback(error));
  return undefined;
}

/**
 * The pool as Drizzle sees it. Each connection it hands out for a transaction is a lease that
 * refuses statements once it is given back: a statement sent through a transaction after the
 * transaction ended (a branch of a request still running after another one failed) would
 * otherwise run outside any transaction, or inside the next holder's, under that holder's
 * municipality. Statements outside transactions go to the pool as before.
 */
export class LeasingPool {
  constructor(readonly pool: pg.Pool) {}

  query(...args: unknown[]) {
    return (this.pool.query as Query)(...args);
  }

  async connect(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    let returned = false;
    const query = (client.query as Query).bind(client);
    return Object.create(client, {
      query: { value: (...args: unknown[]) => (returned ? refusal(args) : query(...args)) },
      release: {
        value: (error?: Error | boolean) => {
          returned = true;
          return client.release(error);
        },
      },
    });
  }
}

export const isPool = (client: unknown) => client instanceof LeasingPool || client instanceof pg.Pool;
