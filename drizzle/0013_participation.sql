CREATE TABLE "participation_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid,
	"consultation_id" uuid,
	"outreach_record_id" uuid,
	"organisation_id" uuid NOT NULL,
	"coordinator_user_id" uuid NOT NULL,
	"wishes" text[] DEFAULT '{}' NOT NULL,
	"in_their_words" text,
	"weekdays" integer[] DEFAULT '{}' NOT NULL,
	"times_of_day" text[] DEFAULT '{}' NOT NULL,
	"area_id" uuid,
	"reach" text DEFAULT 'city' NOT NULL,
	"companion" text,
	"health" text,
	"anxieties" text,
	"strengths" text,
	"interests" text,
	"only_free" boolean DEFAULT false NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "placement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_stage" text,
	"happened_on" date NOT NULL,
	"person_said" text,
	"receiver_said" text,
	"note" text,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"support_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"stage" text DEFAULT 'proposed' NOT NULL,
	"proposed_on" date NOT NULL,
	"visited_on" date,
	"trial_on" date,
	"started_on" date,
	"ended_on" date,
	"end_reason" text,
	"match_notes" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "unmet_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"support_id" uuid NOT NULL,
	"wish" text NOT NULL,
	"area_id" uuid,
	"conditions" text NOT NULL,
	"recorded_on" date NOT NULL,
	"answered_by_resource_id" uuid,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_operators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"phone" text,
	"email" text,
	"website" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "resource_support_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"note" text NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kinds" text[] NOT NULL,
	"description" text,
	"area_id" uuid,
	"address" text,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"irregular" boolean DEFAULT false NOT NULL,
	"schedule_note" text,
	"for_everyone" boolean DEFAULT true NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"target_attributes" text[] DEFAULT '{}' NOT NULL,
	"activities" text[] DEFAULT '{}' NOT NULL,
	"free" boolean DEFAULT true NOT NULL,
	"cost_note" text,
	"accessibility" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"receiving_support" text,
	"capacity" integer,
	"places_free" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"verified_on" date,
	"verified_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "resource_verify_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "public_directory" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_outreach_record_id_outreach_records_id_fk" FOREIGN KEY ("outreach_record_id") REFERENCES "public"."outreach_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_coordinator_user_id_users_id_fk" FOREIGN KEY ("coordinator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_supports" ADD CONSTRAINT "participation_supports_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_event_id_placement_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."placement_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_support_id_participation_supports_id_fk" FOREIGN KEY ("support_id") REFERENCES "public"."participation_supports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_support_id_participation_supports_id_fk" FOREIGN KEY ("support_id") REFERENCES "public"."participation_supports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_answered_by_resource_id_resources_id_fk" FOREIGN KEY ("answered_by_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_operators" ADD CONSTRAINT "resource_operators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_operators" ADD CONSTRAINT "resource_operators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_support_logs" ADD CONSTRAINT "resource_support_logs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_support_logs" ADD CONSTRAINT "resource_support_logs_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_support_logs" ADD CONSTRAINT "resource_support_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_support_logs" ADD CONSTRAINT "resource_support_logs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_operator_id_resource_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."resource_operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_verified_by_user_id_users_id_fk" FOREIGN KEY ("verified_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_supports_person" ON "participation_supports" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "participation_supports_coordinator" ON "participation_supports" USING btree ("tenant_id","coordinator_user_id");--> statement-breakpoint
CREATE INDEX "placement_events_placement" ON "placement_events" USING btree ("tenant_id","placement_id","happened_on");--> statement-breakpoint
CREATE INDEX "placement_follow_ups_placement" ON "placement_follow_ups" USING btree ("tenant_id","placement_id");--> statement-breakpoint
CREATE INDEX "placement_follow_ups_due" ON "placement_follow_ups" USING btree ("tenant_id","due_on");--> statement-breakpoint
CREATE INDEX "placements_support" ON "placements" USING btree ("tenant_id","support_id");--> statement-breakpoint
CREATE INDEX "placements_resource" ON "placements" USING btree ("tenant_id","resource_id");--> statement-breakpoint
CREATE INDEX "unmet_needs_tenant" ON "unmet_needs" USING btree ("tenant_id","recorded_on");--> statement-breakpoint
CREATE INDEX "resource_operators_tenant" ON "resource_operators" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "resource_support_logs_resource" ON "resource_support_logs" USING btree ("tenant_id","resource_id","happened_on");--> statement-breakpoint
CREATE INDEX "resources_tenant_area" ON "resources" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "resources_tenant_verified" ON "resources" USING btree ("tenant_id","verified_on");--> statement-breakpoint
CREATE INDEX "resources_operator" ON "resources" USING btree ("tenant_id","operator_id");
--> statement-breakpoint
-- Tenant isolation by the database (as in 0006) and versions of what several people edit (as in 0009).
ALTER TABLE "resource_operators" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "resource_operators" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "resources" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "resources" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "resource_support_logs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "resource_support_logs" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "participation_supports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "participation_supports" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "placements" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "placements" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "placement_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "placement_events" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "placement_follow_ups" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
ALTER TABLE "unmet_needs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "unmet_needs" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON resource_operators FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON resources FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON participation_supports FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON placements FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
-- The 参加支援担当 of a person's participation support may see the person (their own work, as
-- a consultation they took): the access tokens learn it too (see 0011).
CREATE OR REPLACE FUNCTION app_refresh_access_tokens(ids uuid[]) RETURNS void
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
    UNION ALL SELECT g.root, 'user:' || ps.coordinator_user_id FROM grp g JOIN participation_supports ps ON ps.person_id = g.pid
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
CREATE FUNCTION app_tokens_person_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF current_setting('app.defer_access_tokens', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || array(SELECT person_id FROM new_rows); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || array(SELECT person_id FROM old_rows); END IF;
  PERFORM app_refresh_access_tokens(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER access_tokens_insert AFTER INSERT ON participation_supports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_update AFTER UPDATE ON participation_supports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_rows();
--> statement-breakpoint
CREATE TRIGGER access_tokens_delete AFTER DELETE ON participation_supports REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_tokens_person_rows();
