CREATE TABLE "case_support_years" (
	"case_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"tenant_id" uuid NOT NULL,
	"first_record_on" date NOT NULL,
	CONSTRAINT "case_support_years_case_id_fiscal_year_pk" PRIMARY KEY("case_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "case_support_years" ADD CONSTRAINT "case_support_years_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_support_years" ADD CONSTRAINT "case_support_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_support_years_year" ON "case_support_years" USING btree ("tenant_id","fiscal_year");--> statement-breakpoint
-- Tenant isolation by the database (as in 0006); only the triggers below write the table.
ALTER TABLE "case_support_years" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "case_support_years" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_support_years FROM tsunagu_app;
--> statement-breakpoint
-- The fiscal year of a day (April to March).
CREATE FUNCTION app_fiscal_year(d date) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$ SELECT (extract(year FROM d) - CASE WHEN extract(month FROM d) < 4 THEN 1 ELSE 0 END)::integer $$;
--> statement-breakpoint
-- Recomputes the first record of these (case, fiscal year) pairs from support_records, in one
-- statement however many they are.
CREATE FUNCTION app_refresh_support_years(case_ids uuid[], years integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM case_support_years y USING unnest(case_ids, years) AS k(case_id, fy)
   WHERE y.case_id = k.case_id AND y.fiscal_year = k.fy;
  INSERT INTO case_support_years (case_id, fiscal_year, tenant_id, first_record_on)
  SELECT k.case_id, k.fy, (array_agg(s.tenant_id))[1], min(s.recorded_on)
    FROM (SELECT DISTINCT * FROM unnest(case_ids, years) AS u(case_id, fy)) k
    JOIN support_records s ON s.case_id = k.case_id
     AND s.recorded_on BETWEEN make_date(k.fy, 4, 1) AND make_date(k.fy + 1, 3, 31)
   GROUP BY k.case_id, k.fy;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_support_years_new() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_support_years(array_agg(case_id), array_agg(app_fiscal_year(recorded_on))) FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_support_years_old() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_support_years(array_agg(case_id), array_agg(app_fiscal_year(recorded_on))) FROM old_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_support_years_both() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_refresh_support_years(array_agg(case_id), array_agg(fy))
    FROM (SELECT case_id, app_fiscal_year(recorded_on) AS fy FROM old_rows
          UNION SELECT case_id, app_fiscal_year(recorded_on) FROM new_rows) changed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER support_years_insert AFTER INSERT ON support_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_support_years_new();
--> statement-breakpoint
CREATE TRIGGER support_years_update AFTER UPDATE ON support_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_support_years_both();
--> statement-breakpoint
CREATE TRIGGER support_years_delete AFTER DELETE ON support_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_support_years_old();
--> statement-breakpoint
INSERT INTO case_support_years (case_id, fiscal_year, tenant_id, first_record_on)
SELECT case_id, app_fiscal_year(recorded_on), (array_agg(tenant_id))[1], min(recorded_on)
  FROM support_records GROUP BY case_id, app_fiscal_year(recorded_on);
