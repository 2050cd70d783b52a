import '../shared/zod-locale';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { areaRoutes } from '../modules/areas/areas.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { caseRoutes } from '../modules/cases/cases.routes';
import { communityAreaRoutes } from '../modules/community/areas-community.routes';
import { networkRoutes } from '../modules/community/networks.routes';
import { projectRoutes } from '../modules/community/projects.routes';
import { regionalIssueRoutes } from '../modules/community/regional-issues.routes';
import { trainingRoutes } from '../modules/community/trainings.routes';
import { consentRoutes } from '../modules/consent/consent.routes';
import { fhirExportRoutes } from '../modules/exchange/fhir.routes';
import { exportRoutes } from '../modules/exports/exports.routes';
import { householdRoutes } from '../modules/households/households.routes';
import { importRoutes } from '../modules/imports/imports.routes';
import { intakeRoutes } from '../modules/intake/intake.routes';
import { bodyRoutes } from '../modules/meetings/bodies.routes';
import { meetingRoutes } from '../modules/meetings/meetings.routes';
import { organisationRoutes } from '../modules/organisations/organisations.routes';
import { outreachRoutes } from '../modules/outreach/outreach.routes';
import { participationRoutes } from '../modules/participation/participation.routes';
import { peopleRoutes } from '../modules/people/people.routes';
import { planRoutes } from '../modules/program/plan.routes';
import { programRoutes } from '../modules/program/program.routes';
import { referralRoutes } from '../modules/referrals/referrals.routes';
import { directoryExchangeRoutes } from '../modules/resources/directory-exchange.routes';
import { publicDirectoryRoutes } from '../modules/resources/public-directory.routes';
import { resourceRoutes } from '../modules/resources/resources.routes';
import { tenantRoutes } from '../modules/tenants/tenants.routes';
import { userRoutes } from '../modules/users/users.routes';
import { apiDocs } from './api-docs';
import type { AppEnv, Deps } from './env';
import { databaseErrorCode, describeForLog } from './error-log';
import { AppError, errorBody } from './errors';
import { healthRoutes } from './health.routes';
import { applicationTransaction, csrfProtection, provideDeps, resolveSession } from './middleware';
import { requestBody } from './request-body';
import { forwardToFileKeeper } from './worker-forward';

const HTTP_ERRORS: Record<number, [string, string]> = {
  400: ['INVALID_REQUEST', '送信されたデータを読み取れませんでした。'],
  404: ['NOT_FOUND', '指定されたページまたはデータが見つかりません。'],
  405: ['METHOD_NOT_ALLOWED', 'この操作はこのURLでは使えません。'],
  413: ['PAYLOAD_TOO_LARGE', '送信データが大きすぎます（上限 1MB）。'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '送信データは JSON（Content-Type: application/json）で送ってください。'],
};

export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', provideDeps(deps));
  if (deps.worker) {
    // before any transaction: the worker that keeps the session's import files answers these
    app.use('/api/imports/files', forwardToFileKeeper(deps.worker));
    app.use('/api/imports/files/*', forwardToFileKeeper(deps.worker));
  }
  app.use('/api/*', requestBody);
  app.use('/api/*', applicationTransaction);
  app.use('/api/*', resolveSession);
  app.use('/api/*', csrfProtection);
  app.use('/api/*', async (c, next) => {
    await next();
    // on the answer's own headers: c.header() after the answer is made would build it again as a
    // fetch Response with a stream for its body (5–8 % of node's CPU on a case page)
    c.res.headers.set('cache-control', 'no-store');
  });

  const api = app
    .route('/api/health', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/organisations', organisationRoutes)
    .route('/api/areas', areaRoutes)
    .route('/api/admin/users', userRoutes)
    .route('/api/audit', auditRoutes)
    .route('/api/people', peopleRoutes)
    .route('/api/households', householdRoutes)
    .route('/api/consultations', intakeRoutes)
    .route('/api/imports', importRoutes(deps.db))
    .route('/api/consents', consentRoutes)
    .route('/api/referrals', referralRoutes)
    .route('/api/settings', tenantRoutes)
    .route('/api/cases', caseRoutes)
    .route('/api/cases', fhirExportRoutes)
    .route('/api/meetings/bodies', bodyRoutes)
    .route('/api/meetings', meetingRoutes)
    .route('/api/outreach', outreachRoutes)
    .route('/api/resources', directoryExchangeRoutes)
    .route('/api/resources', resourceRoutes)
    .route('/api/public', publicDirectoryRoutes)
    .route('/api/participation', participationRoutes)
    .route('/api/community/issues', regionalIssueRoutes)
    .route('/api/community/projects', projectRoutes)
    .route('/api/community/networks', networkRoutes)
    .route('/api/community/trainings', trainingRoutes)
    .route('/api/program/plan', planRoutes)
    .route('/api/program', programRoutes)
    .route('/api/community', communityAreaRoutes)
    .route('/api/exports', exportRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'tsunagu_session',
    description:
      'ログインで発行されるセッションCookie。状態を変える要求には X-CSRF-Token ヘッダーも必要です。',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'tsunagu API',
      version: '0.1.0',
      description: '重層的支援体制整備事業のための事例調整プラットフォーム tsunagu の API。',
    },
    security: [{ session: [] }],
  });
  app.route('/api/docs', apiDocs);
  app.all('/api/*', (c) => c.json(errorBody(...(HTTP_ERRORS[404] as [string, string])), 404));

  serveWebApp(app, deps.config.staticDir);

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException && err.status < 500) {
      const known = HTTP_ERRORS[err.status];
      const [code, message] = err.message.includes('Malformed JSON')
        ? ['INVALID_JSON', '送信されたデータが JSON として正しくありません。']
        : (known ?? ['INVALID_REQUEST', '要求を処理できませんでした。']);
      return c.json(errorBody(code, message), err.status as 400);
    }
    // A value the database cannot store (e.g. a NUL character) is the caller's mistake.
    if (databaseErrorCode(err)?.startsWith('22')) {
      return c.json(
        errorBody('INVALID_VALUE', '保存できない文字や値が含まれています。入力内容を確認してください。'),
        400,
      );
    }
    // Unexpected: logged by kind and place, never with values (they may be personal data).
    console.error(`[error] ${c.req.method} ${c.req.routePath}: ${describeForLog(err)}`);
    return c.json(
      errorBody('INTERNAL_ERROR', 'サーバーで問題が発生しました。時間をおいて再度お試しください。'),
      500,
    );
  });

  return api;
}

function serveWebApp(app: OpenAPIHono<AppEnv>, staticDir: string) {
  const indexFile = join(staticDir, 'index.html');
  app.use('/assets/*', serveStatic({ root: staticDir }));
  app.use('/favicon.svg', serveStatic({ root: staticDir }));
  app.get('*', async (c) => {
    if (!existsSync(indexFile)) {
      return c.text('画面（dist/）がビルドされていません。npm run build を実行してください。', 503);
    }
    return c.html(await readFile(indexFile, 'utf8'));
  });
}

export type AppType = ReturnType<typeof createApp>;
