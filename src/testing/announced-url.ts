import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from '../../scripts/postgres';

// A server started in its own process (PORT from here) is up once it says so on its standard
// output (main.ts: "tsunagu: <url> で起動しました"), which it does only after it listens. Polling
// the port instead could reach another test's server that took the same port meanwhile: a port
// found free is only free until the server binds it, seconds later after its migrations.

const STARTED = /^tsunagu: (\S+) で起動しました/;

/**
 * The port to give a server process: 0 (the system picks one as it listens, no race) for a single
 * process; a free one for a primary with workers, which cannot learn a port its workers chose.
 */
export const portFor = async (workers = 1) => (workers > 1 ? freePort() : 0);

/** The address the child said it listens on, as 127.0.0.1; rejects when it exits or stays silent. */
export function announcedUrl(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  const stdout = child.stdout;
  if (!stdout) return Promise.reject(new Error('the server process has no standard output to read'));
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      child.off('exit', exited);
      // what it writes later is read and dropped, so that a full pipe never blocks it
      lines.removeAllListeners('line');
      lines.on('line', () => undefined);
      outcome();
    };
    const exited = (code: number | null, signal: string | null) =>
      settle(() => reject(new Error(`the server stopped before it listened (${signal ?? `exit ${code}`})`)));
    const timer = setTimeout(
      () => settle(() => reject(new Error(`the server did not say it listens within ${timeoutMs / 1000} s`))),
      timeoutMs,
    );
    child.once('exit', exited);
    lines.on('line', (line) => {
      const said = STARTED.exec(line);
      if (!said?.[1]) return;
      const url = new URL(said[1]);
      settle(() => resolve(`http://127.0.0.1:${url.port}`));
    });
  });
}
