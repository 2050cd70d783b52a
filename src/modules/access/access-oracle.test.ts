import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { takenTenantCodes } from '../../testing/oracle/insert-world';
import {
  type OracleOptions,
  replayCounterexample,
  runWorlds,
  type SpecCheck,
  specCheck,
} from '../../testing/oracle/run-oracle';
import { startTestServer } from '../../testing/test-server';

// An independent oracle for who may read what. Random worlds (two new municipalities with
// organisations, staff of every role, residents, households, consultations, referrals in
// every status, consents, 多機関協働 cases and 参加支援 with their 担当) are written straight
// into the database; staff then read over HTTP, and every answer is compared with the rules
// written out on their own in src/testing/oracle/access-rules.ts (nothing is taken from
// src/modules/access).
//
// ORACLE_WORLDS (default 500) sets how many worlds; ORACLE_SEED replays a run;
// ORACLE_SHRINK_SECONDS (default 60) bounds the time spent shrinking counterexamples.
// `npm run test:access -- --worlds 10000` is the long run.

const options: OracleOptions = {
  worlds: Number(process.env.ORACLE_WORLDS ?? 500),
  seed: process.env.ORACLE_SEED ? Number(process.env.ORACLE_SEED) : Math.floor(Math.random() * 2 ** 31),
  shrinkSeconds: Number(process.env.ORACLE_SHRINK_SECONDS ?? 60),
};
/** With ORACLE_SEED, the path fast-check printed: replays that counterexample (and shrinks it further). */
const PATH = process.env.ORACLE_PATH;

describe('access oracle: random worlds against the written rules', () => {
  let server: RunningServer;
  let check: SpecCheck;

  beforeAll(async () => {
    server = await startTestServer();
    check = specCheck(server, await takenTenantCodes(server.handle.owner));
  });
  afterAll(async () => {
    await server?.close();
  });

  if (PATH !== undefined)
    it(
      `replays ORACLE_SEED=${options.seed} ORACLE_PATH=${PATH}`,
      () => replayCounterexample(check, options, PATH),
      options.shrinkSeconds * 2_000 + 60_000,
    );
  else
    it(
      `${options.worlds} worlds: zero leaks and zero false refusals`,
      async () => {
        const { byKind, message } = await runWorlds(check, options);
        expect(byKind, message).toEqual({ leak: 0, 'false refusal': 0, 'wrong answer': 0 });
      },
      options.worlds * 1_000 + options.shrinkSeconds * 2_000 + 60_000,
    );
});
