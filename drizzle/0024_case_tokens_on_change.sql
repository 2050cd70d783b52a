-- The access tokens read two things of a case: its household and its plan in force (migration
-- 0011). A case's other columns change with nearly every step of the work (each support record
-- moves last_record_on), and each such update recomputed the tokens of everyone in the household
-- (5 ms of a support record's 14 ms on the benchmark city). Updates now recompute only when the
-- household or the plan in force changed; inserts and deletes as before.
CREATE OR REPLACE FUNCTION app_tokens_cases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE households uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    households := array(SELECT household_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    households := array(SELECT household_id FROM old_rows);
  ELSE
    households := array(
      SELECT n.household_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.household_id IS DISTINCT FROM o.household_id
          OR n.plan_in_force_id IS DISTINCT FROM o.plan_in_force_id
      UNION ALL
      SELECT o.household_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.household_id IS DISTINCT FROM o.household_id);
  END IF;
  IF cardinality(households) > 0 THEN
    PERFORM app_refresh_access_tokens(array(SELECT person_id FROM household_members WHERE household_id = ANY (households)));
  END IF;
  RETURN NULL;
END $$;
