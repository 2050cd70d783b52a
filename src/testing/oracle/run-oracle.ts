import fc from 'fast-check';
import type { RunningServer } from '../../server/start';
import { Rules } from './access-rules';
import { describeSpec, describeWorld } from './describe-world';
import { insertWorld } from './insert-world';
import { probeList } from './list-probes';
import { formatMismatches, type Mismatch, Tally } from './mismatches';
import { probeRecord } from './record-probes';
import { resolveWorld } from './resolve-world';
import { todayInJapan, type World } from './world';
import { WorldCheck } from './world-check';
import { type WorldSpec, worldSpec } from './world-spec';

// The fast-check runs of the oracle: many worlds with one counterexample shrunk per rule and
// kind of mismatch, or the replay of one counterexample.

export type OracleOptions = { worlds: number; seed: number; shrinkSeconds: number };
export type SpecCheck = (
  spec: WorldSpec,
  tally: Tally | null,
) => Promise<{ world: World; mismatches: Mismatch[] }>;

/** Specs that fast-check prints as the world they make. */
const printedSpecs = worldSpec.map((spec) =>
  Object.assign(spec, { [fc.toStringMethod]: () => describeSpec(spec) }),
);

/** Asks every probe of every actor, and answers the mismatches (sorted by actor and call). */
async function checkWorld(server: RunningServer, world: World, tally: Tally | null): Promise<Mismatch[]> {
  const check = new WorldCheck(server, world, tally);
  await Promise.all(
    world.actors.flatMap((actor) =>
      actor.probes.map((probe) => {
        const rules = new Rules(actor, world.today, check.L);
        return 'id' in probe
          ? probeRecord(check, actor, rules, probe.kind, probe.id)
          : probeList(check, actor, rules, probe);
      }),
    ),
  );
  return check.mismatches.sort((a, b) => `${a.actor} ${a.call}`.localeCompare(`${b.actor} ${b.call}`));
}

/** Builds the world of a spec in the server's database, asks every probe, and answers the mismatches. */
export function specCheck(server: RunningServer, codes: Set<string>): SpecCheck {
  return async (spec, tally) => {
    const world = resolveWorld(spec, codes);
    for (const city of world.cities) codes.add(city.code);
    const started = performance.now();
    await insertWorld(server.handle.owner, world);
    const inserted = performance.now();
    const mismatches = await checkWorld(server, world, tally);
    // consents and team dates are relative to today: a world that straddled midnight (JST) proves nothing
    if (todayInJapan() !== world.today) return { world, mismatches: [] };
    if (tally) {
      tally.worlds++;
      tally.insertMs += inserted - started;
      tally.requestMs += performance.now() - inserted;
    }
    return { world, mismatches };
  };
}

/** Replays the counterexample at `path` (and shrinks it further); throws its mismatches. */
export async function replayCounterexample(
  check: SpecCheck,
  options: OracleOptions,
  path: string,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(printedSpecs, async (spec) => {
      const { mismatches } = await check(spec, null);
      if (mismatches.length) throw new Error(formatMismatches(mismatches));
    }),
    {
      seed: options.seed,
      path,
      numRuns: options.worlds,
      interruptAfterTimeLimit: options.shrinkSeconds * 1000,
    },
  );
}

/**
 * Checks `options.worlds` worlds, printing the tally. On mismatches, shrinks one counterexample
 * per rule and kind (replaying the run where it first appeared) and answers them as `message`.
 */
export async function runWorlds(
  check: SpecCheck,
  options: OracleOptions,
): Promise<{ byKind: Tally['byKind']; message?: string }> {
  const { worlds, seed, shrinkSeconds } = options;
  const tally = new Tally(seed);
  const firstFailure = new Map<string, number>();
  let run = 0;
  await fc.assert(
    fc.asyncProperty(printedSpecs, async (spec) => {
      const at = run++;
      const { mismatches } = await check(spec, tally);
      for (const m of mismatches) {
        const key = `${m.rule} ${m.kind}`;
        if (!firstFailure.has(key)) firstFailure.set(key, at);
      }
      return true;
    }),
    { seed, numRuns: worlds },
  );
  console.log(tally.summary());
  if (firstFailure.size === 0) return { byKind: tally.byKind };

  const reports: string[] = [];
  const budget = Math.max(5, shrinkSeconds / firstFailure.size) * 1000;
  for (const [key, at] of [...firstFailure.entries()].sort()) {
    let last = '';
    const details = await fc.check(
      fc.asyncProperty(printedSpecs, async (spec) => {
        const { world, mismatches } = await check(spec, null);
        const mine = mismatches.filter((m) => `${m.rule} ${m.kind}` === key);
        if (mine.length === 0) return true;
        last = `${formatMismatches(mine)}\nin the world\n${describeWorld(world)}`;
        throw new Error(`${key}:\n${formatMismatches(mine)}`);
      }),
      { seed, path: String(at), numRuns: worlds, interruptAfterTimeLimit: budget },
    );
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : last;
    reports.push(
      details.failed
        ? `==== ${key} (first in world #${at}) ====\n${fc.defaultReportMessage(details)}\n\nGot ${error}`
        : `==== ${key} (first in world #${at}) ====\ndid not fail again on replay:\n${last}`,
    );
  }
  const message = `${tally.summary()}\n\n${reports.join('\n\n')}\n\nreplay the run with ORACLE_SEED=${seed} ORACLE_WORLDS=${worlds}; one counterexample with ORACLE_SEED=${seed} ORACLE_PATH=<its path>`;
  console.log(message);
  return { byKind: tally.byKind, message };
}
