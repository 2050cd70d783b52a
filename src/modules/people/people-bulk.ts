import { insertMany } from '../../db/bulk-insert';
import type { Database } from '../../db/client';
import type { Actor } from '../access/access.policy';
import type { PersonInput } from './people.schemas';
import { searchKeys } from './people.service';
import { persons } from './people.tables';

// Many people registered at once (the import of a municipality's spreadsheet), with the same
// search keys as one registered on the form. The caller audits the ids in its transaction.

export type NewPerson = { id: string; input: PersonInput };

export async function insertPeople(tx: Database, actor: Actor, organisationId: string, people: NewPerson[]) {
  await insertMany(
    tx,
    persons,
    people.map(({ id, input }) => ({
      id,
      tenantId: actor.tenantId,
      familyName: input.familyName,
      givenName: input.givenName,
      familyNameKana: input.familyNameKana,
      givenNameKana: input.givenNameKana,
      birthDate: input.birthDate,
      birthYear: input.birthYear,
      ageBand: input.ageBand,
      gender: input.gender,
      address: input.address,
      phones: input.phones,
      preferredLanguage: input.preferredLanguage,
      notes: input.notes,
      isDeceased: input.isDeceased,
      deceasedOn: input.deceasedOn,
      createdByOrganisationId: organisationId,
      createdByUserId: actor.userId,
      ...searchKeys(input),
    })),
  );
}
