// A synthetic city at a given size: households with Japanese names, kana and addresses,
// consultations at the demo organisations, and referrals between them. For benchmarks and
// demos; every name is drawn from common name parts, so no real person is described.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import { arrayLiteral } from '../src/db/sql-helpers';
import { organisations } from '../src/modules/organisations/organisations.tables';
import { deferAccessTokens, refreshAccessTokens } from '../src/modules/people/access-tokens';
import { addressKey, kanaKey, nameKey, phoneKey, searchGrams } from '../src/modules/people/name-normalise';
import { tenants } from '../src/modules/tenants/tenants.tables';

// The commonest surnames with their approximate share of the population (%), then a long
// tail of composed names, as in a real city where the top 20 cover about 15% of residents.
const COMMON_FAMILY: [string, string, number][] = [
  ['佐藤', 'サトウ', 1.5],
  ['鈴木', 'スズキ', 1.4],
  ['高橋', 'タカハシ', 1.0],
  ['髙橋', 'タカハシ', 0.1],
  ['田中', 'タナカ', 1.0],
  ['伊藤', 'イトウ', 0.9],
  ['渡辺', 'ワタナベ', 0.8],
  ['渡邉', 'ワタナベ', 0.1],
  ['山本', 'ヤマモト', 0.9],
  ['中村', 'ナカムラ', 0.85],
  ['小林', 'コバヤシ', 0.8],
  ['加藤', 'カトウ', 0.7],
  ['吉田', 'ヨシダ', 0.7],
  ['山田', 'ヤマダ', 0.65],
  ['佐々木', 'ササキ', 0.55],
  ['山口', 'ヤマグチ', 0.5],
  ['松本', 'マツモト', 0.5],
  ['井上', 'イノウエ', 0.5],
  ['木村', 'キムラ', 0.45],
  ['林', 'ハヤシ', 0.4],
  ['斎藤', 'サイトウ', 0.25],
  ['斉藤', 'サイトウ', 0.15],
  ['齋藤', 'サイトウ', 0.05],
  ['清水', 'シミズ', 0.4],
];
const PREFIX: [string, string][] = [
  ['上', 'ウエ'],
  ['中', 'ナカ'],
  ['北', 'キタ'],
  ['南', 'ミナミ'],
  ['東', 'ヒガシ'],
  ['西', 'ニシ'],
  ['大', 'オオ'],
  ['小', 'コ'],
  ['石', 'イシ'],
  ['岡', 'オカ'],
  ['森', 'モリ'],
  ['池', 'イケ'],
  ['川', 'カワ'],
  ['松', 'マツ'],
  ['竹', 'タケ'],
  ['梅', 'ウメ'],
  ['杉', 'スギ'],
  ['青', 'アオ'],
  ['白', 'シラ'],
  ['黒', 'クロ'],
  ['金', 'カネ'],
  ['今', 'イマ'],
  ['古', 'フル'],
  ['宮', 'ミヤ'],
  ['藤', 'フジ'],
  ['長', 'ナガ'],
  ['永', 'ナガ'],
  ['福', 'フク'],
  ['浅', 'アサ'],
  ['平', 'ヒラ'],
  ['堀', 'ホリ'],
  ['桑', 'クワ'],
  ['柳', 'ヤナギ'],
  ['原', 'ハラ'],
  ['坂', 'サカ'],
];
const SUFFIX: [string, string][] = [
  ['田', 'タ'],
  ['野', 'ノ'],
  ['川', 'カワ'],
  ['山', 'ヤマ'],
  ['本', 'モト'],
  ['村', 'ムラ'],
  ['井', 'イ'],
  ['木', 'キ'],
  ['沢', 'サワ'],
  ['原', 'ハラ'],
  ['島', 'シマ'],
  ['崎', 'サキ'],
  ['谷', 'タニ'],
  ['口', 'グチ'],
  ['橋', 'ハシ'],
  ['内', 'ウチ'],
  ['尾', 'オ'],
  ['部', 'ベ'],
];
const TAIL_FAMILY: [string, string][] = PREFIX.flatMap(([p, pk]) =>
  SUFFIX.map(([s, sk]): [string, string] => [p + s, pk + sk]),
);
// A city has a few hundred town names (町名); these are composed the same way.
const TOWNS = PREFIX.flatMap(([p]) => ['町', '台', '丘', '浜', '原', '野'].map((s) => p + s));
const COMMON_SHARE = COMMON_FAMILY.reduce((sum, [, , share]) => sum + share, 0) / 100;

function pickFamily(): [string, string] {
  let r = random();
  if (r < COMMON_SHARE) {
    for (const [name, kana, share] of COMMON_FAMILY) {
      r -= share / 100;
      if (r < 0) return [name, kana];
    }
  }
  return pick(TAIL_FAMILY);
}

const GIVEN_STEMS: [string, string][] = [
  ['健', 'ケン'],
  ['大', 'ダイ'],
  ['翔', 'ショウ'],
  ['拓', 'タク'],
  ['和', 'カズ'],
  ['正', 'マサ'],
  ['幸', 'ユキ'],
  ['信', 'ノブ'],
  ['義', 'ヨシ'],
  ['秀', 'ヒデ'],
  ['康', 'ヤス'],
  ['直', 'ナオ'],
  ['光', 'ミツ'],
  ['春', 'ハル'],
  ['夏', 'ナツ'],
  ['秋', 'アキ'],
  ['明', 'アキ'],
  ['智', 'トモ'],
  ['浩', 'ヒロ'],
  ['隆', 'タカ'],
  ['裕', 'ユウ'],
  ['恭', 'キョウ'],
  ['文', 'フミ'],
  ['久', 'ヒサ'],
  ['博', 'ヒロ'],
];
const GIVEN_ENDINGS: [string, string][] = [
  ['郎', 'ロウ'],
  ['太', 'タ'],
  ['介', 'スケ'],
  ['也', 'ヤ'],
  ['樹', 'キ'],
  ['人', 'ト'],
  ['子', 'コ'],
  ['美', 'ミ'],
  ['香', 'カ'],
  ['奈', 'ナ'],
  ['恵', 'エ'],
  ['代', 'ヨ'],
];
const GIVEN: [string, string][] = GIVEN_STEMS.flatMap(([s, sk]) =>
  GIVEN_ENDINGS.map(([e, ek]): [string, string] => [s + e, sk + ek]),
);
const OUTCOMES = ['handled_here', 'refer_agency', 'refer_multi_agency', 'info_only'] as const;
const REFERRAL_STATUSES = ['requested', 'accepted', 'in_progress', 'completed', 'declined'] as const;

// Deterministic, so that two runs of a benchmark measure the same city: mulberry32, in 32-bit
// integer arithmetic. (A multiply-and-modulo generator in floating point lost its low bits and
// went round a cycle of about 10,000 draws, so the city repeated itself: every 2,000th case alike.)
let seed = 20261122;
export const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export type CitySize = {
  households: number;
  /** All consultations, the first of each household's included (one per household when left out). */
  consultations?: number;
  /** Consultations spread over the last this many years (from 2024 over three years when left out). */
  years?: number;
};
const YEAR = 365 * 86_400_000;
const FROM_2024 = Date.UTC(2024, 0, 1);

export async function generateCity(db: Database, size: CitySize, onProgress?: (done: number) => void) {
  const [tenant] = await db.select().from(tenants).limit(1);
  if (!tenant) throw new Error('no tenant: start with the demo city');
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.tenantId} = ${tenant.id}`);
  const today = Date.now();
  // The consultations after each household's first, on average; a fraction draws one more.
  const extraShare = Math.max(0, (size.consultations ?? size.households) / size.households - 1);
  const extraPerHousehold = () =>
    extraShare === 0 ? 0 : Math.floor(extraShare) + (random() < extraShare % 1 ? 1 : 0);
  const batch = 500;
  for (let start = 0; start < size.households; start += batch) {
    const count = Math.min(batch, size.households - start);
    const people: Record<string, unknown>[] = [];
    const householdRows: Record<string, unknown>[] = [];
    const members: Record<string, unknown>[] = [];
    const consultationRows: Record<string, unknown>[] = [];
    const referralRows: Record<string, unknown>[] = [];
    const consult = (personId: string, householdId: string, org: string) => {
      const consultationId = crypto.randomUUID();
      const outcome = pick(OUTCOMES);
      const receivedAt = new Date(
        size.years ? today - random() * size.years * YEAR : FROM_2024 + random() * 3 * YEAR,
      );
      if (outcome === 'refer_agency' || outcome === 'refer_multi_agency') {
        const toMultiAgency = outcome === 'refer_multi_agency';
        const target = pick(orgs).id;
        referralRows.push({
          tenant_id: tenant.id,
          consultation_id: consultationId,
          person_id: personId,
          household_id: householdId,
          from_organisation_id: org,
          to_organisation_id: toMultiAgency || target === org ? null : target,
          to_multi_agency: toMultiAgency || target === org,
          main_complaint: '生活全般についての相談',
          reason: '専門的な支援が必要なため',
          status: pick(REFERRAL_STATUSES),
          sent_at: receivedAt.toISOString(),
        });
      }
      consultationRows.push({
        id: consultationId,
        tenant_id: tenant.id,
        organisation_id: org,
        received_at: receivedAt.toISOString(),
        channel: 'phone',
        brought_by: 'self',
        person_id: personId,
        household_id: householdId,
        main_complaint: '生活全般についての相談',
        issues: ['poverty'],
        outcome,
        share_consent: 'not_asked',
      });
    };
    for (let h = 0; h < count; h++) {
      const householdId = crypto.randomUUID();
      const householdPeople: string[] = [];
      const org = pick(orgs).id;
      const [family, familyKana] = pickFamily();
      const address = `つなぐ市${pick(TOWNS)}${1 + Math.floor(random() * 5)}-${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 20)}`;
      householdRows.push({
        id: householdId,
        tenant_id: tenant.id,
        name: `${family}さん世帯`,
        address,
        created_by_organisation_id: org,
      });
      const size = 1 + Math.floor(random() * 3);
      for (let m = 0; m < size; m++) {
        const id = crypto.randomUUID();
        const [given, givenKana] = pick(GIVEN);
        const year = 1935 + Math.floor(random() * 80);
        const birthDate = `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
        const phone = `090-${pad(Math.floor(random() * 10_000), 4)}-${pad(Math.floor(random() * 10_000), 4)}`;
        people.push({
          id,
          tenant_id: tenant.id,
          family_name: family,
          given_name: given,
          family_name_kana: familyKana,
          given_name_kana: givenKana,
          birth_date: birthDate,
          address,
          phones: [phone],
          created_by_organisation_id: org,
          name_key: nameKey(`${family}${given}`),
          kana_key: kanaKey(`${familyKana}${givenKana}`),
          phone_keys: [phoneKey(phone)],
          name_grams: searchGrams(nameKey(`${family}${given}`), kanaKey(`${familyKana}${givenKana}`)),
          address_grams: searchGrams(addressKey(address)),
        });
        members.push({
          tenant_id: tenant.id,
          household_id: householdId,
          person_id: id,
          relation: m === 0 ? '本人' : '同居家族',
        });
        householdPeople.push(id);
        if (m === 0) consult(id, householdId, org);
      }
      // Later consultations of the same household over the years, at any organisation.
      for (let extra = extraPerHousehold(); extra > 0; extra--)
        consult(pick(householdPeople), householdId, pick(orgs).id);
    }
    await db.transaction(async (tx) => {
      await deferAccessTokens(tx);
      await insertRows(tx, 'persons', people);
      await insertRows(tx, 'households', householdRows);
      await insertRows(tx, 'household_members', members);
      await insertRows(tx, 'consultations', consultationRows);
      await insertRows(tx, 'referrals', referralRows);
    });
    onProgress?.(start + count);
  }
  await db.execute(sql`analyze`);
  await refreshAccessTokens(db, [tenant.id]);
}

/** Rows in multi-row inserts, as many per statement as PostgreSQL's 65,535 parameters allow. */
export async function insertRows(db: Database, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const perStatement = Math.floor(60_000 / columns.length);
  for (let at = 0; at < rows.length; at += perStatement)
    await insertStatement(db, table, columns, rows.slice(at, at + perStatement));
}

async function insertStatement(
  db: Database,
  table: string,
  columns: string[],
  rows: Record<string, unknown>[],
) {
  const values = rows.map(
    (row) =>
      sql`(${sql.join(
        columns.map((c) => sql`${Array.isArray(row[c]) ? arrayLiteral(row[c]) : row[c]}`),
        sql`, `,
      )})`,
  );
  await db.execute(
    sql`insert into ${sql.identifier(table)} (${sql.raw(columns.map((c) => `"${c}"`).join(', '))}) values ${sql.join(values, sql`, `)}`,
  );
}
