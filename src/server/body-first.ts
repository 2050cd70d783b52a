import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(\s*;.*)?$/i;
const decoder = new TextDecoder();

async function readThen(c: Context, next: Next) {
  const bytes = c.req.arrayBuffer();
  const read = await bytes.then(
    () => true,
    () => false,
  );
  if (!read) throw new HTTPException(400);
  if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    const json = bytes.then((buffer) => JSON.parse(decoder.decode(buffer)) as unknown);
    json.catch(() => undefined); // handled by whoever reads it; none may
    c.req.bodyCache.json = json;
  }
  return next();
}

/**
 * A request's body is read to its end before the request takes a database connection: a client
 * that declares a body and sends it slowly would otherwise hold a connection, and an open
 * transaction, for as long as it liked (ten such clients, without logging in, took the whole
 * pool in an insider review). The bytes stay in Hono's cache for the route; a JSON body is also
 * parsed there, so that the route's validator reads it without a second conversion (a malformed
 * JSON is the validator's to answer, as before). A body that could not be read (the client went
 * away) is answered at once, without a connection taken for it.
 *
 * A declared length is checked before this (`refuseDeclaredOversize`); a body sent without one
 * (chunked) is counted as it arrives. A read has no body: asking Hono for one would build a
 * whole fetch Request (2–3 % of node's CPU on a case page).
 */
export const bodyFirst =
  (limitOf: (path: string) => number, tooLarge: (c: Context) => Response): MiddlewareHandler =>
  (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.header('content-length') !== undefined) return readThen(c, next);
    return bodyLimit({ maxSize: limitOf(c.req.path), onError: tooLarge })(c, () => readThen(c, next));
  };
