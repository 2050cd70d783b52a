import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError } from '../../server/errors';
import type { ActorContext } from '../audit/audit.service';
import { meetingBodies } from './meetings.tables';

type BodyRow = typeof meetingBodies.$inferSelect;

/**
 * A body set to 事例は扱わない（テーマのみ） (an information-sharing 全体会議) refuses a case or an
 * outreach record, and says which of the municipality's bodies would take it.
 */
export async function refuseIfThemesOnly(
  tx: Database,
  context: ActorContext,
  body: BodyRow,
  what: 'case' | 'outreach',
): Promise<void> {
  if (!body.themesOnly) return;
  const others = await tx
    .select({ name: meetingBodies.name, requiresConsent: meetingBodies.requiresConsent })
    .from(meetingBodies)
    .where(
      and(
        eq(meetingBodies.tenantId, context.actor.tenantId),
        eq(meetingBodies.isActive, true),
        eq(meetingBodies.themesOnly, false),
      ),
    )
    .orderBy(asc(meetingBodies.createdAt));
  // an outreach record (no consent yet) goes only to a body that may meet without consent
  const takers = others.filter((b) => what === 'case' || !b.requiresConsent).map((b) => `「${b.name}」`);
  const thing = what === 'case' ? '個別の事例' : 'アウトリーチの記録';
  throw new AppError(
    409,
    'BODY_THEMES_ONLY',
    `「${body.name}」は事例を扱わない会議体（テーマのみ・情報共有）です。${thing}は${
      takers.length > 0
        ? `${takers.join('・')}で検討してください。`
        : '事例を扱う会議体を設けて、そこで検討してください。'
    }`,
  );
}
