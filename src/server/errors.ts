import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Domain errors carry a stable code for programs and a Japanese message for people.
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'データ') =>
  new AppError(404, 'NOT_FOUND', `${what}が見つかりません。削除されたか、閲覧する権限がありません。`);

/**
 * A record the actor may not see, or that does not exist: the same answer as notFound, and it
 * names what was asked for so that the refusal is audited with it.
 */
export class RecordNotVisible extends AppError {
  constructor(
    readonly kind: string,
    readonly recordId: string,
    what: string,
  ) {
    super(404, 'NOT_FOUND', `${what}が見つかりません。削除されたか、閲覧する権限がありません。`);
  }
}

export const forbidden = () => new AppError(403, 'FORBIDDEN', 'この操作を行う権限がありません。');

export const unauthenticated = () =>
  new AppError(
    401,
    'UNAUTHENTICATED',
    'ログインしていないか、セッションの有効期限が切れました。もう一度ログインしてください。',
  );

export const conflict = (code: string, message: string) => new AppError(409, code, message);

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});
