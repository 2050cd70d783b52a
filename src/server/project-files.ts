import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

// The folder holding package.json above this module: the same whether the server runs from src/
// under tsx or from its bundle in build/server/ (npm start), where paths relative to each
// module's own file would point elsewhere.
const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A file or folder of the project (drizzle/, standards/, the data files of a module). */
export function projectFile(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
