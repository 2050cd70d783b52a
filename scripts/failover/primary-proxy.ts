// node-postgres connects to one host, where the formation's connection string names both nodes
// (target_session_attrs=read-write). In production HAProxy with a PostgreSQL check, or the
// pooler, sends new connections to the primary; here a small TCP proxy on loopback does the
// same: each new connection goes to whichever node answers read-write, waiting through a
// failover for one to appear.
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';

async function isPrimary(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    // what target_session_attrs=read-write asks: pg_auto_failover keeps a promoted node
    // read-only until the monitor lets it take writes
    const { rows } = await client.query<{ writable: boolean }>(
      `select not pg_is_in_recovery() and current_setting('transaction_read_only') = 'off' as writable`,
    );
    return rows[0]?.writable === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function primaryProxy(ports: number[], listenPort: number): Promise<Server> {
  let current: number | null = null;
  const findPrimary = async () => {
    for (let i = 0; i < 240; i++) {
      if (current !== null && (await isPrimary(current))) return current;
      for (const port of ports)
        if (await isPrimary(port)) {
          current = port;
          return port;
        }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('no primary for a minute');
  };
  const server = createServer((client: Socket) => {
    client.pause();
    findPrimary().then(
      (port) => {
        const upstream = connect(port, '127.0.0.1');
        const close = () => {
          client.destroy();
          upstream.destroy();
        };
        upstream.on('error', close);
        client.on('error', close);
        upstream.on('close', close);
        client.on('close', close);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  return server;
}
