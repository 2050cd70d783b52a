import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { formatWestern } from '../../shared/dates';
import { personName } from '../../shared/names';
import type { Actor } from '../access/access.policy';
import { consentCovers, consentKeeper, ownWorkWithPerson, personAccess } from '../access/case-scope';
import { organisations } from '../organisations/organisations.tables';
import { kanaKey, nameKey, phoneKey } from '../people/name-normalise';
import { persons } from '../people/people.tables';
import type { RowPlan } from './import-rows';

// 名寄せ for a whole file, with the rules of the intake form's duplicate check (people.service
// findDuplicates): the same フリガナ and birth date, the same name and birth date, or the same
// phone number. A few statements for the whole file, not one per row. A person the importing
// user may not see is never shown: the row only says that a possible duplicate exists elsewhere.

export type MatchReason = 'kana_and_birth_date' | 'name_and_birth_date' | 'phone';

export type Candidate = {
  personId: string;
  name: string;
  kana: string | null;
  birthDate: string | null;
  /** Shown only when the user may see the person's contact details. */
  address: string | null;
  registeredBy: string;
  reasons: MatchReason[];
  /** The user's organisation holds the record (or is a coordinator): the row may be added to it. */
  canLink: boolean;
};

/** An earlier row of the file that looks like the same person, and why. */
export type SameAsRow = { row: number; reasons: MatchReason[] };

export type RowMatch = {
  row: number;
  candidates: Candidate[];
  /** Earlier rows of the file that look like the same person. */
  sameAsRows: SameAsRow[];
  /** A likely match the user may not see exists (no data about it is given). */
  elsewhere: boolean;
};

export type MatchKeys = {
  row: number;
  name: string;
  kana: string;
  birthDate: string | null;
  phones: string[];
  /** The row's 世帯番号 (null when it has none). */
  household: string | null;
};

export function keysOf(plan: RowPlan): MatchKeys {
  const p = plan.person;
  return {
    row: plan.row,
    name: nameKey(`${p.familyName}${p.givenName ?? ''}`),
    kana: kanaKey(`${p.familyNameKana ?? ''}${p.givenNameKana ?? ''}`),
    birthDate: p.birthDate,
    phones: p.phones.map(phoneKey).filter((k) => k.length >= 6),
    household: plan.household?.key ?? null,
  };
}

/**
 * Earlier rows of the file with the same keys (a ledger may hold one person on many rows), with
 * the reasons. A phone shared by rows of the same 世帯番号 is the household's phone, not a sign
 * of the same person (a couple on one landline), so it proposes nothing.
 */
export function duplicatesInFile(keys: MatchKeys[]): Map<number, SameAsRow[]> {
  const first = new Map<string, MatchKeys>();
  const found = new Map<number, SameAsRow[]>();
  for (const k of keys) {
    const own: [string, MatchReason][] = [];
    if (k.birthDate && k.kana) own.push([`k:${k.kana}:${k.birthDate}`, 'kana_and_birth_date']);
    if (k.birthDate && k.name) own.push([`n:${k.name}:${k.birthDate}`, 'name_and_birth_date']);
    for (const phone of k.phones) own.push([`p:${phone}`, 'phone']);
    const earlier = new Map<number, MatchReason[]>();
    for (const [key, reason] of own) {
      const before = first.get(key);
      if (before === undefined) first.set(key, k);
      else if (!(reason === 'phone' && k.household !== null && before.household === k.household)) {
        const reasons = earlier.get(before.row) ?? [];
        if (!reasons.includes(reason)) reasons.push(reason);
        earlier.set(before.row, reasons);
      }
    }
    if (earlier.size > 0)
      found.set(
        k.row,
        [...earlier]
          .sort(([a], [b]) => a - b)
          .slice(0, 5)
          .map(([row, reasons]) => ({ row, reasons })),
      );
  }
  return found;
}

type Hit = { row: number; id: string; reason: MatchReason };

async function hitsByKeys(tx: Database, tenantId: string, keys: MatchKeys[]): Promise<Hit[]> {
  const dated = keys.filter((k) => k.birthDate && (k.name || k.kana));
  const hits: Hit[] = [];
  if (dated.length > 0) {
    const rows = await queryRows<{ row: number; id: string; by_kana: boolean; by_name: boolean }>(
      tx,
      sql`with input as (
            select * from unnest(${sql.param(dated.map((k) => k.row))}::int[], ${sql.param(dated.map((k) => k.name))}::text[],
                                 ${sql.param(dated.map((k) => k.kana))}::text[], ${sql.param(dated.map((k) => k.birthDate))}::date[])
              as i(row, name_key, kana_key, birth_date))
          select i.row, p.id::text as id,
                 (i.kana_key <> '' and p.kana_key = i.kana_key) as by_kana,
                 (i.name_key <> '' and p.name_key = i.name_key) as by_name
            from input i
            join persons p on p.tenant_id = ${tenantId} and p.birth_date = i.birth_date and p.merged_into_id is null
             and ((i.kana_key <> '' and p.kana_key = i.kana_key) or (i.name_key <> '' and p.name_key = i.name_key))`,
    );
    for (const r of rows) {
      if (r.by_kana) hits.push({ row: r.row, id: r.id, reason: 'kana_and_birth_date' });
      if (r.by_name) hits.push({ row: r.row, id: r.id, reason: 'name_and_birth_date' });
    }
  }
  const phoneRows = keys.flatMap((k) => k.phones.map((phone) => ({ row: k.row, phone })));
  if (phoneRows.length > 0) {
    // persons_search: the view that lets the phone keys be read under row-level security
    const rows = await queryRows<{ row: number; id: string }>(
      tx,
      sql`with f as (select * from unnest(${sql.param(phoneRows.map((p) => p.row))}::int[],
                                        ${sql.param(phoneRows.map((p) => p.phone))}::text[]) as f(row, phone_key)),
               ps as (select id, unnest(phone_keys) as phone_key from persons_search where merged_into_id is null)
          select distinct f.row, ps.id::text as id from f join ps on ps.phone_key = f.phone_key`,
    );
    for (const r of rows) hits.push({ row: r.row, id: r.id, reason: 'phone' });
  }
  return hits;
}

type Seen = Omit<Candidate, 'reasons'> & { visible: boolean; contactVisible: boolean };

async function describePeople(tx: Database, actor: Actor, ids: string[]): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  if (ids.length === 0) return seen;
  const today = formatWestern(now());
  const id = sql`${persons.id}`;
  const rows = await tx
    .select({
      row: persons,
      registeredBy: organisations.name,
      visible: personAccess(actor, id, sql`${persons.createdByOrganisationId}`),
      contactVisible: sql<boolean>`(${ownWorkWithPerson(actor, id)} or ${consentCovers(actor, id, today)})`,
      keeper: consentKeeper(actor, id),
    })
    .from(persons)
    .innerJoin(organisations, eq(organisations.id, persons.createdByOrganisationId))
    .where(and(eq(persons.tenantId, actor.tenantId), sql`${persons.id} = any(${sql.param(ids)}::uuid[])`));
  for (const r of rows) {
    const p = r.row;
    seen.set(p.id, {
      personId: p.id,
      name: personName(p),
      kana: [p.familyNameKana, p.givenNameKana].filter(Boolean).join(' ') || null,
      birthDate: p.birthDate,
      address: r.contactVisible ? p.address : null,
      registeredBy: r.registeredBy,
      canLink: r.visible === true && (r.contactVisible === true || r.keeper === true),
      visible: r.visible === true,
      contactVisible: r.contactVisible === true,
    });
  }
  return seen;
}

const CHUNK = 20_000;

/**
 * Matches of these rows against the municipality's people, and against earlier rows of the file;
 * with the ids of the people behind the bare 'elsewhere' notices, for the audit only (a notice
 * tells the user that someone they may not see has that name and birth date).
 */
export async function matchRows(
  tx: Database,
  actor: Actor,
  keys: MatchKeys[],
  progress: (done: number, total: number) => void,
): Promise<{ matches: RowMatch[]; hiddenIds: string[] }> {
  const inFile = duplicatesInFile(keys);
  const hits: Hit[] = [];
  for (let at = 0; at < keys.length; at += CHUNK) {
    hits.push(...(await hitsByKeys(tx, actor.tenantId, keys.slice(at, at + CHUNK))));
    progress(Math.min(at + CHUNK, keys.length), keys.length);
  }
  const seen = await describePeople(tx, actor, [...new Set(hits.map((h) => h.id))]);
  const byRow = new Map<number, { candidates: Map<string, Candidate>; elsewhere: boolean }>();
  const hidden = new Set<string>();
  for (const hit of hits) {
    const person = seen.get(hit.id);
    if (!person) continue;
    const entry = byRow.get(hit.row) ?? { candidates: new Map(), elsewhere: false };
    byRow.set(hit.row, entry);
    // a phone matches only where the user may see the phone: the check must not confirm a number
    if (!person.visible || (hit.reason === 'phone' && !person.contactVisible)) {
      if (hit.reason !== 'phone') {
        entry.elsewhere = true;
        hidden.add(hit.id);
      }
      continue;
    }
    const { visible: _v, contactVisible: _c, ...shown } = person;
    const candidate = entry.candidates.get(hit.id) ?? { ...shown, reasons: [] };
    if (!candidate.reasons.includes(hit.reason)) candidate.reasons.push(hit.reason);
    entry.candidates.set(hit.id, candidate);
  }
  const matches: RowMatch[] = [];
  for (const { row } of keys) {
    const entry = byRow.get(row);
    const sameAsRows = inFile.get(row) ?? [];
    const candidates = [...(entry?.candidates.values() ?? [])];
    if (candidates.length === 0 && sameAsRows.length === 0 && !entry?.elsewhere) continue;
    matches.push({
      row,
      candidates: candidates.slice(0, 10),
      sameAsRows,
      elsewhere: entry?.elsewhere ?? false,
    });
  }
  return { matches, hiddenIds: [...hidden] };
}
