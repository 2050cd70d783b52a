// The server as one file for production (npm start): build/server/main.mjs. Running the bundle
// with node instead of the sources through tsx keeps about 90 MB less in memory (tsx holds each
// module's transformed code and source map) and starts faster. Left outside the bundle: native
// code (argon2), PGlite (it loads its WebAssembly beside its own files), exceljs (loaded on first
// use) and pg-native (an optional driver pg asks for by name).
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { projectFile } from '../src/server/project-files';

export const SERVER_BUNDLE = projectFile('build/server/main.mjs');
/**
 * node's flags for the bundle (npm start uses the same): a young generation of 8 MB semi-spaces
 * instead of 16 keeps the server's memory under load about 10–20 MB lower (under the 300 MB of
 * the load target) for about 2–3 % more of node's CPU in collections; two threads for V8's
 * background work (collections, compiling) instead of four keep the embedded server about 20 MB
 * lower, with no loss of throughput on two cores (README, "Under load").
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--v8-pool-size=2'];

export async function buildServer(outfile = SERVER_BUNDLE) {
  await build({
    entryPoints: [projectFile('src/server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    external: ['@node-rs/argon2', '@electric-sql/pglite', 'exceljs', 'pg-native'],
    // packages written for CommonJS call require() inside the ES module bundle
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

// npx tsx scripts/build-server.ts [--out build/server/other.mjs]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv.indexOf('--out');
  await buildServer(out > 0 ? projectFile(process.argv[out + 1] as string) : SERVER_BUNDLE);
}
