import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, day, HEADER, MAPPING } from '../modules/imports/imports.fixtures';
import { type ServerProcess, startServerProcess } from '../testing/server-process';
import { newDatabaseOn } from '../testing/test-database';
import { DEMO_PASSWORD } from '../testing/test-server';
import { fileKeeperOf } from './worker-forward';

// TSUNAGU_WORKERS=2 on PostgreSQL: the bundle as npm start runs it, a primary and two workers.
// Every request here goes on a connection of its own, and node's cluster gives new connections to
// the workers in turn: consecutive steps of an import are answered by different workers.

type Answer = { status: number; text: string; cookie: string | null };
type Session = { cookie: string; csrf: string };

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
const existsProcess = (pid: number) => {
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
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: ServerProcess;
let stopped = false;
/** A session whose import files each worker keeps, by the worker's number. */
const sessions = new Map<number, Session>();

const as = (
  session: Session,
  method: string,
  path: string,
  body?: string | Uint8Array,
  type = 'application/json',
) =>
  send(
    server.url,
    method,
    path,
    { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
    body,
  );

async function login(): Promise<Session> {
  const answer = await send(
    server.url,
    'POST',
    '/api/auth/login',
    { 'content-type': 'application/json' },
    JSON.stringify({ loginId: 'demo-consultant', password: DEMO_PASSWORD }),
  );
  expect(answer.status).toBe(200);
  return { cookie: answer.cookie ?? '', csrf: (JSON.parse(answer.text) as { csrfToken: string }).csrfToken };
}

/** Sends a file and checks it twice: the two checks come in on different workers. */
async function importSteps(session: Session, name: string) {
  const file = csvOf([
    HEADER,
    [name, 'シケン', '1980-01-01', '', 'H1', '本人', day(-1), '来所', '相談', '', ''],
  ]);
  const sent = await as(session, 'POST', '/api/imports/files', file, 'text/csv');
  expect(sent.status, sent.text).toBe(200);
  const { uploadId } = JSON.parse(sent.text) as { uploadId: string };
  for (let step = 0; step < 2; step++) {
    const checked = await as(
      session,
      'POST',
      `/api/imports/files/${uploadId}/check`,
      JSON.stringify({ kind: 'consultations', columns: MAPPING }),
    );
    expect(checked.status, checked.text).toBe(200);
    const last = JSON.parse(checked.text.trim().split('\n').at(-1) ?? '{}') as { type?: string };
    expect(last.type).toBe('report');
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a server of two workers (TSUNAGU_WORKERS)', () => {
  beforeAll(async () => {
    const database = await newDatabaseOn(process.env.TEST_DATABASE_URL as string, 'tsunagu_workers');
    server = await startServerProcess(database, { workers: 2 });
    for (let tries = 0; sessions.size < 2 && tries < 30; tries++) {
      const session = await login();
      const token = session.cookie.split('=')[1] ?? '';
      sessions.set(fileKeeperOf(token, 2), session);
    }
    expect(sessions.size).toBe(2);
  }, 180_000);
  afterAll(async () => {
    if (!stopped) await server?.stop();
  });

  it("answers on every worker, and each worker's files are sent and checked through both", async () => {
    expect(children(server.pid)).toHaveLength(2);
    for (const [keeper, session] of sessions) {
      for (let i = 0; i < 2; i++) expect((await as(session, 'GET', '/api/cases')).status).toBe(200);
      await importSteps(session, `試験 ${keeper}`);
    }
  });

  it('keeps both workers when a client goes away in the middle of a file it sent', async () => {
    const before = children(server.pid);
    const { port } = new URL(server.url);
    // a made-up session: the request is handed to its keeper before anyone looks at the cookie
    // two connections in a row with each: one of the two lands on the worker that is not its keeper
    for (const cookie of ['a', 'a', 'b', 'b']) {
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/imports/files HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: tsunagu_session=${cookie}\r\n` +
          'Content-Type: text/csv\r\nContent-Length: 500000\r\n\r\n氏名,備考\r\n',
      );
      await pause(100);
      socket.destroy();
    }
    await pause(500);
    expect(children(server.pid)).toEqual(before);
    for (const session of sessions.values())
      expect((await as(session, 'GET', '/api/cases')).status).toBe(200);
  });

  it('starts a worker again when it dies, keeping its files from then on, and stops every process with the primary', async () => {
    const [killed] = children(server.pid) as [number];
    process.kill(killed, 'SIGKILL');
    expect(
      await until(() => children(server.pid).length === 2 && !children(server.pid).includes(killed)),
    ).toBe(true);
    const restarted = children(server.pid);
    // the new worker stays up (it takes over its place's socket), and both keep files again
    await pause(2500);
    expect(children(server.pid)).toEqual(restarted);
    for (const [keeper, session] of sessions) await importSteps(session, `再開 ${keeper}`);
    await server.stop();
    stopped = true;
    expect(await until(() => !restarted.some((pid) => existsProcess(pid)))).toBe(true);
  }, 60_000);
});
