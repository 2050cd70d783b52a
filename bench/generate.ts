// A synthetic city at a given size: households with Japanese names, kana and addresses,
// consultations at the demo organisations, and referrals between them. For benchmarks and
// demos; every name is drawn from common name parts, so no real person is described.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import { organisations } from '../src/modules/organisations/organisations.tables';
import { kanaKey, nameKey, phoneKey } from '../src/modules/people/name-normalise';
import { tenants } from '../src/modules/tenants/tenants.tables';

const FAMILY: [string, string][] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['髙橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['渡邉', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['斉藤', 'サイトウ'],
  ['齋藤', 'サイトウ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['前田', 'マエダ'],
];
const GIVEN: [string, string][] = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['幸子', 'サチコ'],
  ['健', 'ケン'],
  ['恵子', 'ケイコ'],
  ['誠', 'マコト'],
  ['由美', 'ユミ'],
  ['翔太', 'ショウタ'],
  ['美咲', 'ミサキ'],
  ['浩', 'ヒロシ'],
  ['久美子', 'クミコ'],
  ['大輔', 'ダイスケ'],
  ['陽子', 'ヨウコ'],
  ['拓也', 'タクヤ'],
  ['和子', 'カズコ'],
  ['修', 'オサム'],
  ['直美', 'ナオミ'],
  ['勇気', 'ユウキ'],
  ['ハル', 'ハル'],
];
const TOWNS = ['北山', '川辺', '緑ヶ丘', '朝日', '東町', '港', '南浜', '汐見', '西原', '桜台'];
const OUTCOMES = ['handled_here', 'refer_agency', 'refer_multi_agency', 'info_only'] as const;

// Deterministic, so that two runs of a benchmark measure the same city.
let seed = 20261122;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export type CitySize = { households: number };

export async function generateCity(db: Database, size: CitySize, onProgress?: (done: number) => void) {
  const [tenant] = await db.select().from(tenants).limit(1);
  if (!tenant) throw new Error('no tenant: start with the demo city');
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.tenantId} = ${tenant.id}`);
  const batch = 500;
  for (let start = 0; start < size.households; start += batch) {
    const count = Math.min(batch, size.households - start);
    const people: Record<string, unknown>[] = [];
    const householdRows: Record<string, unknown>[] = [];
    const members: Record<string, unknown>[] = [];
    const consultationRows: Record<string, unknown>[] = [];
    for (let h = 0; h < count; h++) {
      const householdId = crypto.randomUUID();
      const org = pick(orgs).id;
      const [family, familyKana] = pick(FAMILY);
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
        });
        members.push({
          tenant_id: tenant.id,
          household_id: householdId,
          person_id: id,
          relation: m === 0 ? '本人' : '同居家族',
        });
        if (m === 0) {
          consultationRows.push({
            tenant_id: tenant.id,
            organisation_id: org,
            received_at: new Date(Date.UTC(2024, 0, 1) + random() * 3 * 365 * 86_400_000).toISOString(),
            channel: 'phone',
            brought_by: 'self',
            person_id: id,
            household_id: householdId,
            main_complaint: '生活全般についての相談',
            issues: ['poverty'],
            outcome: pick(OUTCOMES),
            share_consent: 'not_asked',
          });
        }
      }
    }
    await insertRows(db, 'persons', people);
    await insertRows(db, 'households', householdRows);
    await insertRows(db, 'household_members', members);
    await insertRows(db, 'consultations', consultationRows);
    onProgress?.(start + count);
  }
  await db.execute(sql`analyze`);
}

async function insertRows(db: Database, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const values = rows.map(
    (row) =>
      sql`(${sql.join(
        columns.map((c) => sql`${toParam(row[c])}`),
        sql`, `,
      )})`,
  );
  await db.execute(
    sql`insert into ${sql.identifier(table)} (${sql.raw(columns.map((c) => `"${c}"`).join(', '))}) values ${sql.join(values, sql`, `)}`,
  );
}

// Arrays travel as PostgreSQL array literals ({"a","b"}), which both engines read into text[].
const toParam = (value: unknown) =>
  Array.isArray(value)
    ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
    : value;
