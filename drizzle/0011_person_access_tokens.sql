CREATE TABLE "person_access_tokens" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"tokens" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_access_tokens" ADD CONSTRAINT "person_access_tokens_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access_tokens" ADD CONSTRAINT "person_access_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access_tokens" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "person_access_tokens" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
-- Only the triggers below write the tokens (through a function with the owner's rights).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON person_access_tokens FROM tsunagu_app;
--> statement-breakpoint
-- Recomputes the tokens of these people and of the records they are merged into, in one
-- statement however many they are. Everyone who might see a person (modules/access/case-scope.ts):
-- who registered them or a record merged into them, took a consultation or received a sent
-- referral about them ('ma': 多機関協働); and for each household they belong to, who registered
-- it, took a consultation or received a sent referral about it, every case about it ('case':
-- coordinators), its current team and the people named on the plan in force.
CREATE FUNCTION app_refresh_access_tokens(ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  WITH target AS (
    SELECT p.id, p.tenant_id FROM persons p WHERE p.id = ANY (ids)
    UNION SELECT r.id, r.tenant_id FROM persons m JOIN persons r ON r.id = m.merged_into_id WHERE m.id = ANY (ids)
  ),
  grp AS (
    SELECT t.id AS root, t.id AS pid FROM target t
    UNION ALL SELECT t.id, m.id FROM target t JOIN persons m ON m.merged_into_id = t.id
  ),
  hh AS (SELECT DISTINCT g.root, hm.household_id FROM grp g JOIN household_members hm ON hm.person_id = g.pid),
  cs AS (SELECT h.root, c.id, c.plan_in_force_id FROM hh h JOIN cases c ON c.household_id = h.household_id),
  granted AS (
    SELECT g.root, 'org:' || p.created_by_organisation_id AS token FROM grp g JOIN persons p ON p.id = g.pid
    UNION ALL SELECT g.root, 'user:' || p.created_by_user_id FROM grp g JOIN persons p ON p.id = g.pid
    UNION ALL SELECT g.root, 'org:' || c.organisation_id FROM grp g JOIN consultations c ON c.person_id = g.pid
    UNION ALL SELECT g.root, 'user:' || c.taken_by_user_id FROM grp g JOIN consultations c ON c.person_id = g.pid
    UNION ALL SELECT g.root, 'org:' || r.to_organisation_id FROM grp g JOIN referrals r ON r.person_id = g.pid
              WHERE r.status <> 'draft'
    UNION ALL SELECT g.root, 'ma' FROM grp g JOIN referrals r ON r.person_id = g.pid
              WHERE r.status <> 'draft' AND r.to_multi_agency
    UNION ALL SELECT h.root, 'org:' || x.created_by_organisation_id FROM hh h JOIN households x ON x.id = h.household_id
    UNION ALL SELECT h.root, 'org:' || c.organisation_id FROM hh h JOIN consultations c ON c.household_id = h.household_id
    UNION ALL SELECT h.root, 'user:' || c.taken_by_user_id FROM hh h JOIN consultations c ON c.household_id = h.household_id
    UNION ALL SELECT h.root, 'org:' || r.to_organisation_id FROM hh h JOIN referrals r ON r.household_id = h.household_id
              WHERE r.status <> 'draft'
    UNION ALL SELECT h.root, 'ma' FROM hh h JOIN referrals r ON r.household_id = h.household_id
              WHERE r.status <> 'draft' AND r.to_multi_agency
    UNION ALL SELECT c.root, 'case' FROM cs c
    UNION ALL SELECT c.root, 'org:' || tm.organisation_id FROM cs c JOIN case_team_members tm ON tm.case_id = c.id
              WHERE tm.left_on IS NULL
    UNION ALL SELECT c.root, 'user:' || tm.user_id FROM cs c JOIN case_team_members tm ON tm.case_id = c.id
              WHERE tm.left_on IS NULL
    UNION ALL SELECT c.root, 'user:' || ca.user_id FROM cs c JOIN case_actions ca ON ca.plan_id = c.plan_in_force_id
  ),
  tokens AS (
    SELECT root, array_agg(DISTINCT token ORDER BY token) AS tokens FROM granted
    WHERE token IS NOT NULL GROUP BY root
  )
  INSERT INTO person_access_tokens (person_id, tenant_id, tokens)
  SELECT t.id, t.tenant_id, coalesce(k.tokens, '{}') FROM target t LEFT JOIN tokens k ON k.root = t.id
  ON CONFLICT (person_id) DO UPDATE SET tokens = excluded.tokens
  WHERE person_access_tokens.tokens IS DISTINCT FROM excluded.tokens;
END $$;
--> statement-breakpoint
-- One trigger function per shape of table; each runs once per statement over its changed
-- rows (transition tables new_rows / old_rows), so bulk writes refresh in one go. A bulk load
-- that sets app.defer_access_tokens for its transaction refreshes its people itself at the end
-- (stale tokens could only hide a person, never show one: the access rules still apply).
CREATE FUNCTION app_tokens_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM app_refresh_access_tokens(array(SELECT id FROM new_rows));
  ELSE
    PERFORM app_refresh_access_tokens(array(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.merged_into_id IS DISTINCT FROM o.merged_into_id
         OR n.created_by_organisation_id IS DISTINCT FROM o.created_by_organisation_id
         OR n.created_by_user_id IS DISTINCT FROM o.created_by_user_id
      UNION SELECT o.merged_into_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.merged_into_id IS DISTINCT FROM o.merged_into_id AND o.merged_into_id IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- consultations and referrals: about a person and a household
CREATE FUNCTION app_tokens_person_household_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    ids := ids || array(SELECT person_id FROM new_rows WHERE person_id IS NOT NULL)
               || array(SELECT m.person_id FROM household_members m JOIN new_rows n ON n.household_id = m.household_id);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ids := ids || array(SELECT person_id FROM old_rows WHERE person_id IS NOT NULL)
               || array(SELECT m.person_id FROM household_members m JOIN old_rows o ON o.household_id = m.household_id);
  END IF;
  PERFORM app_refresh_access_tokens(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_tokens_household_members() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || array(SELECT person_id FROM new_rows); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || array(SELECT person_id FROM old_rows); END IF;
  PERFORM app_refresh_access_tokens(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_tokens_cases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE households uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN households := households || array(SELECT household_id FROM new_rows); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN households := households || array(SELECT household_id FROM old_rows); END IF;
  PERFORM app_refresh_access_tokens(array(SELECT person_id FROM household_members WHERE household_id = ANY (households)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_tokens_case_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE case_ids uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN case_ids := case_ids || array(SELECT case_id FROM new_rows); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN case_ids := case_ids || array(SELECT case_id FROM old_rows); END IF;
  PERFORM app_refresh_access_tokens(array(
    SELECT m.person_id FROM household_members m JOIN cases c ON c.household_id = m.household_id WHERE c.id = ANY (case_ids)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_tokens_case_actions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE plan_ids uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN plan_ids := plan_ids || array(SELECT plan_id FROM new_rows); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN plan_ids := plan_ids || array(SELECT plan_id FROM old_rows); END IF;
  PERFORM app_refresh_access_tokens(array(
    SELECT m.person_id FROM household_members m JOIN cases c ON c.household_id = m.household_id
    WHERE c.plan_in_force_id = ANY (plan_ids)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_persons();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_persons();
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON consultations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_household_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON consultations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_household_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON consultations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_household_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON referrals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_household_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON referrals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_household_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON referrals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_household_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON household_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_household_members();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON household_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_household_members();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON household_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_household_members();
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_cases();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_cases();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_cases();
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON case_team_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_case_team();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON case_team_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_case_team();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON case_team_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_case_team();
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON case_actions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_case_actions();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON case_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_case_actions();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON case_actions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_case_actions();
--> statement-breakpoint
-- Existing people: computed once.
SELECT app_refresh_access_tokens(array(SELECT id FROM persons));
