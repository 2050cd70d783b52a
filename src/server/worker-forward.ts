import { type IncomingMessage, request } from 'node:http';
import { join } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { SESSION_COOKIE } from './middleware';

/** A worker's place among the server's workers, and the folder of their private sockets. */
export type WorkerPlace = { index: number; count: number; socketDir: string };

export const workerSocket = (socketDir: string, index: number) => join(socketDir, `worker-${index}.sock`);

/** The worker that keeps the import files of the session with this cookie: always the same one. */
export function fileKeeperOf(sessionToken: string, count: number): number {
  let hash = 0;
  for (let i = 0; i < sessionToken.length; i++) hash = (hash * 31 + sessionToken.charCodeAt(i)) >>> 0;
  return hash % count;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/**
 * A file being imported is held in the memory of the worker that received it (import-uploads.ts),
 * between the steps that send, check and import it. Whichever worker takes the connection, those
 * requests go to the worker that keeps the session's files, over its private socket; the answer
 * (a check streams its progress) comes back as it is written. The client's address goes with the
 * request as X-Forwarded-For, which only the private socket's app reads (cluster.ts).
 */
export const forwardToFileKeeper = (place: WorkerPlace) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const keeper = token ? fileKeeperOf(token, place.count) : place.index;
    if (keeper === place.index) return next();
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    });
    headers['x-forwarded-for'] = c.get('clientIp') ?? '';
    const url = new URL(c.req.url);
    let answer: IncomingMessage;
    try {
      answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = request(
          {
            socketPath: workerSocket(place.socketDir, keeper),
            method: c.req.method,
            path: `${url.pathname}${url.search}`,
            headers,
          },
          resolve,
        );
        outgoing.on('error', reject);
        const body = c.req.raw.body;
        // a client that goes away mid-body ends the forwarded request, not the worker
        if (body)
          pipeline(Readable.fromWeb(body as NodeReadableStream), outgoing, (error) => {
            if (error) outgoing.destroy(error);
          });
        else outgoing.end();
      });
    } catch (error) {
      console.error(`[workers] worker ${keeper} did not answer:`, (error as Error).message);
      throw new AppError(
        503,
        'WORKER_UNAVAILABLE',
        'サーバーが再起動しています。少し待ってから、もう一度お試しください。',
      );
    }
    // the keeper going away mid-answer cuts this answer short, and nothing more
    answer.on('error', (error) =>
      console.error(`[workers] worker ${keeper} stopped answering:`, error.message),
    );
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      for (const one of Array.isArray(value) ? value : [value]) answerHeaders.append(name, one);
    }
    const bodyless = c.req.method === 'HEAD' || answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(bodyless ? null : (Readable.toWeb(answer) as ReadableStream), {
      status: answer.statusCode ?? 502,
      headers: answerHeaders,
    });
  });
