import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gateSockets } from './socket-gate';

type Seen = { firstOnItsConnection: boolean; answeringAtEntry: number; firstsAnswering: number };

/**
 * A server whose every answer takes `ms` (/hang: never comes), noting how many it was answering
 * when each came in.
 */
async function slowServer(ms: number, limit?: number, holdsPlaceMs?: number) {
  const seen: Seen[] = [];
  const served = new WeakSet<object>();
  let answering = 0;
  let firstsAnswering = 0;
  const server = createServer((request, response) => {
    const first = !served.has(request.socket);
    served.add(request.socket);
    answering++;
    if (first) firstsAnswering++;
    seen.push({ firstOnItsConnection: first, answeringAtEntry: answering, firstsAnswering });
    request.resume();
    if (request.url === '/hang') return;
    request.on('end', () =>
      setTimeout(() => {
        answering--;
        if (first) firstsAnswering--;
        response.end('ok');
      }, ms),
    );
  });
  if (limit) gateSockets(server, limit, holdsPlaceMs);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { server, seen, port: (server.address() as AddressInfo).port };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** One client on one kept-alive connection asking `times` times, one after another. */
async function client(port: number, times: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < times; i++)
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest({ port, host: '127.0.0.1', path: '/', agent }, (response) => {
          response.resume();
          response.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
  } finally {
    agent.destroy();
  }
}

/** How many requests were answered at once while no connection's first request was. */
const mostAtOnceAfterTheFirsts = (seen: Seen[]) =>
  Math.max(
    0,
    ...seen.filter((s) => !s.firstOnItsConnection && s.firstsAnswering === 0).map((s) => s.answeringAtEntry),
  );

describe('the requests a server answers at once', () => {
  it('are at most the limit once the connections are open; the others wait their turn and are all answered', async () => {
    const gated = await slowServer(15, 2);
    await Promise.all(Array.from({ length: 8 }, () => client(gated.port, 6)));
    expect(gated.seen).toHaveLength(48);
    expect(mostAtOnceAfterTheFirsts(gated.seen)).toBeLessThanOrEqual(2);

    // the same clients on a server without the gate: all eight at once (the check above can fail)
    const open = await slowServer(15);
    await Promise.all(Array.from({ length: 8 }, () => client(open.port, 6)));
    expect(mostAtOnceAfterTheFirsts(open.seen)).toBeGreaterThan(2);
  });

  it("read a new connection's first request at once, however many wait", async () => {
    const gated = await slowServer(200, 1);
    const busy = Promise.all(Array.from({ length: 4 }, () => client(gated.port, 3)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = gated.seen.length;
    await client(gated.port, 1);
    // answered in its own 200 ms, not after the queue: at most one waiting request went first
    expect(gated.seen.length - before).toBeLessThanOrEqual(2);
    await busy;
  });

  it('hold no place for a request whose body has not all come: a stalled upload keeps no one waiting', async () => {
    // a request would hold its place for a minute: only the body's not having come lets the others in
    const gated = await slowServer(10, 1, 60_000);
    const stalled = connect(gated.port, '127.0.0.1');
    await new Promise((resolve) => stalled.once('connect', resolve));
    // declares 1,000 bytes and sends one
    stalled.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{');
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client(gated.port, 3);
      expect(gated.seen.filter((s) => !s.firstOnItsConnection)).toHaveLength(2);
    } finally {
      stalled.destroy();
    }
  });

  it('stop counting a request answered for longer than a place is held: a slow answer keeps no one waiting for long', async () => {
    const gated = await slowServer(10, 1, 300);
    const hanging = httpRequest({ port: gated.port, host: '127.0.0.1', path: '/hang' });
    hanging.on('error', () => {});
    hanging.end();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      // the second and third requests wait for the hanging one to lose its place, then come in
      await client(gated.port, 3);
      expect(gated.seen.filter((s) => !s.firstOnItsConnection)).toHaveLength(2);
    } finally {
      hanging.destroy();
    }
  });
});
