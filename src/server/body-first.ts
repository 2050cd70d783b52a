import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(\s*;.*)?$/i;
const decoder = new TextDecoder();

/**
 * A request's body is read to its end before the request takes a database connection: a client
 * that declares a body and sends it slowly would otherwise hold a connection, and an open
 * transaction, for as long as it liked (ten such clients, without logging in, took the whole
 * pool in an insider review). The bytes stay in Hono's cache for the route; a JSON body is also
 * parsed there, so that the route's validator reads it without a second conversion (a malformed
 * JSON is the validator's to answer, as before). A body that could not be read (the client went
 * away) is answered at once, without a connection taken for it.
 */
export const bodyFirst: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const bytes = c.req.arrayBuffer();
  if (
    !(await bytes.then(
      () => true,
      () => false,
    ))
  )
    throw new HTTPException(400);
  if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    const json = bytes.then((buffer) => JSON.parse(decoder.decode(buffer)) as unknown);
    json.catch(() => undefined); // handled by whoever reads it; none may
    c.req.bodyCache.json = json;
  }
  return next();
};
