import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from './world';

// Staff sessions made without a password (a row per actor, written with the world), and the
// reads an actor makes with theirs.

export type Json = Record<string, unknown>;
export type Answer = { status: number; body: Json };

export const newSessionToken = () => randomBytes(24).toString('base64url');

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const sessionRows = (actors: Actor[], at: Date) =>
  actors.map((a) => ({
    tokenHash: sha256(a.token),
    tenantId: a.city.tenantId,
    userId: a.membership.userId,
    membershipId: a.membership.id,
    csrfToken: randomBytes(16).toString('base64url'),
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(at.getTime() + 12 * 3_600_000),
  }));

export async function getAs(serverUrl: string, actor: Actor, path: string): Promise<Answer> {
  const response = await fetch(`${serverUrl}${path}`, {
    headers: { cookie: `tsunagu_session=${actor.token}` },
  });
  const text = await response.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

/** The status and error code of an answer, as printed in a mismatch. */
export const errorCode = (a: Answer) => {
  const error = a.body?.error as { code?: string } | undefined;
  return `${a.status}${error?.code ? ` ${error.code}` : ''}`;
};
