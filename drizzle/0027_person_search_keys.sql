-- A name search found its candidates through the gram index on persons (on the benchmark city,
-- 781 people for やまだ), read each row and probed each one's access tokens, to keep the 85 the
-- searching organisation might see: two thirds of the search's time. The tokens row now also
-- carries each token paired with each of the person's name grams, with the municipality, hashed
-- to an integer: a search asks for the pairs of a token it holds with every gram of its query,
-- and the index answers with those 85 only. A hash that happens to collide only lets a candidate
-- through to the access rules, which every read applies after (people.service.ts): it never
-- shows anyone. The municipality is in the hash because the tokens 'ma' and 'case' are the same
-- words in every municipality.
CREATE FUNCTION app_search_keys(tenant uuid, tokens text[], grams text[]) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT hashtext(tenant::text || '|' || t || '|' || g)), '{}')
    FROM unnest(tokens) t, unnest(grams) g
$$;--> statement-breakpoint
ALTER TABLE "person_access_tokens" ADD COLUMN "name_keys" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE person_access_tokens pt SET name_keys = app_search_keys(pt.tenant_id, pt.tokens, p.name_grams)
  FROM persons p WHERE p.id = pt.person_id;--> statement-breakpoint
CREATE INDEX "person_access_tokens_name_keys" ON "person_access_tokens" USING gin ("name_keys");--> statement-breakpoint
-- Whoever writes the tokens (the refresh of migration 0011, the grant to new people of 0021,
-- both with the owner's rights), the keys follow them; and they follow a change of name, which
-- the application's role makes (so that trigger has the owner's rights to write them). Neither
-- function may be called, or put on another table, by anyone else.
CREATE FUNCTION app_person_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_RELID <> 'public.person_access_tokens'::regclass THEN RAISE EXCEPTION 'app_person_name_keys: not %', TG_RELID; END IF;
  NEW.name_keys := app_search_keys(NEW.tenant_id, NEW.tokens,
                                   (SELECT p.name_grams FROM persons p WHERE p.id = NEW.person_id));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER name_keys BEFORE INSERT OR UPDATE OF tokens ON person_access_tokens
  FOR EACH ROW EXECUTE FUNCTION app_person_name_keys();--> statement-breakpoint
CREATE FUNCTION app_person_name_keys_follow_name() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_RELID <> 'public.persons'::regclass THEN RAISE EXCEPTION 'app_person_name_keys_follow_name: not %', TG_RELID; END IF;
  UPDATE person_access_tokens SET name_keys = app_search_keys(tenant_id, tokens, NEW.name_grams) WHERE person_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER name_keys_follow_name AFTER UPDATE OF name_grams ON persons
  FOR EACH ROW WHEN (OLD.name_grams IS DISTINCT FROM NEW.name_grams)
  EXECUTE FUNCTION app_person_name_keys_follow_name();--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_person_name_keys(), app_person_name_keys_follow_name() FROM PUBLIC;--> statement-breakpoint
-- The people of the entered municipality whose keys hold this token with every one of these
-- grams (none for no grams). GIN operators are not leakproof, so under row-level security no
-- index serves them (migration 0006); a view that applied the tenant itself would let a cheaper
-- condition of the caller's see other municipalities' rows first. A function with the owner's
-- rights is neither inlined nor given the caller's conditions: it answers only its own. PL/pgSQL
-- keeps its statement's plan on the connection (an SQL function's is made again for each query).
CREATE FUNCTION app_people_named(token text, grams text[]) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 100 AS $$
DECLARE tenant uuid := app_current_tenant();
BEGIN
  IF cardinality(grams) > 0 THEN
    RETURN QUERY SELECT pt.person_id FROM person_access_tokens pt
     WHERE pt.name_keys @> app_search_keys(tenant, ARRAY[token], grams) AND pt.tenant_id = tenant;
  END IF;
END $$;
