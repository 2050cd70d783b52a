import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { badRequest } from '../../server/errors';
import { formatWareki, formatWestern } from '../../shared/dates';

// A つなぎ to a partner without a login (外部の関係機関) is a logged referral: the sender records
// each step the partner takes by phone or letter, with the day it happened.

/**
 * The day a step with a partner without a login happened, as the sender logs it: needed for each
 * logged step, never in the future, and only for such partners (the others answer in the system).
 */
export function loggedDay(toExternal: boolean, occurredOn: string | null, logged: boolean): string | null {
  if (!toExternal) {
    if (occurredOn) {
      throw badRequest(
        'NOT_A_LOGGED_REFERRAL',
        '日付の記録は、外部の関係機関へのつなぎのときだけ入力します。',
      );
    }
    return null;
  }
  if (!logged) {
    if (occurredOn) {
      throw badRequest(
        'NOT_A_LOGGED_STEP',
        'やりとりの日は、連絡や返事を記録するときに入力します（下書き・取消には入力しません）。',
      );
    }
    return null;
  }
  if (!occurredOn) {
    throw badRequest('OCCURRED_ON_REQUIRED', '外部の関係機関とのやりとりがあった日付を入力してください。');
  }
  if (occurredOn > formatWestern(now())) {
    throw badRequest('FUTURE_DATE', 'やりとりの日付に未来の日付は入力できません。');
  }
  return occurredOn;
}

/** A logged step cannot have happened before the step logged before it. */
export async function requireInOrder(tx: Database, referralId: string, occurredOn: string) {
  const [last] = await queryRows<{ day: string | null }>(
    tx,
    sql`select max(occurred_on)::text as day from referral_events where referral_id = ${referralId}`,
  );
  if (last?.day && occurredOn < last.day) {
    throw badRequest(
      'OCCURRED_BEFORE_PREVIOUS',
      `やりとりの日は、前に記録したやりとりの日（${formatWareki(`${last.day}T00:00:00+09:00`)}）以降にしてください。`,
    );
  }
}
