import type { Who } from './case-world';

export type Json = Record<string, unknown>;

/** A PATCH route of the API and how to check that it changes only what is sent (server/patch.test.ts). */
export type PatchCase = {
  who: Who;
  /** The concrete path of a record to change. */
  path: () => string;
  /** The record as a user reads it back. */
  read: () => Promise<Json>;
  /** One value per field of the body, each different from the record's current value. */
  values: Json;
  /** Fields of the record that the change may legitimately alter besides the one sent. */
  alsoChanges?: Record<string, string[]>;
};

/** The entry of a list read back with this id. */
export const inList = (list: unknown, id: string) =>
  (list as Json[]).find((entry) => entry.id === id) as Json;
