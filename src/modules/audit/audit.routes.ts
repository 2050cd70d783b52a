import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonResponse, requestContext } from '../../server/router';
import { ZAuditSearchQuery, ZAuditSearchResponse } from './audit.schemas';
import { searchAudit } from './audit.service';

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['監査ログ'],
    summary: '監査ログの検索（管理者・事業担当課）',
    request: { query: ZAuditSearchQuery },
    responses: { 200: jsonResponse(ZAuditSearchResponse, 'matching entries, newest first') },
  }),
  async (c) => {
    const result = await searchAudit(c.get('deps').db, requestContext(c), c.req.valid('query'));
    return c.json(
      { total: result.total, rows: result.rows.map((row) => ({ ...row, at: row.at.toISOString() })) },
      200,
    );
  },
);
