import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { ZConsent, ZConsentInput, ZWithdrawConsent, ZWithdrawnConsent } from './consent.schemas';
import { recordConsent, withdrawConsent } from './consent.service';

const tags = ['同意'];

export const consentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '同意の記録',
      request: { body: jsonBody(ZConsentInput) },
      responses: { 201: jsonResponse(ZConsent, 'recorded') },
    }),
    async (c) => c.json(await recordConsent(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/withdraw',
      tags,
      summary: '同意の撤回',
      request: { params: ZIdParam, body: jsonBody(ZWithdrawConsent) },
      responses: { 200: jsonResponse(ZWithdrawnConsent, 'withdrawn') },
    }),
    async (c) =>
      c.json(
        await withdrawConsent(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').withdrawnOn,
        ),
        200,
      ),
  );
