import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, day, HEADER, MAPPING } from '../modules/imports/imports.fixtures';
import { type ServerProcess, startServerProcess } from '../testing/server-process';
import { newDatabaseOn } from '../testing/test-database';
import { DEMO_PASSWORD } from '../testing/test-server';

// TSUNAGU_WORKERS=2 on PostgreSQL: the bundle as npm start runs it, a primary and two workers.
// Every request here goes on a connection of its own, and node's cluster gives new connections to
// the workers in turn: consecutive steps of an import are answered by different workers.

type Answer = { status: number; text: string; cookie: string | null };

function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Uint8Array,
) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, headers, agent: false }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        text += chunk;
      });
      answer.on('end', () =>
        resolve({
          status: answer.statusCode ?? 0,
          text,
          cookie: answer.headers['set-cookie']?.[0]?.split(';')[0] ?? null,
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const children = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (done: () => boolean) => {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return done();
};

let server: ServerProcess;
let stopped = false;
let session: { cookie: string; csrf: string };
const as = (method: string, path: string, body?: string | Uint8Array, type = 'application/json') =>
  send(
    server.url,
    method,
    path,
    { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
    body,
  );

describe.skipIf(!process.env.TEST_DATABASE_URL)('a server of two workers (TSUNAGU_WORKERS)', () => {
  beforeAll(async () => {
    const database = await newDatabaseOn(process.env.TEST_DATABASE_URL as string, 'tsunagu_workers');
    server = await startServerProcess(database, { workers: 2 });
    const login = await send(
      server.url,
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ loginId: 'demo-consultant', password: DEMO_PASSWORD }),
    );
    expect(login.status).toBe(200);
    session = {
      cookie: login.cookie ?? '',
      csrf: (JSON.parse(login.text) as { csrfToken: string }).csrfToken,
    };
  }, 180_000);
  afterAll(async () => {
    if (!stopped) await server?.stop();
  });

  it('answers on every worker, and a file sent to one is checked through the other', async () => {
    expect(children(server.pid)).toHaveLength(2);
    for (let i = 0; i < 4; i++) expect((await as('GET', '/api/cases')).status).toBe(200);
    for (let round = 0; round < 2; round++) {
      const file = csvOf([
        HEADER,
        [`試験 ${round}`, 'シケン', '1980-01-01', '', 'H1', '本人', day(-1), '来所', '相談', '', ''],
      ]);
      const sent = await as('POST', '/api/imports/files', file, 'text/csv');
      expect(sent.status, sent.text).toBe(200);
      const { uploadId } = JSON.parse(sent.text) as { uploadId: string };
      // the next connection goes to the other worker, the one after to this one again
      for (let step = 0; step < 2; step++) {
        const checked = await as(
          'POST',
          `/api/imports/files/${uploadId}/check`,
          JSON.stringify({ kind: 'consultations', columns: MAPPING }),
        );
        expect(checked.status, checked.text).toBe(200);
        const last = JSON.parse(checked.text.trim().split('\n').at(-1) ?? '{}') as {
          type?: string;
          report?: { rows: number };
        };
        expect(last.type).toBe('report');
      }
    }
  });

  it('starts a worker again when it dies, and stops every process with the primary', async () => {
    const [first, second] = children(server.pid) as [number, number];
    process.kill(first, 'SIGKILL');
    expect(
      await until(() => children(server.pid).length === 2 && !children(server.pid).includes(first)),
    ).toBe(true);
    for (let i = 0; i < 4; i++) expect((await as('GET', '/api/cases')).status).toBe(200);
    const workers = children(server.pid);
    await server.stop();
    stopped = true;
    expect(await until(() => !workers.some(alive) && !alive(second))).toBe(true);
  }, 60_000);
});
