import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A request answered for longer than this stops holding its place: a slow one keeps no one waiting. */
const HOLDS_PLACE_MS = 1000;
const CHECK_EVERY_MS = 250;

/**
 * Lets a server answer `limit` requests at once and keeps the next ones in the kernel, unread.
 * Under a closed loop of 200 connections every waiting request otherwise lived in node's heap
 * (its socket's parser, headers, request and response objects) for as long as it waited: long
 * enough to outlive the young generation, so node's CPU a request rose by 5–13 % at 200
 * connections against 10 (README, "Under load"). Once a connection's response is done while
 * `limit` requests are being answered (or others wait already), the connection is not read
 * again until its turn, first come first served. A new connection's first request is read at
 * once, so a health check or a new visitor is never held behind the queue, and a request holds
 * its place from when all of it has come: a stalled upload holds none.
 */
export function gateSockets(server: Server, limit: number, holdsPlaceMs = HOLDS_PLACE_MS) {
  // the requests holding a place, in the order they came (a Map keeps it)
  const holding = new Map<ServerResponse, number>();
  // connections read again whose next request has not come yet: it has a place kept for it
  const admitted = new Map<Socket, number>();
  // connections waiting for their turn, first come first served (a Set keeps the order)
  const waiting = new Set<Socket>();
  const open = new WeakMap<Socket, number>();
  const watched = new WeakSet<Socket>();
  const taken = () => holding.size + admitted.size;

  const admit = () => {
    for (const socket of waiting) {
      if (taken() >= limit) return;
      waiting.delete(socket);
      if (socket.destroyed) continue;
      admitted.set(socket, Date.now());
      if (!watched.has(socket)) {
        watched.add(socket);
        socket.once('close', () => admitted.delete(socket));
      }
      socket.setTimeout(server.keepAliveTimeout);
      socket.resume();
    }
  };
  const freeOlderThan = (places: Map<unknown, number>, before: number) => {
    for (const [key, since] of places) {
      if (since > before) return;
      places.delete(key);
    }
  };
  const check = setInterval(() => {
    if (waiting.size === 0) return;
    // a client with nothing more to ask keeps its place no longer than a slow request does
    const before = Date.now() - holdsPlaceMs;
    freeOlderThan(holding, before);
    freeOlderThan(admitted, before);
    admit();
  }, CHECK_EVERY_MS);
  check.unref();
  server.once('close', () => clearInterval(check));

  server.on('request', (request, response) => {
    const socket = request.socket;
    let answered = false;
    const hold = () => {
      if (!answered) holding.set(response, Date.now());
    };
    const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
    if ((chunked || (length !== undefined && length !== '0')) && !request.complete) request.once('end', hold);
    else hold();
    admitted.delete(socket);
    open.set(socket, (open.get(socket) ?? 0) + 1);
    // read before it was stopped: its next turn is decided when this request is answered
    waiting.delete(socket);
    response.once('close', () => {
      answered = true;
      holding.delete(response);
      const left = (open.get(socket) ?? 1) - 1;
      open.set(socket, left);
      if (left === 0 && !socket.destroyed) {
        if (taken() >= limit || waiting.size > 0) {
          // its turn may be long in coming: the idle timer starts when it is read again
          socket.setTimeout(0);
          socket.pause();
          waiting.add(socket);
        } else if (socket.isPaused()) socket.resume();
      }
      admit();
    });
  });
}
