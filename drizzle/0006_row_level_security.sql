-- Tenant isolation is the database's job too. The application works as the role
-- tsunagu_app, which owns no table: row-level security applies to it, and it may only
-- INSERT and SELECT on the audit log. The tenant of a transaction is set by the data layer
-- (set_config('app.tenant_id', …, true)); without it, no municipality's rows are visible.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tsunagu_app') THEN
    CREATE ROLE tsunagu_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created meanwhile by a migration of another database of the same server
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  -- the owner switches to the role per transaction when it is also the login role
  IF NOT pg_has_role(current_user, 'tsunagu_app', 'MEMBER') THEN
    EXECUTE 'GRANT tsunagu_app TO CURRENT_USER';
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
-- Before the tenant is known, a session cookie or a login ID names it; these two lookups run
-- with the owner's rights and return nothing but the tenant.
CREATE FUNCTION app_session_tenant(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT tenant_id FROM sessions WHERE token_hash = p_token_hash $$;
--> statement-breakpoint
CREATE FUNCTION app_login_tenant(p_login_id text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT tenant_id FROM users WHERE login_id = p_login_id $$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.table_name, c.is_nullable = 'YES' AS nullable
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    IF t.nullable THEN
      -- rows of no municipality (unknown login IDs, the system audit chain) are seen only
      -- while no municipality is set
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant() OR (tenant_id IS NULL AND app_current_tenant() IS NULL)) WITH CHECK (tenant_id = app_current_tenant() OR (tenant_id IS NULL AND app_current_tenant() IS NULL))',
        t.table_name);
    ELSE
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
        t.table_name);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- GIN operators (@>, &&) are not leakproof, so under row-level security PostgreSQL will not
-- use an index for them. The search reads candidates through this view instead: it runs with
-- its owner's rights and applies the same tenant condition itself.
CREATE VIEW persons_search AS
  SELECT id, tenant_id, merged_into_id, name_grams, address_grams, phone_keys, name_key, kana_key, address, birth_date
  FROM persons
  WHERE tenant_id = app_current_tenant();
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tsunagu_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tsunagu_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM tsunagu_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON persons_search FROM tsunagu_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tsunagu_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tsunagu_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tsunagu_app;
--> statement-breakpoint
GRANT USAGE ON SCHEMA drizzle TO tsunagu_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO tsunagu_app;
