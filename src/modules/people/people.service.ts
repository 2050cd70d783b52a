import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { prepared, runWithGenericPlan, stringPlaceholder } from '../../db/prepared';
import { arrayLiteral } from '../../db/sql-helpers';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { AppError, badRequest, conflict, notFound } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { type Actor, requireOrganisation, requirePermission } from '../access/access.policy';
import {
  actorAsPlaceholders,
  consentCovers,
  consentKeeper,
  ownWorkWithPerson,
  peopleNamed,
  personAccess,
  personTokensAdmit,
} from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import {
  ADDRESS_KEY_SQL,
  addressKey,
  kanaKey,
  nameKey,
  phoneKey,
  queryGrams,
  searchGrams,
} from './name-normalise';
import type { DuplicateQuery, Person, PersonInput, PersonSearch, PersonUpdate } from './people.schemas';
import { personColumns, persons } from './people.tables';

type PersonRow = Pick<typeof persons.$inferSelect, keyof typeof personColumns>;

const fullName = (p: { familyName?: string | null; givenName?: string | null }) =>
  `${p.familyName ?? ''}${p.givenName ?? ''}`;
const fullKana = (p: { familyNameKana?: string | null; givenNameKana?: string | null }) =>
  `${p.familyNameKana ?? ''}${p.givenNameKana ?? ''}`;

export function searchKeys(p: Omit<PersonInput, 'ageBand'> | PersonRow) {
  const keys = { nameKey: nameKey(fullName(p)), kanaKey: kanaKey(fullKana(p)) };
  return {
    ...keys,
    phoneKeys: (p.phones ?? []).map(phoneKey).filter((k) => k.length > 0),
    nameGrams: searchGrams(keys.nameKey, keys.kanaKey),
    addressGrams: p.address ? searchGrams(addressKey(p.address)) : [],
  };
}

export function presentPerson(row: PersonRow, contactVisible: boolean): Person {
  return {
    id: row.id,
    familyName: row.familyName,
    givenName: row.givenName,
    familyNameKana: row.familyNameKana,
    givenNameKana: row.givenNameKana,
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    ageBand: row.ageBand,
    gender: row.gender,
    address: contactVisible ? row.address : null,
    phones: contactVisible ? row.phones : null,
    contactHidden: !contactVisible,
    preferredLanguage: row.preferredLanguage,
    notes: contactVisible ? row.notes : null,
    isDeceased: row.isDeceased,
    deceasedOn: row.deceasedOn,
    mergedIntoId: row.mergedIntoId,
    registeredByOrganisationId: row.createdByOrganisationId,
    registeredOn: formatWestern(row.createdAt),
    version: row.version,
  };
}

const today = () => formatWestern(now());

/** The person's contact details (address, phones, notes) may be shown to the actor. */
const contactVisibleTo = (context: ActorContext, day = today()) =>
  sql<boolean>`(${ownWorkWithPerson(context.actor, sql`${persons.id}`)} or ${consentCovers(context.actor, sql`${persons.id}`, day)})`;

/** Persons the actor may see, each with whether its contact details may be shown (on `today`). */
export function selectVisiblePersons(
  db: Database,
  context: ActorContext,
  where: SQL | undefined,
  on: { today?: string } = {},
) {
  const { actor } = context;
  return db
    .select({
      row: personColumns,
      contactVisible: contactVisibleTo(context, on.today),
    })
    .from(persons)
    .where(
      and(
        eq(persons.tenantId, actor.tenantId),
        personAccess(actor, sql`${persons.id}`, sql`${persons.createdByOrganisationId}`),
        where,
      ),
    );
}

/**
 * A new consultation for someone already registered is taken by an organisation that holds
 * their record (registered them, took a consultation, has their consent, leads a case about
 * their household) or a coordinator: a glimpse through a referral is not enough, since taking
 * a consultation opens the person's contact details and lets consent be recorded.
 */
export async function requireRecordHolder(
  tx: Database,
  context: ActorContext,
  personId: string,
  action = 'この方の相談の受付',
) {
  const [row] = await tx
    .select({ contact: contactVisibleTo(context), keeper: consentKeeper(context.actor, sql`${persons.id}`) })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.tenantId, context.actor.tenantId)));
  if (!row?.contact && !row?.keeper) {
    throw new AppError(
      403,
      'NOT_RECORD_HOLDER',
      `${action}は、記録を持つ機関（登録した機関・相談を受けた機関・同意のある機関・事例の主担当）かコーディネーターが行います。コーディネーターに依頼してください。`,
    );
  }
}

/** For other modules: the person if the actor may see them, else 404. */
export async function requireVisiblePerson(db: Database, context: ActorContext, id: string): Promise<Person> {
  const [found] = await selectVisiblePersons(db, context, eq(persons.id, id));
  if (!found) throw notFound('本人の記録');
  return presentPerson(found.row, found.contactVisible);
}

export async function createPerson(db: Database, context: ActorContext, input: PersonInput): Promise<Person> {
  requirePermission(context.actor, 'case_content.write');
  return db.transaction((tx) => createPersonIn(tx, context, input));
}

/** Inside the caller's transaction (the intake form registers the person with the consultation). */
export async function createPersonIn(
  tx: Database,
  context: ActorContext,
  input: PersonInput,
): Promise<Person> {
  const organisationId = requireOrganisation(context.actor);
  const [row] = await tx
    .insert(persons)
    .values({
      ...input,
      ...searchKeys(input),
      tenantId: context.actor.tenantId,
      createdByOrganisationId: organisationId,
      createdByUserId: context.actor.userId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, context, { action: 'person.create', targetType: 'person', targetId: row.id });
  return presentPerson(row, true);
}

export async function getPerson(db: Database, context: ActorContext, id: string): Promise<Person> {
  requirePermission(context.actor, 'case_content.read');
  return readTransaction(db, async (tx) => {
    const person = await requireVisiblePerson(tx, context, id);
    await recordAudit(tx, context, { action: 'person.read', targetType: 'person', targetId: id });
    return person;
  });
}

export async function updatePerson(db: Database, context: ActorContext, id: string, input: PersonUpdate) {
  requirePermission(context.actor, 'case_content.write');
  return db.transaction(async (tx) => {
    const [found] = await selectVisiblePersons(tx, context, eq(persons.id, id));
    if (!found) throw notFound('本人の記録');
    // What the user may not read (address, phones, notes) they may not overwrite either.
    if (
      !found.contactVisible &&
      (input.address !== undefined || input.phones !== undefined || input.notes !== undefined)
    ) {
      throw conflict('CONSENT_REQUIRED', '本人の同意がないため、連絡先と備考は変更できません。');
    }
    const { version, ...fields } = input;
    await requireVersion(tx, persons, id, version);
    const merged = { ...found.row, ...fields };
    const [row] = await tx
      .update(persons)
      .set({ ...fields, ...searchKeys(merged) })
      .where(eq(persons.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordAudit(tx, context, {
      action: 'person.update',
      targetType: 'person',
      targetId: id,
      detail: { fields: Object.keys(fields) },
    });
    return presentPerson(row, found.contactVisible);
  });
}

/**
 * Rows of the persons_search view (alias ps) that meet a condition on its gram columns: the
 * view applies the tenant itself, so that GIN indexes serve these operators (see migration
 * 0006: under row-level security PostgreSQL uses no index for operators that are not leakproof).
 * MATERIALIZED plans the candidates on their own: merged into the outer query, whose quals all
 * carry the security level of its row-level security, the GIN index would not be used either.
 * With the actor, candidates whose access tokens the actor holds none of are dropped here, before
 * their rows are read again for the access rules.
 */
const searchCandidates = (condition: SQL, actor?: Actor) =>
  sql`${persons.id} in (with candidates as materialized (select ps.id from persons_search ps where ${condition}
                          ${actor ? sql`and ${personTokensAdmit(actor, sql`ps.id`)}` : sql``})
                        select id from candidates)`;

function duplicateConditions(query: DuplicateQuery) {
  const name = nameKey(`${query.familyName}${query.givenName}`);
  const kana = kanaKey(`${query.familyNameKana}${query.givenNameKana}`);
  const phones = query.phones.map(phoneKey).filter((p) => p.length >= 6);
  const byKana =
    kana && query.birthDate
      ? and(eq(persons.kanaKey, kana), eq(persons.birthDate, query.birthDate))
      : undefined;
  const byName =
    name && query.birthDate
      ? and(eq(persons.nameKey, name), eq(persons.birthDate, query.birthDate))
      : undefined;
  const byPhone =
    phones.length > 0 ? searchCandidates(sql`ps.phone_keys && ${sql.param(phones)}::text[]`) : undefined;
  return { byKana, byName, byPhone, any: or(byKana, byName, byPhone) };
}

/** 名寄せ before saving: likely duplicates by kana + birth date, name + birth date, or phone. */
export async function findDuplicates(db: Database, context: ActorContext, query: DuplicateQuery) {
  requirePermission(context.actor, 'case_content.write');
  const conditions = duplicateConditions(query);
  if (!conditions.any) return { candidates: [], elsewhere: 0 };
  // A phone matches only where the user may see the phone: the check must not confirm a number.
  const byPhoneSeen = conditions.byPhone ? and(conditions.byPhone, contactVisibleTo(context)) : undefined;
  const byNameOrKana = or(conditions.byKana, conditions.byName);
  return db.transaction(async (tx) => {
    const visible = await selectVisiblePersons(
      tx,
      context,
      and(isNull(persons.mergedIntoId), or(byNameOrKana, byPhoneSeen)),
    ).limit(20);
    const [hidden] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .where(
        and(
          eq(persons.tenantId, context.actor.tenantId),
          isNull(persons.mergedIntoId),
          byNameOrKana ?? sql`false`,
          sql`not ${personAccess(context.actor, sql`${persons.id}`)}`,
        ),
      );
    const contactShown = new Set(visible.filter((v) => v.contactVisible).map((v) => v.row.id));
    const reasonsOf = (row: PersonRow) => {
      const reasons: ('kana_and_birth_date' | 'name_and_birth_date' | 'phone')[] = [];
      const kana = kanaKey(`${query.familyNameKana}${query.givenNameKana}`);
      const name = nameKey(`${query.familyName}${query.givenName}`);
      if (kana && row.kanaKey === kana && row.birthDate === query.birthDate)
        reasons.push('kana_and_birth_date');
      if (name && row.nameKey === name && row.birthDate === query.birthDate)
        reasons.push('name_and_birth_date');
      const phones = new Set(query.phones.map(phoneKey));
      if (row.phoneKeys.some((p) => phones.has(p)) && contactShown.has(row.id)) reasons.push('phone');
      return reasons;
    };
    await recordAudit(tx, context, {
      action: 'person.duplicate_check',
      detail: { candidates: visible.length, elsewhere: hidden?.n ?? 0 },
    });
    return {
      candidates: visible.map((v) => ({
        person: presentPerson(v.row, v.contactVisible),
        reasons: reasonsOf(v.row),
      })),
      elsewhere: hidden?.n ?? 0,
    };
  });
}

export async function searchPeople(
  db: Database,
  context: ActorContext,
  search: PersonSearch,
): Promise<Person[]> {
  requirePermission(context.actor, 'case_content.read');
  // a name of symbols only (「・・」) has no key to look for: as if none was given
  const name = nameKey(search.q ?? '');
  const kana = kanaKey(search.q ?? '');
  const gramLists =
    name || kana ? [...new Map([name, kana].map((key) => [key, queryGrams(key)])).values()] : [];
  const address = search.address ? addressKey(search.address) : null;
  if (address !== null && Array.from(address).length < 2)
    throw badRequest('SEARCH_TOO_SHORT', '住所は2文字以上で検索してください。');
  if (gramLists.length === 0 && !search.birthDate && !search.phone && address === null)
    throw badRequest('SEARCH_TOO_BROAD', '氏名・生年月日・電話番号・住所のいずれかを入力してください。');
  // A single character finds names that start with it (林 finds 林, not every 小林).
  const pattern = (key: string) => (Array.from(key).length === 1 ? `${key}%` : `%${key}%`);
  // built once for each shape of search and of access; the values go with each run
  const standIn = actorAsPlaceholders(context.actor);
  const shape = {
    names: gramLists.length,
    birthDate: Boolean(search.birthDate),
    phone: Boolean(search.phone),
    address: address !== null,
  };
  const key = `people_search_${standIn.shape}_${shape.names}${shape.birthDate ? 'b' : ''}${shape.phone ? 'p' : ''}${shape.address ? 'a' : ''}`;
  const values = {
    ...standIn.values,
    namePattern: pattern(name),
    kanaPattern: pattern(kana),
    ...Object.fromEntries(gramLists.map((grams, i) => [`grams${i}`, grams])),
    birthDate: search.birthDate ?? null,
    phone: search.phone ? phoneKey(search.phone) : null,
    addressGrams: address === null ? null : arrayLiteral(queryGrams(address)),
    addressPattern: `%${address ?? ''}%`,
    today: today(),
    limit: search.limit,
  };
  return readTransaction(db, async (tx) => {
    const query = prepared(tx, key, (d) => {
      const built = { ...context, actor: standIn.actor };
      return selectVisiblePersons(d, built, and(...searchFilters(built, shape)), {
        today: stringPlaceholder('today'),
      })
        .orderBy(persons.kanaKey, persons.id)
        .limit(sql.placeholder('limit'))
        .prepare(key);
    });
    const rows = await runWithGenericPlan(tx, { execute: () => query.execute(values) });
    await recordAudit(tx, context, {
      action: 'person.search',
      detail: {
        criteria: Object.keys(search).filter((k) => k !== 'limit'),
        results: rows.length,
        ids: rows.map((r) => r.row.id),
      },
    });
    return rows.map((r) => presentPerson(r.row, r.contactVisible));
  });
}

/** The conditions of a search of this shape, with its values as placeholders (searchPeople). */
function searchFilters(
  context: ActorContext,
  shape: { names: number; birthDate: boolean; phone: boolean; address: boolean },
): SQL[] {
  const { actor } = context;
  const filters: SQL[] = [isNull(persons.mergedIntoId) as SQL];
  if (shape.names > 0) {
    // The index of token-and-gram pairs narrows to candidates the actor may be shown; LIKE keeps
    // only real substrings.
    const gramLists = Array.from({ length: shape.names }, (_, i) => sql`${sql.placeholder(`grams${i}`)}`);
    filters.push(
      sql`${persons.id} in (with candidates as materialized (
            select ps.id from persons_search ps
             where ps.id in (${peopleNamed(actor, gramLists)})
               and (ps.name_key like ${sql.placeholder('namePattern')} or ps.kana_key like ${sql.placeholder('kanaPattern')}))
          select id from candidates)`,
    );
  }
  if (shape.birthDate) filters.push(eq(persons.birthDate, sql.placeholder('birthDate')));
  // Address and phone match only where the user may see them: a search must not reveal them.
  if (shape.phone || shape.address) filters.push(contactVisibleTo(context, stringPlaceholder('today')));
  if (shape.phone)
    filters.push(searchCandidates(sql`ps.phone_keys @> array[${sql.placeholder('phone')}]::text[]`, actor));
  if (shape.address)
    filters.push(
      searchCandidates(
        sql`ps.address_grams @> ${sql.placeholder('addressGrams')}::text[]
          and ${sql.raw(ADDRESS_KEY_SQL('ps.address'))} like ${sql.placeholder('addressPattern')}`,
        actor,
      ),
    );
  return filters;
}
