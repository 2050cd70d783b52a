// The benchmark city on a PostgreSQL server: built once (the demo organisations, then
// bench/generate.ts and bench/generate-cases.ts at the sizes asked) into a template database
// named by what goes into it, and copied for each run (CREATE DATABASE … TEMPLATE: seconds,
// where building takes minutes). On a server kept between runs (npm run bench:load -- --data
// DIR) the next run starts from the same city; on a throwaway server it is built every time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type DbHandle, MIGRATIONS_FOLDER, openDatabase } from '../src/db/client';
import { seedDemoIfEmpty } from '../src/modules/demo/demo.seed';
import { now } from '../src/server/clock';
import { projectFile } from '../src/server/project-files';
import { formatWestern } from '../src/shared/dates';
import { newDatabaseOn, saveTarball } from '../src/testing/test-database';
import { generateCity } from './generate';
import { generateCases } from './generate-cases';

export type CitySize = {
  households: number;
  cases: number;
  records: number;
  consultations?: number;
  years?: number;
};
export const BENCHMARK_CITY: CitySize = { households: 50_000, cases: 10_000, records: 500_000 };
/** Ten years of a city of 460,000: the same 100,000 people, ten times the work. */
export const TEN_YEAR_CITY: CitySize = {
  households: 50_000,
  consultations: 500_000,
  cases: 100_000,
  records: 5_000_000,
  years: 10,
};

const filesOf = (folder: string, suffix: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(folder, f));

/** The migrations, the demo seed, the generators, today (the demo's dates are relative) and the size. */
function cityKey(size: CitySize): string {
  const hash = createHash('sha256').update(JSON.stringify(size)).update(formatWestern(now()));
  const here = projectFile('bench');
  const demo = projectFile('src/modules/demo');
  for (const file of [
    ...filesOf(MIGRATIONS_FOLDER, '.sql'),
    ...filesOf(demo, '.ts'),
    join(here, 'generate.ts'),
    join(here, 'generate-cases.ts'),
  ])
    hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const secondsSince = (start: number) => `${((performance.now() - start) / 1000).toFixed(0)} s`;

async function buildCity(adminUrl: string, name: string, size: CitySize, log: (line: string) => void) {
  const building = `${name}_building`;
  await admin(adminUrl, (c) => c.query(`drop database if exists ${building} with (force)`));
  const created = await newDatabaseOn(adminUrl, building, { exactName: building });
  const handle = await openDatabase({ databaseUrl: created.appUrl, migrationUrl: created.ownerUrl });
  const started = performance.now();
  try {
    await fillCity(handle.owner, size, log, started);
  } finally {
    await handle.close();
  }
  await admin(created.ownerUrl, (c) => c.query('vacuum analyze'));
  await admin(adminUrl, (c) => c.query(`alter database ${building} rename to ${name}`));
  log(`  built in ${secondsSince(started)}`);
}

/** The demo city, then the generators at the sizes asked, with progress. */
async function fillCity(owner: Database, size: CitySize, log: (line: string) => void, started: number) {
  await seedDemoIfEmpty(owner);
  const { households, consultations, years, cases, records } = size;
  await generateCity(owner, { households, consultations, years }, (done) => {
    if (done % 10_000 === 0) log(`  ${done.toLocaleString('en')} households (${secondsSince(started)})`);
  });
  await generateCases(owner, { cases, records, years }, (done) => {
    if (done % Math.max(2_000, cases / 20) === 0)
      log(`  ${done.toLocaleString('en')} cases (${secondsSince(started)})`);
  });
}

/**
 * The same city in PGlite, the embedded engine (npm run bench -- --pglite): built once and kept
 * as PGlite's own tarball in the temporary folder, named as the PostgreSQL template is.
 */
export async function pgliteCity(
  size: CitySize,
  log: (line: string) => void = console.log,
): Promise<DbHandle> {
  const file = join(tmpdir(), `tsunagu-city-pglite-${cityKey(size)}.tar`);
  if (existsSync(file)) {
    log(`city (PGlite): ${file} kept from an earlier run`);
    return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
  }
  log('city (PGlite): building (once; minutes)');
  const handle = await openDatabase({});
  const started = performance.now();
  await fillCity(handle.owner, size, log, started);
  await handle.owner.execute(sql`vacuum analyze`);
  const tarball = await handle.dump?.();
  if (tarball) await saveTarball(file, tarball);
  log(`  built in ${secondsSince(started)}`);
  return handle;
}

/**
 * A database holding the benchmark city, ready for the server (app and owner URLs); drop() removes
 * the copy, never the template.
 */
export async function benchmarkCity(
  adminUrl: string,
  size: CitySize,
  log: (line: string) => void = console.log,
): Promise<Awaited<ReturnType<typeof newDatabaseOn>>> {
  const name = `tsunagu_city_${cityKey(size)}`;
  const exists = await admin(adminUrl, async (c) => {
    // copies left by a run that was stopped
    const left = await c.query<{ datname: string }>(
      `select datname from pg_database where datname like 'tsunagu\\_bench\\_%'`,
    );
    for (const { datname } of left.rows) await c.query(`drop database ${datname} with (force)`);
    return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  });
  if (exists) log(`city: ${name} kept from an earlier run`);
  else {
    log(
      `city: building ${size.households.toLocaleString('en')} households${size.consultations ? `, ${size.consultations.toLocaleString('en')} consultations` : ''}, ${size.cases.toLocaleString('en')} cases, ${size.records.toLocaleString('en')} support records${size.years ? ` over ${size.years} years` : ''} (once; minutes)`,
    );
    await buildCity(adminUrl, name, size, log);
  }
  // a copy of gigabytes written through the WAL would go on being written out during the first
  // minutes of load (the checkpoint after it, backends evicting its pages)
  return newDatabaseOn(adminUrl, 'tsunagu_bench', { template: name, copyFiles: true });
}
