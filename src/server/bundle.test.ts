import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../../scripts/build-server';
import { type ServerProcess, startServerProcess } from '../testing/server-process';
import { loggedIn } from '../testing/test-client';
import { projectFile } from './project-files';

// npm start runs the server from its bundle (scripts/build-server.ts), not from the sources: the
// bundle must find its migrations and data files and its packages left outside, and work. Once,
// on PGlite (the embedded default), in the PGlite run of the suite.
let server: ServerProcess;
describe.skipIf(process.env.TEST_DATABASE_URL)('the server bundle of npm start', () => {
  beforeAll(async () => {
    server = await startServerProcess();
  }, 120_000);
  afterAll(() => server?.stop());

  // starting at all reads the migrations and the itaiji table (name-normalise.ts)
  it('starts on PGlite, migrates, and answers a logged-in worker', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const worker = await loggedIn(server.url, 'demo-coordinator');
    const cases = await worker.get<{ cases: unknown[] }>('/api/cases');
    expect(cases.status).toBe(200);
    expect(cases.body.cases.length).toBeGreaterThan(0);
  });

  it('finds the data files beside its sources: the HSDS schemas check a document', async () => {
    const coordinator = await loggedIn(server.url, 'demo-coordinator');
    const exported = await coordinator.get<Record<string, unknown>>('/api/resources/export/hsds');
    expect(exported.status).toBe(200);
    const checked = await coordinator.post('/api/resources/import/hsds?dryRun=true', exported.body);
    expect(checked.status).toBe(200);
  });

  // the bench and the tests start the bundle with SERVER_NODE_FLAGS, users with npm start
  it('is started by npm start with the flags the bench measured', () => {
    const start: string = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')).scripts.start;
    expect(start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} build/server/main.mjs`);
  });

  // An AsyncLocalStorage (node 20) turns on promise hooks for every promise of every request once
  // it is first used: 5–8 % of node's CPU a request (README, "Under load"). Request state lives in
  // Hono's context instead.
  it('holds no AsyncLocalStorage', () => {
    expect(readFileSync(SERVER_BUNDLE, 'utf8')).not.toContain('AsyncLocalStorage');
  });
});
