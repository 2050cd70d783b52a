-- A name search found its candidates through the gram index on persons (on the benchmark city,
-- 781 people for やまだ), read each row and probed each one's access tokens, to keep the 85 the
-- searching organisation might see: two thirds of the search's time. The tokens row now also
-- carries each token paired with each of the person's name grams, hashed to an integer: a
-- search asks for the pairs of a token it holds with every gram of its query, and the index
-- answers with those 85 only. A hash that happens to collide only lets a candidate through to
-- the access rules, which every read applies after (people.service.ts): it never shows anyone.
CREATE FUNCTION app_search_keys(tokens text[], grams text[]) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT hashtext(t || '|' || g)), '{}') FROM unnest(tokens) t, unnest(grams) g
$$;--> statement-breakpoint
ALTER TABLE "person_access_tokens" ADD COLUMN "name_keys" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE person_access_tokens pt SET name_keys = app_search_keys(pt.tokens, p.name_grams)
  FROM persons p WHERE p.id = pt.person_id;--> statement-breakpoint
CREATE INDEX "person_access_tokens_name_keys" ON "person_access_tokens" USING gin ("name_keys");--> statement-breakpoint
-- Whoever writes the tokens (the refresh of migration 0011, the grant to new people of 0021),
-- the keys follow them; and they follow a change of name.
CREATE FUNCTION app_person_name_keys() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW.name_keys := app_search_keys(NEW.tokens, (SELECT p.name_grams FROM persons p WHERE p.id = NEW.person_id));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER name_keys BEFORE INSERT OR UPDATE OF tokens ON person_access_tokens
  FOR EACH ROW EXECUTE FUNCTION app_person_name_keys();--> statement-breakpoint
CREATE FUNCTION app_person_name_keys_follow_name() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE person_access_tokens SET name_keys = app_search_keys(tokens, NEW.name_grams) WHERE person_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER name_keys_follow_name AFTER UPDATE OF name_grams ON persons
  FOR EACH ROW WHEN (OLD.name_grams IS DISTINCT FROM NEW.name_grams)
  EXECUTE FUNCTION app_person_name_keys_follow_name();--> statement-breakpoint
-- As persons_search (migration 0006): GIN operators are not leakproof, so under row-level
-- security no index serves them; the view runs with its owner's rights and applies the tenant.
CREATE VIEW person_keys_search AS
  SELECT person_id, name_keys FROM person_access_tokens WHERE tenant_id = app_current_tenant();--> statement-breakpoint
GRANT SELECT ON person_keys_search TO tsunagu_app;--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON person_keys_search FROM tsunagu_app;
