import { describeForLog } from '../../server/error-log';
import { AppError } from '../../server/errors';
import type { StreamLine } from './imports.schemas';

// A long check or import answers as it goes: one JSON object per line (NDJSON), progress lines
// while the rows are read, matched and written, then the report, the result or the error. The
// request that starts it has already been authorised; the work runs in its own transaction.

export type Emit = (line: StreamLine) => void;

/** Lets the answer flush between chunks of work that would otherwise hold the event loop. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export function ndjsonStream(label: string, work: (emit: Emit) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const emit: Emit = (line) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // the user went away; the work itself carries on to its end (or its rollback)
          open = false;
        }
      };
      void work(emit)
        .catch((error: unknown) => {
          if (error instanceof AppError) emit({ type: 'error', code: error.code, message: error.message });
          else {
            console.error(`[error] ${label}: ${describeForLog(error)}`);
            emit({
              type: 'error',
              code: 'INTERNAL_ERROR',
              message:
                'サーバーで問題が発生しました。何も取り込んでいません。時間をおいて再度お試しください。',
            });
          }
        })
        .finally(() => {
          if (!open) return;
          open = false;
          controller.close();
        });
    },
  });
}
