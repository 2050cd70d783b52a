import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { MIGRATIONS_FOLDER, migrationVersion } from '../db/client';
import { createRouter, jsonResponse } from './router';

type Journal = { entries: { when: number; tag: string }[] };
const journal: Journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));

const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.object({
    engine: z.enum(['pglite', 'postgresql']),
    migrationsApplied: z.number(),
    migrationVersion: z.string().nullable(),
    migrationsKnown: z.number(),
  }),
});

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['運用'],
    summary: '稼働状況（データベースとマイグレーション）',
    responses: { 200: jsonResponse(ZHealth, 'the server and its database are up') },
  }),
  async (c) => {
    const { db, engine } = c.get('deps');
    const version = await migrationVersion(db);
    const latest = journal.entries.find((entry) => String(entry.when) === version.latest);
    return c.json(
      {
        status: 'ok' as const,
        database: {
          engine,
          migrationsApplied: version.applied,
          migrationVersion: latest?.tag ?? null,
          migrationsKnown: journal.entries.length,
        },
      },
      200,
    );
  },
);
