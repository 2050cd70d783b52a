import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A connection whose next request came this soon after its answer has more to ask at once. */
const EAGER_MS = 20;
/** A connection let in keeps a place this long for the request it has waiting. */
const ADMITTED_MS = 50;
/** A request answered for longer than this stops holding its place: a slow one keeps no one waiting. */
const HOLDS_PLACE_MS = 1000;
/**
 * A held connection is let in after this long whatever the places: requests that are never held
 * (of connections that pause between them) could otherwise fill every place for as long as they
 * keep coming.
 */
const LONGEST_WAIT_MS = 500;
const CHECK_EVERY_MS = 50;

type Connection = {
  /** Its requests being answered (more than one when pipelined). */
  open: number;
  /** When it was last left to be read after an answer: its next request's gap is measured from it. */
  readFrom?: number;
  eager: boolean;
};

/**
 * Lets a server answer `limit` requests at once and keeps the next ones of busy connections in
 * the kernel, unread. Under a closed loop of 200 connections every waiting request otherwise
 * lived in node's heap (its parser, headers, request and response objects) for as long as it
 * waited: long enough to outlive the young generation, so node's CPU a request rose by 5–13 %
 * at 200 connections against 10 (README, "Requests at once").
 *
 * Once an eager connection's answer is sent (its last request came within EAGER_MS of the answer
 * before, as a client with requests queued sends them) while `limit` requests are being answered
 * or others wait already, it is not read again until its turn, first come first served. A
 * connection that came back after a pause of its own (a person reading the page) is never held:
 * it would hold its turn while it had nothing to ask. A new connection's first request is read
 * at once; a request holds its place from when all of its body has come (a stalled upload holds
 * none) and for at most HOLDS_PLACE_MS; a connection let in keeps a place for ADMITTED_MS only;
 * none waits longer than LONGEST_WAIT_MS.
 */
export function gateSockets(
  server: Server,
  limit: number,
  { holdsPlaceMs = HOLDS_PLACE_MS, longestWaitMs = LONGEST_WAIT_MS } = {},
) {
  const now = () => performance.now();
  // the requests holding a place, in the order they came (a Map keeps it)
  const holding = new Map<ServerResponse, number>();
  // connections let in whose next request has not come yet, by when
  const admitted = new Map<Socket, number>();
  // connections waiting for their turn, by when, first come first served (a Map keeps the order)
  const waiting = new Map<Socket, number>();
  const connections = new WeakMap<Socket, Connection>();
  let stopping = false;

  const connectionOf = (socket: Socket) => {
    let connection = connections.get(socket);
    if (!connection) {
      connection = { open: 0, eager: false };
      connections.set(socket, connection);
      socket.once('close', () => {
        waiting.delete(socket);
        if (admitted.delete(socket)) admit();
      });
    }
    return connection;
  };
  const freeOlderThan = (places: Map<unknown, number>, before: number) => {
    for (const [key, since] of places) {
      if (since > before) return;
      places.delete(key);
    }
  };
  const letIn = (socket: Socket) => {
    waiting.delete(socket);
    if (socket.destroyed) return;
    const at = now();
    admitted.set(socket, at);
    connectionOf(socket).readFrom = at;
    socket.setTimeout(server.keepAliveTimeout);
    socket.resume();
  };
  const admit = () => {
    if (waiting.size === 0) return;
    freeOlderThan(admitted, now() - ADMITTED_MS);
    for (const socket of waiting.keys()) {
      if (holding.size + admitted.size >= limit) return;
      letIn(socket);
    }
  };
  const check = setInterval(() => {
    if (waiting.size === 0) return;
    const at = now();
    freeOlderThan(holding, at - holdsPlaceMs);
    for (const [socket, since] of waiting) {
      if (since > at - longestWaitMs) break;
      letIn(socket);
    }
    admit();
  }, CHECK_EVERY_MS);
  check.unref();
  server.once('close', () => clearInterval(check));

  server.on('request', (request, response) => {
    const socket = request.socket;
    const connection = connectionOf(socket);
    const arrived = now();
    if (connection.readFrom !== undefined) connection.eager = arrived - connection.readFrom <= EAGER_MS;
    connection.open++;
    admitted.delete(socket);
    // read before it was stopped: its next turn is decided when this request is answered
    waiting.delete(socket);
    let answered = false;
    const hold = () => {
      if (!answered) holding.set(response, now());
    };
    const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
    const bodyToCome = (chunked || (length !== undefined && length !== '0')) && !request.complete;
    // the app reads no body of a GET or HEAD: its end would never come
    if (bodyToCome && request.method !== 'GET' && request.method !== 'HEAD') request.once('end', hold);
    else hold();
    response.once('close', () => {
      answered = true;
      holding.delete(response);
      connection.open--;
      if (connection.open === 0 && !socket.destroyed) {
        if (!stopping && connection.eager && (holding.size + admitted.size >= limit || waiting.size > 0)) {
          // its turn may be long in coming: the idle timer starts when it is read again
          socket.setTimeout(0);
          socket.pause();
          waiting.set(socket, now());
        } else {
          if (socket.isPaused()) socket.resume();
          connection.readFrom = now();
        }
      }
      admit();
    });
  });

  return {
    /** Reads every waiting connection again and holds none from now on (before a stop). */
    release: () => {
      stopping = true;
      const released = waiting.size;
      for (const socket of waiting.keys()) if (!socket.destroyed) socket.resume();
      waiting.clear();
      return released;
    },
  };
}

/**
 * Before a server closes: node ends the connections it holds idle, and a waiting connection looks
 * idle while what it sent is unread. Read them again, and give node a moment to read what they sent.
 */
export async function releaseBeforeClose(gate: ReturnType<typeof gateSockets>) {
  if (gate.release() > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}
