import { ApiError } from './api';

// Files to and from the server: a file's bytes sent as the request body (the directory's CSV
// and HSDS imports), and a JSON answer saved as a file (the HSDS export).

export async function sendFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  csrfToken: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json', 'x-csrf-token': csrfToken },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'サーバーに接続できません。ネットワークを確認して、もう一度お試しください。',
    );
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'UNKNOWN',
      error?.message ?? `サーバーがエラーを返しました（${response.status}）。`,
      error?.details,
    );
  }
  return payload as T;
}

/** Fetches a download (with the session cookie) and saves it under the given name. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const payload = await response.json().catch(() => null);
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'UNKNOWN',
      payload?.error?.message ?? '書き出せませんでした。',
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
