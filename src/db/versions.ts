import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { users } from '../modules/users/users.tables';
import { AppError } from '../server/errors';
import { formatWarekiDateTime } from '../shared/dates';
import type { Database } from './client';

/** The version of the record the client read, sent back with its change. */
export const ZVersion = z
  .number({ error: '記録の版（version）を数値で送ってください。画面を読み込み直してください。' })
  .int({ error: '記録の版（version）は1以上の整数です。' })
  .min(1, { error: '記録の版（version）は1以上の整数です。' })
  .max(2_147_483_647, { error: '記録の版（version）が大きすぎます。' });

type Versioned = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedByUserId: PgColumn;
};

/**
 * Refuses a change made to an older version of the record than the one stored (someone saved
 * in between): 409 STALE_RECORD, naming who changed it and when. The row stays locked until
 * the transaction ends, so the check and the write cannot be overtaken.
 */
export async function requireVersion(tx: Database, table: Versioned, id: string, expected: number) {
  const [row] = await tx
    .select({ version: table.version, updatedAt: table.updatedAt, changedBy: users.displayName })
    .from(table)
    .leftJoin(users, eq(users.id, table.updatedByUserId))
    .where(eq(table.id, id))
    .for('update', { of: table });
  if (!row || row.version === expected) return;
  const who = row.changedBy ? `${row.changedBy}さん` : '他の職員';
  const when = formatWarekiDateTime(row.updatedAt as Date);
  throw new AppError(
    409,
    'STALE_RECORD',
    `この記録は、画面を開いた後に${who}が変更しました（${when}）。最新の内容を読み込んでから、もう一度保存してください。入力した内容は画面に残っています。`,
    {
      currentVersion: row.version,
      changedBy: row.changedBy ?? null,
      changedAt: (row.updatedAt as Date).toISOString(),
    },
  );
}
