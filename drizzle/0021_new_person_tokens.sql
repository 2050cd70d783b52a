-- The access tokens of people an import has just created (migration 0011's rules, for people
-- whose every record so far is that import's): the organisation and the user who registered
-- them, and nothing else. Written straight from the persons rows, instead of running every rule
-- for 100,000 people (5 s of a 100,000-row import). Only rows that have none are written, and
-- the tokens come from the person's own created_by columns, which every recompute also grants:
-- called on anyone else, it can only leave them with fewer tokens than the rules give (a stale
-- token hides a person, never shows one), and the next write that touches them recomputes.
CREATE FUNCTION app_grant_new_person_tokens(ids uuid[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO person_access_tokens (person_id, tenant_id, tokens)
  SELECT p.id, p.tenant_id,
         array_remove(ARRAY['org:' || p.created_by_organisation_id, 'user:' || p.created_by_user_id], NULL)
    FROM unnest(ids) AS u(id) JOIN persons p ON p.id = u.id
  ON CONFLICT (person_id) DO NOTHING;
$$;
