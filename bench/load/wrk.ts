// Closed-loop load with wrk (Debian's package): N connections, each sending its next request as
// soon as the last one answered, for a fixed time. The requests come from a file, a line each
// (method, path, cookie, CSRF token, body), taken in turn by every connection; a Lua script
// prints the figures wrk measured as one JSON line.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestClient } from '../../src/testing/test-client';
import { inRounds, mean } from './rounds';

export type LoadRequest = {
  method: 'GET' | 'POST';
  path: string;
  cookie: string;
  csrf: string;
  body?: unknown;
};
export type LoadResult = {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 2xx and 3xx, and sockets that failed or timed out. */
  errors: number;
};

/** A request of a signed-in session, with its cookie and CSRF token. */
export const requestAs = (
  client: TestClient,
  method: LoadRequest['method'],
  path: string,
  body?: unknown,
): LoadRequest => ({ method, path, cookie: client.cookie ?? '', csrf: client.csrfToken ?? '', body });

/** The same request sent once from node, as a browser of that session would. */
export function sendOnce(baseUrl: string, r: LoadRequest): Promise<Response> {
  return fetch(`${baseUrl}${r.path}`, {
    method: r.method,
    headers: {
      cookie: r.cookie,
      accept: 'application/json',
      ...(r.method === 'GET' ? {} : { 'content-type': 'application/json', 'x-csrf-token': r.csrf }),
    },
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
}

const SCRIPT = `
local lines = {}
local at = 0
function setup(thread)
  thread:set("offset", math.random(0, 997))
end
function init(args)
  for line in io.lines(args[1]) do
    local method, path, cookie, csrf, body = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$")
    local headers = { ["Cookie"] = cookie, ["Accept"] = "application/json" }
    if method ~= "GET" then
      headers["Content-Type"] = "application/json"
      headers["X-CSRF-Token"] = csrf
    end
    lines[#lines + 1] = wrk.format(method, path, headers, body ~= "" and body or nil)
  end
  at = offset or 0
end
function request()
  at = at + 1
  return lines[(at % #lines) + 1]
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"p50":%d,"p95":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
`;

const folder = mkdtempSync(join(tmpdir(), 'tsunagu-wrk-'));
const scriptFile = join(folder, 'requests.lua');
writeFileSync(scriptFile, SCRIPT);

export function requestsFile(name: string, requests: LoadRequest[]): string {
  const file = join(folder, `${name}.tsv`);
  const line = (r: LoadRequest) =>
    [r.method, r.path, r.cookie, r.csrf, r.body === undefined ? '' : JSON.stringify(r.body)].join('\t');
  writeFileSync(file, `${requests.map(line).join('\n')}\n`);
  return file;
}

/** wrk with this many connections on two threads for this many seconds. */
export function closedLoop(baseUrl: string, file: string, connections: number, seconds: number): LoadResult {
  const output = execFileSync(
    'wrk',
    [
      '-t',
      '2',
      '-c',
      String(connections),
      '-d',
      `${seconds}s`,
      '--timeout',
      '20s',
      '-s',
      scriptFile,
      baseUrl,
      '--',
      file,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const json = output.split('\n').find((l) => l.startsWith('{"requests"'));
  if (!json) throw new Error(`wrk printed no figures:\n${output}`);
  const r = JSON.parse(json) as {
    requests: number;
    micros: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
  };
  return {
    requests: r.requests,
    perSecond: r.requests / (r.micros / 1e6),
    p50: r.p50 / 1000,
    p95: r.p95 / 1000,
    p99: r.p99 / 1000,
    errors: r.errors,
  };
}

/** CPU seconds so far of the parts that share the machine under load. */
export type CpuNow = () => { node: number; postgres: number; wrk: number };

/**
 * Throughput at 200 connections against 10 in rounds of turns (rounds.ts). Returns, for each
 * round, each side's req/s and CPU milliseconds a request of node, PostgreSQL and wrk.
 */
export function inTurns(baseUrl: string, file: string, seconds: number, cpuNow: CpuNow, rounds: number) {
  const run = (connections: number) => () => {
    const before = cpuNow();
    const result = closedLoop(baseUrl, file, connections, seconds);
    const after = cpuNow();
    return {
      perSecond: result.perSecond,
      requests: result.requests,
      node: after.node - before.node,
      postgres: after.postgres - before.postgres,
      wrk: after.wrk - before.wrk,
    };
  };
  const summed = (runs: ReturnType<ReturnType<typeof run>>[]) => {
    const requests = runs.reduce((sum, t) => sum + t.requests, 0);
    const msEach = (pick: (t: (typeof runs)[number]) => number) =>
      (runs.reduce((sum, t) => sum + pick(t), 0) * 1000) / requests;
    return {
      runs: runs.map((t) => t.perSecond),
      perSecond: mean(runs.map((t) => t.perSecond)),
      cpuMs: { node: msEach((t) => t.node), postgres: msEach((t) => t.postgres), wrk: msEach((t) => t.wrk) },
    };
  };
  return inRounds(rounds, run(10), run(200)).map((round) => ({
    at10: summed(round.a),
    at200: summed(round.b),
  }));
}
