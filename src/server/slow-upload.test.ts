import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server';
import type { RunningServer } from './start';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A request that declares a body and sends only its first byte (a slow or stalled upload). */
function stalledUpload(url: string, path: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      );
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

describe('uploads in progress', () => {
  it('hold no database connection: the others are answered while a dozen clients send slowly', async () => {
    // more than the pool's connections (10; PGlite has one), without logging in
    const stalled = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        stalledUpload(server.url, i % 2 ? '/api/auth/login' : '/api/organisations'),
      ),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
        (response) => response.status,
        () => 'no answer within 5 s',
      );
      expect(health).toBe(200);
    } finally {
      for (const socket of stalled) socket.destroy();
    }
  });
});
