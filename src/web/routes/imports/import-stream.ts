import type { StreamLine } from '../../../modules/imports/imports.schemas';
import { ApiError } from '../../lib/api';

// The check and the import answer line by line (NDJSON): progress while the server reads,
// matches and writes, then one last line with the report, the result or the error.

export type Progress = Extract<StreamLine, { type: 'progress' }>;
type Last = Exclude<StreamLine, Progress>;

const networkError = () =>
  new ApiError(
    0,
    'NETWORK_ERROR',
    'サーバーに接続できません。ネットワークを確認して、もう一度お試しください。',
  );

export async function postStreamed(
  path: string,
  body: unknown,
  csrfToken: string,
  onProgress: (line: Progress) => void,
): Promise<Last> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  if (!response.ok || !response.body) {
    const payload = await response.json().catch(() => null);
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'UNKNOWN',
      payload?.error?.message ?? `サーバーがエラーを返しました（${response.status}）。`,
      payload?.error?.details,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let last: Last | null = null;
  for (;;) {
    const { value, done } = await reader.read().catch(() => {
      throw networkError();
    });
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as StreamLine;
      if (line.type === 'progress') onProgress(line);
      else last = line;
    }
  }
  if (!last) throw networkError();
  if (last.type === 'error')
    throw new ApiError(last.code === 'INTERNAL_ERROR' ? 500 : 409, last.code, last.message);
  return last;
}
