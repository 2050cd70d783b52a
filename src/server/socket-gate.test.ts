import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { gateSockets, releaseBeforeClose } from './socket-gate';

/** A request as the server saw it come: the how-manieth on its connection, and who was being answered. */
type Seen = { nth: number; answeringAtEntry: number; earlyAnswering: number };

/**
 * A server whose every answer takes `ms` (/hang: never comes), noting how many it was answering
 * when each came in.
 */
async function slowServer(ms: number, limit?: number, holdsPlaceMs?: number) {
  const seen: Seen[] = [];
  const served = new WeakMap<object, number>();
  let answering = 0;
  // a connection's first two requests: the gate learns from the second that it has more to ask
  let earlyAnswering = 0;
  const server = createServer((request, response) => {
    const nth = (served.get(request.socket) ?? 0) + 1;
    served.set(request.socket, nth);
    const early = nth <= 2;
    answering++;
    if (early) earlyAnswering++;
    seen.push({ nth, answeringAtEntry: answering, earlyAnswering });
    request.resume();
    if (request.url === '/hang') return;
    request.on('end', () =>
      setTimeout(() => {
        answering--;
        if (early) earlyAnswering--;
        response.end('ok');
      }, ms),
    );
  });
  const gate = limit ? gateSockets(server, limit, { holdsPlaceMs }) : undefined;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { server, gate, seen, port: (server.address() as AddressInfo).port };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/**
 * One client on one kept-alive connection asking `times` times, one after another, after a pause
 * of `thinkMs` each (none: at once); `afterEach(i)` runs once the i-th answer has come. Resolves
 * to each request's time in milliseconds.
 */
async function client(port: number, times: number, thinkMs = 0, afterEach?: (i: number) => void) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const took: number[] = [];
  try {
    for (let i = 1; i <= times; i++) {
      if (thinkMs && i > 1) await new Promise((resolve) => setTimeout(resolve, thinkMs));
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest({ port, host: '127.0.0.1', path: '/', agent }, (response) => {
          response.resume();
          response.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
      took.push(performance.now() - start);
      afterEach?.(i);
    }
  } finally {
    agent.destroy();
  }
  return took;
}

/** How many requests were answered at once while no connection's first two requests were. */
const mostAtOnceAfterTheStart = (seen: Seen[]) =>
  Math.max(0, ...seen.filter((s) => s.nth > 2 && s.earlyAnswering === 0).map((s) => s.answeringAtEntry));

describe('the requests a server answers at once', () => {
  it('are at most the limit once clients ask one request after another; the others wait their turn and are all answered', async () => {
    const gated = await slowServer(15, 2);
    await Promise.all(Array.from({ length: 8 }, () => client(gated.port, 6)));
    expect(gated.seen).toHaveLength(48);
    expect(mostAtOnceAfterTheStart(gated.seen)).toBeLessThanOrEqual(2);

    // the same clients on a server without the gate: all eight at once (the check above can fail)
    const open = await slowServer(15);
    await Promise.all(Array.from({ length: 8 }, () => client(open.port, 6)));
    expect(mostAtOnceAfterTheStart(open.seen)).toBeGreaterThan(2);
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

  it('never hold a connection that came back after a pause of its own: a person reading a page is not queued', async () => {
    const gated = await slowServer(100, 1);
    // four clients asking one request after another keep the one place taken and a queue behind it
    const busy = Promise.all(Array.from({ length: 4 }, () => client(gated.port, 12)));
    await new Promise((resolve) => setTimeout(resolve, 250));
    // someone who reads for a moment between requests: answered in its own 100 ms, not after the queue's 300–400
    const took = await client(gated.port, 3, 60);
    expect(Math.max(...took.slice(1))).toBeLessThan(250);
    await busy;
  });

  it('hold no connection longer than half a second, however many requests that are never held keep coming', async () => {
    const gated = await slowServer(100, 1);
    // eight clients pausing 40 ms between requests are never held, and, started apart, keep the one place taken
    const flood = Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 17)).then(() => client(gated.port, 16, 40)),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    // a client asking at once is held from its second answer on, and let in within about 0.6 s each time
    const took = await client(gated.port, 4);
    expect(Math.max(...took)).toBeLessThan(1500);
    await flood;
  });

  it('let a waiting connection be answered when the server stops, instead of being ended unread', async () => {
    const gated = await slowServer(50, 1);
    const busy = client(gated.port, 40).catch(() => []);
    await new Promise((resolve) => setTimeout(resolve, 120));
    let stopping: Promise<unknown> | undefined;
    // its third request goes out at once after the second answer, while the place is taken: it waits unread
    const waiting = client(gated.port, 3, 0, (i) => {
      if (i === 2)
        stopping = new Promise((resolve) => setTimeout(resolve, 20)).then(async () => {
          if (gated.gate) await releaseBeforeClose(gated.gate);
          gated.server.close();
        });
    });
    await expect(waiting).resolves.toHaveLength(3);
    await stopping;
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
      expect(gated.seen.filter((s) => s.nth > 1)).toHaveLength(2);
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
      expect(gated.seen.filter((s) => s.nth > 1)).toHaveLength(2);
    } finally {
      hanging.destroy();
    }
  });
});
