-- Functions with the owner's rights named their search path "public" alone, and PostgreSQL then
-- still looks in the session's temporary schema first for tables and types: the application's
-- role could create a temporary table or type of the same name (persons, uuid, text) and have
-- its own code run, or its own rows read, with the owner's rights (an insider review of issue
-- 18). Every such function now names the temporary schema last, where nothing of it is found
-- before the real tables and types (pg_catalog, searched first, holds the types).
DO $$
DECLARE f record;
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.prosecdef LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f.signature);
  END LOOP;
END $$;
