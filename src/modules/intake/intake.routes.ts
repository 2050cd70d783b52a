import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';

import { ZIdParam } from '../../shared/schema-helpers';
import { ZConsultation, ZConsultationInput, ZConsultationList, ZUrgentAlerts } from './intake.schemas';
import { createConsultation, getConsultation, listConsultations, urgentAlerts } from './intake.service';
import { addCustomIssue, issueVocabulary, ZCustomIssueInput } from './issues.service';

const ZIssueList = z.object({
  issues: z.array(z.object({ code: z.string(), label: z.string(), sensitive: z.boolean() })),
});

const tags = ['相談受付'];

export const intakeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '自機関の相談の一覧（新しい順）',
      responses: { 200: jsonResponse(ZConsultationList, 'consultations') },
    }),
    async (c) => c.json({ consultations: await listConsultations(c.get('deps').db, requestContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '相談の受付（本人の登録・同意・つなぎを同時に）',
      request: { body: jsonBody(ZConsultationInput) },
      responses: { 201: jsonResponse(ZConsultation, 'recorded') },
    }),
    async (c) =>
      c.json(await createConsultation(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/urgent-alerts',
      tags,
      summary: '緊急の相談の発生（コーディネーター向け、個人情報なし）',
      responses: { 200: jsonResponse(ZUrgentAlerts, 'urgent consultations of the last 14 days') },
    }),
    async (c) => c.json({ alerts: await urgentAlerts(c.get('deps').db, requestContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/issues',
      tags,
      summary: '課題の一覧（機微な課題の印つき）',
      responses: {
        200: jsonResponse(
          z.object({
            issues: z.array(z.object({ code: z.string(), label: z.string(), sensitive: z.boolean() })),
          }),
          'issue vocabulary',
        ),
      },
    }),
    async (c) => c.json({ issues: await issueVocabulary(c.get('deps').db, requestContext(c).actor) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/issues',
      tags,
      summary: '自治体独自の課題の追加（管理者）',
      request: { body: jsonBody(ZCustomIssueInput) },
      responses: { 201: jsonResponse(ZIssueList, 'the vocabulary with the new issue') },
    }),
    async (c) =>
      c.json({ issues: await addCustomIssue(c.get('deps').db, requestContext(c), c.req.valid('json')) }, 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: '相談の記録',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZConsultation, 'the consultation') },
    }),
    async (c) =>
      c.json(await getConsultation(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  );
