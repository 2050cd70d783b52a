CREATE TABLE "case_collaboration_periods" (
	"case_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	CONSTRAINT "case_collaboration_periods_case_id_from_on_pk" PRIMARY KEY("case_id","from_on")
);
--> statement-breakpoint
ALTER TABLE "case_collaboration_periods" ADD CONSTRAINT "case_collaboration_periods_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collaboration_periods" ADD CONSTRAINT "case_collaboration_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_collaboration_periods_from" ON "case_collaboration_periods" USING btree ("tenant_id","from_on");--> statement-breakpoint
-- Tenant isolation by the database (as in 0006); only the triggers below write the table.
ALTER TABLE "case_collaboration_periods" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "case_collaboration_periods" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_collaboration_periods FROM tsunagu_app;
--> statement-breakpoint
-- Recomputes these cases' periods with two or more organisations on the team at once: the team's
-- join and leave days cut time into segments, each segment counts the organisations present,
-- and runs of segments with two or more (gaps and islands) become one period.
CREATE FUNCTION app_refresh_collaborations(case_ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM case_collaboration_periods WHERE case_id = ANY(case_ids);
  INSERT INTO case_collaboration_periods (case_id, tenant_id, from_on, to_on)
  WITH bounds AS (
    SELECT case_id, tenant_id, joined_on AS d FROM case_team_members WHERE case_id = ANY(case_ids)
    UNION
    SELECT case_id, tenant_id, left_on + 1 FROM case_team_members WHERE case_id = ANY(case_ids) AND left_on IS NOT NULL
  ), segments AS (
    SELECT b.case_id, b.tenant_id, b.d, lead(b.d) OVER (PARTITION BY b.case_id ORDER BY b.d) AS next_d,
           (SELECT count(DISTINCT m.organisation_id) FROM case_team_members m
             WHERE m.case_id = b.case_id AND m.joined_on <= b.d AND (m.left_on IS NULL OR m.left_on >= b.d)) >= 2 AS together
      FROM bounds b
  ), islands AS (
    SELECT *, count(*) FILTER (WHERE NOT together) OVER (PARTITION BY case_id ORDER BY d) AS island FROM segments
  )
  SELECT case_id, (array_agg(tenant_id))[1], min(d),
         CASE WHEN bool_or(next_d IS NULL) THEN NULL ELSE max(next_d) - 1 END
    FROM islands WHERE together GROUP BY case_id, island;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_collaborations_new() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_collaborations(array_agg(DISTINCT case_id)) FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_collaborations_old() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_collaborations(array_agg(DISTINCT case_id)) FROM old_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_collaborations_both() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_collaborations(array_agg(case_id))
    FROM (SELECT case_id FROM old_rows UNION SELECT case_id FROM new_rows) changed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER collaborations_insert AFTER INSERT ON case_team_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_collaborations_new();
--> statement-breakpoint
CREATE TRIGGER collaborations_update AFTER UPDATE ON case_team_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_collaborations_both();
--> statement-breakpoint
CREATE TRIGGER collaborations_delete AFTER DELETE ON case_team_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_collaborations_old();
--> statement-breakpoint
SELECT app_refresh_collaborations(array_agg(DISTINCT case_id)) FROM case_team_members;
--> statement-breakpoint
-- 相談の場での相談件数: the few consultations taken at a place, found without reading the year's.
CREATE INDEX consultations_at_places ON consultations (tenant_id, received_at) WHERE place_resource_id IS NOT NULL;
