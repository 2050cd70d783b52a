import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ROLE, asApplication, type Database, queryRows } from '../../db/client';
import { type CaseWorld, openWorldCase, startCaseWorld } from '../../testing/case-world';
import { type SecondCity, startSecondCity } from '../../testing/second-city';

// Tenant isolation by the database itself: a query with no tenant condition, run as the
// application, sees only the municipality of its transaction, and the application's role can
// neither rewrite the audit log nor escape the policies.

let world: CaseWorld;
let other: SecondCity;
let demoTenant = '';
let otherTenant = '';

const count = async (db: Database, table: string) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ??
  0;

/** The database's own message when the work fails (Drizzle wraps it), or null. */
const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: { cause?: { message?: string }; message?: string }) =>
      error.cause?.message ?? error.message ?? '',
  );

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  await openWorldCase(world);
  const session = async (who: typeof world.as) =>
    (await who('coordinator').get<{ tenant: { id: string } }>('/api/auth/session')).body.tenant.id;
  demoTenant = await session(world.as);
  otherTenant = await session(other.as as unknown as typeof world.as);
});
afterAll(async () => {
  await world.server.close();
});

describe('row-level security', () => {
  it('is on, with a tenant policy, for every table that has a tenant_id', async () => {
    const rows = await queryRows<{ table_name: string; rls: boolean; policies: number }>(
      world.server.handle.owner,
      sql`select c.relname as table_name, c.relrowsecurity as rls,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r'
             and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
    );
    expect(rows.length).toBeGreaterThan(35);
    expect(rows.filter((r) => !r.rls || r.policies === 0).map((r) => r.table_name)).toEqual([]);
  });

  it('shows a query without any tenant filter only the rows of its own municipality', async () => {
    const { db, owner } = world.server.handle;
    for (const table of [
      'persons',
      'households',
      'consultations',
      'referrals',
      'cases',
      'users',
      'audit_log',
    ]) {
      const ofTenant = async (tenant: string) =>
        (
          await queryRows<{ n: number }>(
            owner,
            sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenant}`,
          )
        )[0]?.n ?? 0;
      const demo = await asApplication(db, { tenantId: demoTenant }, (tx) => count(tx, table));
      const theirs = await asApplication(db, { tenantId: otherTenant }, (tx) => count(tx, table));
      expect(demo, table).toBe(await ofTenant(demoTenant));
      expect(theirs, table).toBe(await ofTenant(otherTenant));
      expect(demo + theirs, table).toBeLessThanOrEqual(await count(owner, table));
      expect(demo, table).toBeGreaterThan(0);
      expect(theirs, table).toBeGreaterThan(0);
      expect(await asApplication(db, null, (tx) => count(tx, table)), table).toBe(
        table === 'audit_log'
          ? (
              await queryRows<{ n: number }>(
                owner,
                sql`select count(*)::int as n from audit_log where tenant_id is null`,
              )
            )[0]?.n
          : 0,
      );
    }
    // the search view applies the same condition itself
    const viewed = await asApplication(db, { tenantId: otherTenant }, (tx) => count(tx, 'persons_search'));
    expect(viewed).toBe(await asApplication(db, { tenantId: otherTenant }, (tx) => count(tx, 'persons')));
  });

  it("answers a name search's candidates of its own municipality only, whatever the caller adds", async () => {
    const { db, owner } = world.server.handle;
    const [theirs] = await queryRows<{ token: string; grams: string[] }>(
      owner,
      sql`select t.tokens[1] as token, p.name_grams[1:2] as grams from person_access_tokens t
          join persons p on p.id = t.person_id where t.person_id = ${other.ids.person}`,
    );
    if (!theirs) throw new Error('the second city has no tokens for its person');
    // a condition of the caller's that would fail on the other municipality's row, were it read
    const named = (tenantId: string) =>
      asApplication(db, { tenantId }, (tx) =>
        queryRows<{ n: string }>(
          tx,
          sql`select n::text from app_people_named(${theirs.token}, ${sql.param(theirs.grams)}::text[]) n
              where 1 / (case when n = ${other.ids.person} then 1 else 1 end) = 1`,
        ),
      );
    expect((await named(otherTenant)).map((r) => r.n)).toContain(other.ids.person);
    const leaky = (tenantId: string) =>
      asApplication(db, { tenantId }, (tx) =>
        tx.execute(sql`select count(*) from app_people_named(${theirs.token}, ${sql.param(theirs.grams)}::text[]) n
                       where 1 / (case when n = ${other.ids.person} then 0 else 1 end) = 1`),
      );
    expect(await failureOf(leaky(demoTenant))).toBeNull();
    expect(await failureOf(leaky(otherTenant))).toMatch(/division by zero/);
  });

  it("lets the application put the search keys' trigger functions on no table of its own", async () => {
    const { db } = world.server.handle;
    for (const fn of ['app_person_name_keys', 'app_person_name_keys_follow_name'])
      expect(
        await failureOf(
          asApplication(db, { tenantId: demoTenant }, async (tx) => {
            await tx.execute(sql`create temp table probe (id uuid, person_id uuid, tenant_id uuid, tokens text[],
                                 name_keys int[], name_grams text[]) on commit drop`);
            await tx.execute(
              sql`create trigger probe before insert on pg_temp.probe for each row execute function ${sql.identifier(fn)}()`,
            );
          }),
        ),
        fn,
      ).toMatch(/permission denied/);
  });

  it("lets no temporary table or type of the application's stand in for the owner's in its functions", async () => {
    const { db, owner } = world.server.handle;
    const definers = await queryRows<{ name: string; config: string[] | null }>(
      owner,
      sql`select p.proname as name, p.proconfig as config from pg_proc p
          join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.prosecdef`,
    );
    expect(definers.length).toBeGreaterThan(5);
    for (const f of definers) expect(f.config, f.name).toContain('search_path=public, pg_temp');
    const tokensOf = async () =>
      (
        await queryRows<{ tokens: string[]; keys: number }>(
          owner,
          sql`select tokens, cardinality(name_keys) as keys from person_access_tokens where person_id = ${other.ids.person}`,
        )
      )[0];
    const before = await tokensOf();
    expect(before?.tokens.length).toBeGreaterThan(0);
    // a recompute of the other municipality's person through a table of the caller's own
    await asApplication(db, { tenantId: demoTenant }, async (tx) => {
      await tx.execute(sql`create temp table persons (id uuid, tenant_id uuid, merged_into_id uuid,
        created_by_organisation_id uuid, created_by_user_id uuid, name_grams text[]) on commit drop`);
      await tx.execute(
        sql`insert into pg_temp.persons values (${other.ids.person}, ${otherTenant}, null, null, null, '{zz}')`,
      );
      await tx.execute(sql`select app_refresh_access_tokens(array[${other.ids.person}]::uuid[])`);
    });
    expect(await tokensOf()).toEqual(before);
    // a type of the caller's own, which would fail every value given to it
    const named = await failureOf(
      asApplication(db, { tenantId: demoTenant }, async (tx) => {
        await tx.execute(sql`create domain pg_temp.uuid as pg_catalog.uuid check (value is null)`);
        await tx.execute(sql`select count(*) from app_people_named('ma', array['x'])`);
        await tx.execute(sql`drop domain pg_temp.uuid`); // temporary objects outlive the transaction
      }),
    );
    expect(named).toBeNull();
  });

  it('refuses to write a row into another municipality, even with its id in hand', async () => {
    const { db } = world.server.handle;
    await expect(
      asApplication(db, { tenantId: demoTenant }, (tx) =>
        tx.execute(
          sql`insert into areas (tenant_id, level, name) values (${otherTenant}, 'district', '越境')`,
        ),
      ),
    ).rejects.toThrow();
    const moved = await asApplication(db, { tenantId: demoTenant }, (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`update persons set notes = '書き換え' where id = ${other.ids.person} returning id`,
      ),
    );
    expect(moved).toEqual([]);
  });

  it('works as a role that owns nothing and may only add to the audit log', async () => {
    const { db } = world.server.handle;
    const [role] = await asApplication(db, { tenantId: demoTenant }, (tx) =>
      queryRows<{
        who: string;
        owns: number;
        superuser: boolean;
        bypass: boolean;
        update: boolean;
        insert: boolean;
      }>(
        tx,
        sql`select current_user as who,
              (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owns,
              r.rolsuper as superuser, r.rolbypassrls as bypass,
              has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE') as update,
              has_table_privilege('audit_log', 'INSERT') as insert
            from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({
      who: APPLICATION_ROLE,
      owns: 0,
      superuser: false,
      bypass: false,
      update: false,
      insert: true,
    });
    await expect(
      asApplication(db, { tenantId: demoTenant }, (tx) => tx.execute(sql`update audit_log set action = 'x'`)),
    ).rejects.toThrow();
    await expect(
      asApplication(db, { tenantId: demoTenant }, (tx) =>
        tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`),
      ),
    ).rejects.toThrow();
  });
});
