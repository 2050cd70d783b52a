import { insertMany } from '../../db/bulk-insert';
import type { Database } from '../../db/client';
import type { Actor } from '../access/access.policy';
import { householdMembers, households } from './households.tables';

// Many households and their members at once (the import of a spreadsheet). The caller has
// checked each existing person it adds (record holder) and audits the ids in its transaction.

export type NewHousehold = { id: string; name: string };
export type NewMember = { householdId: string; personId: string; relation: string };

export async function insertHouseholds(
  tx: Database,
  actor: Actor,
  organisationId: string,
  rows: NewHousehold[],
) {
  await insertMany(
    tx,
    households,
    rows.map((h) => ({
      id: h.id,
      tenantId: actor.tenantId,
      name: h.name,
      createdByOrganisationId: organisationId,
    })),
  );
}

export async function insertMembers(tx: Database, actor: Actor, rows: NewMember[]) {
  await insertMany(
    tx,
    householdMembers,
    rows.map((m) => ({
      tenantId: actor.tenantId,
      householdId: m.householdId,
      personId: m.personId,
      relation: m.relation,
    })),
  );
}
