import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../modules/access/access.policy';
import type { AuditContext } from '../modules/audit/audit.service';
import { holdingEntryWindow } from '../shared/schema-helpers';
import type { AppEnv } from './env';
import { errorBody, unauthenticated } from './errors';

type Validated =
  | { success: true; data: unknown; target: string }
  | { success: false; error: z.ZodError; target: string };

/** After each part of a request is validated: a refusal in our terms, and a PATCH's unsent keys dropped. */
async function afterValidation(result: Validated, c: Context<AppEnv>) {
  if (result.success && result.target === 'json' && c.req.method === 'PATCH') {
    keepOnlySent(result.data, await c.req.json());
  }
  if (!result.success) {
    const details = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    // A check with a stable code of its own (FUTURE_DATE…) answers with that code and its message.
    const coded = result.error.issues.find((issue) => issue.code === 'custom' && issue.params?.code);
    if (coded?.code === 'custom') {
      return c.json(errorBody(String(coded.params?.code), coded.message, details), 400);
    }
    return c.json(errorBody('VALIDATION_FAILED', '入力内容に誤りがあります。', details), 400);
  }
}

/**
 * The hook of a route: after the validator's parse, a write's body is parsed again holding its
 * entry dates to the municipality's window of late entry (see holdingEntryWindow).
 */
function hookOf(route: RouteConfig) {
  const media = route.request?.body?.content?.['application/json'];
  const body = media && 'schema' in media ? media.schema : undefined;
  return async (result: Validated, c: Context<AppEnv>) => {
    const refused = await afterValidation(result, c);
    const window = c.get('entryWindow');
    if (refused || !window || !result.success || result.target !== 'json' || !(body instanceof z.ZodType))
      return refused;
    const raw: unknown = await c.req.json();
    const held = holdingEntryWindow(window, () => body.safeParse(raw));
    if (!held.success) return afterValidation({ success: false, error: held.error, target: 'json' }, c);
  };
}

export function createRouter() {
  const router = new OpenAPIHono<AppEnv>();
  const register = router.openapi;
  router.openapi = ((route: RouteConfig, handler: never, hook?: never) =>
    register(route, handler, hook ?? (hookOf(route) as never))) as typeof register;
  return router;
}

/** The logged-in actor and the audit context of this request; 401 when not logged in. */
export function requestContext(c: Context<AppEnv>): AuditContext & { actor: Actor } {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return { actor, clientIp: c.get('clientIp') };
}

export const jsonBody = <T>(schema: T, description = 'request') => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * PATCH changes only what is sent. A schema's defaults (a null for an absent note, [] for
 * absent phones) are right for creating a record, but in a PATCH they would erase what the
 * user did not touch; so every key the client did not send is dropped from the validated
 * body. The validator hands the handler this very object (checked by the PATCH test).
 */
function keepOnlySent(data: unknown, raw: unknown) {
  if (!data || typeof data !== 'object' || !raw || typeof raw !== 'object') return;
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(raw, key)) delete (data as Record<string, unknown>)[key];
  }
}

type RequestParts = {
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: ReturnType<typeof jsonBody<z.ZodType>>;
};

/** A route of one area (its OpenAPI tags), answering 200 with the schema. */
export const routesOf =
  (tags: string[]) =>
  <R extends RequestParts>(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    summary: string,
    request: R,
    schema: z.ZodType,
  ) =>
    createRoute({ method, path, tags, summary, request, responses: { 200: jsonResponse(schema, 'ok') } });
