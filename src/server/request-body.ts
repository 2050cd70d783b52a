import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { MAX_IMPORT_FILE_BYTES } from '../modules/imports/import-file';
import { errorBody } from './errors';

// A request's body, once, before anything else of the request: its size, and reading it.

export const MAX_BODY_BYTES = 1024 * 1024;
/** Files taken into the resource directory (CSV, HSDS) may be larger than a form. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const IMPORT_PATHS = '/api/resources/import/';
/** Spreadsheets of people and consultations (up to 100,000 rows), and the decisions about them. */
const RECORD_IMPORT_PATHS = '/api/imports/files';
const limitOf = (path: string) =>
  path.startsWith(RECORD_IMPORT_PATHS)
    ? MAX_IMPORT_FILE_BYTES
    : path.startsWith(IMPORT_PATHS)
      ? MAX_IMPORT_BYTES
      : MAX_BODY_BYTES;
const tooLarge = (c: Context) =>
  c.json(
    errorBody(
      'PAYLOAD_TOO_LARGE',
      `送信データが大きすぎます（上限 ${limitOf(c.req.path) / (1024 * 1024)}MB）。`,
    ),
    413,
  );
/** A body declared over its limit but under this is read and dropped before the 413 (below). */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

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
    // Hono's json() parses its cached text; without one it makes a fetch Response of the bytes
    // on every call (the validator's, the entry window's, a PATCH's). The cache holds promises,
    // whatever its type says.
    (c.req.bodyCache as { text?: Promise<string> }).text = bytes.then((buffer) => decoder.decode(buffer));
  }
  return next();
}

/**
 * The request's body, before the request takes a database connection.
 * - A body declared too large is refused before it is read; a moderately large one is read and
 *   dropped first, so that the client is not cut off mid-upload and sees the 413 answer. A body
 *   sent without its length (chunked) is counted as it arrives.
 * - A read has no body: asking Hono for one would build a whole fetch Request (2–3 % of node's
 *   CPU on a case page).
 * - Otherwise the body is read to its end first: a client that declares a body and sends it
 *   slowly would otherwise hold a connection, and an open transaction, for as long as it liked
 *   (ten such clients, without logging in, took the whole pool in an insider review). The bytes
 *   stay in Hono's cache for the route; a JSON body's text is decoded there once, for each
 *   reading of it (a malformed JSON is the validator's to answer, as before). A body that could
 *   not be read (the client went away) is answered at once, without a connection taken for it.
 */
export const requestBody: MiddlewareHandler = async (c, next) => {
  const length = c.req.header('content-length');
  const declared = Number(length ?? 0);
  if (declared > limitOf(c.req.path)) {
    if (declared <= DRAIN_LIMIT_BYTES) await c.req.arrayBuffer().catch(() => undefined);
    return tooLarge(c);
  }
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  if (length !== undefined) return readThen(c, next);
  return bodyLimit({ maxSize: limitOf(c.req.path), onError: tooLarge })(c, () => readThen(c, next));
};
