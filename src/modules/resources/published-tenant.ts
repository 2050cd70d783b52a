import { eq, sql } from 'drizzle-orm';
import { type Database, enterTenant, queryRows, readTransaction } from '../../db/client';
import { AppError } from '../../server/errors';
import { tenants } from '../tenants/tenants.tables';

// Pages without login name their municipality by its code. The municipalities table has no
// row-level security (it holds no one's data), so the code is looked up as the request is;
// only when the municipality publishes its directory is the rest of the work done as that
// municipality (row-level security), and the request's own municipality (a logged-in
// visitor's) is set back afterwards, for the rest of the request and its audit.

export type PublishedTenant = { id: string; code: string; name: string };

export const notPublished = () =>
  new AppError(
    404,
    'NOT_FOUND',
    'この自治体の社会資源の一覧は公開されていません。URLを確かめるか、自治体にお問い合わせください。',
  );

export async function withPublishedDirectory<T>(
  db: Database,
  tenantCode: string,
  work: (tx: Database, tenant: PublishedTenant) => Promise<T>,
): Promise<T> {
  if (!/^\d{6}$/.test(tenantCode)) throw notPublished();
  const [tenant] = await db
    .select({ id: tenants.id, code: tenants.code, name: tenants.name, published: tenants.publicDirectory })
    .from(tenants)
    .where(eq(tenants.code, tenantCode));
  if (!tenant?.published) throw notPublished();
  return readTransaction(db, async (tx) => {
    const [before] = await queryRows<{ tenant: string | null; user: string | null }>(
      tx,
      sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.user_id', true) as "user"`,
    );
    const restore = () =>
      queryRows(
        tx,
        sql`select set_config('app.tenant_id', ${before?.tenant ?? ''}, true),
                   set_config('app.user_id', ${before?.user ?? ''}, true)`,
      );
    await enterTenant(tx, { tenantId: tenant.id });
    let result: T;
    try {
      result = await work(tx, { id: tenant.id, code: tenant.code, name: tenant.name });
    } catch (error) {
      // the original error matters; a failed transaction cannot be set back, nor needs to be
      await restore().catch(() => undefined);
      throw error;
    }
    await restore();
    return result;
  });
}
