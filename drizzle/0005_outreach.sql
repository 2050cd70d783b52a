CREATE TABLE "concern_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"reporter_kind" text NOT NULL,
	"partner_id" uuid,
	"reporter_name" text,
	"location" text,
	"observed" text NOT NULL,
	"people_concerned" text,
	"risk" text NOT NULL,
	"entered_by_user_id" uuid NOT NULL,
	"entered_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"means" text,
	"result" text,
	"with_whom" text,
	"notes" text,
	"next_contact_on" date,
	"by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_assignees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"label" text NOT NULL,
	"location" text,
	"area_id" uuid,
	"risk" text NOT NULL,
	"stage" text DEFAULT 'not_contacted' NOT NULL,
	"stage_since" date NOT NULL,
	"end_reason" text,
	"consultation_id" uuid,
	"person_id" uuid,
	"household_id" uuid,
	"opened_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"changed_on" date NOT NULL,
	"note" text,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watch_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"agreed_on" date,
	"contact_person" text,
	"reports_what" text,
	"reports_how" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "outreach_record_id" uuid;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "outreach_stale_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_record_id_outreach_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."outreach_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_partner_id_watch_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."watch_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_entered_by_organisation_id_organisations_id_fk" FOREIGN KEY ("entered_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_record_id_outreach_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."outreach_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_assignees" ADD CONSTRAINT "outreach_assignees_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_assignees" ADD CONSTRAINT "outreach_assignees_record_id_outreach_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."outreach_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_assignees" ADD CONSTRAINT "outreach_assignees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_assignees" ADD CONSTRAINT "outreach_assignees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD CONSTRAINT "outreach_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD CONSTRAINT "outreach_records_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD CONSTRAINT "outreach_records_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD CONSTRAINT "outreach_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD CONSTRAINT "outreach_records_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD CONSTRAINT "outreach_records_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_stage_changes" ADD CONSTRAINT "outreach_stage_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_stage_changes" ADD CONSTRAINT "outreach_stage_changes_record_id_outreach_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."outreach_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_stage_changes" ADD CONSTRAINT "outreach_stage_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_partners" ADD CONSTRAINT "watch_partners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_reports_record" ON "concern_reports" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "concern_reports_entered_by" ON "concern_reports" USING btree ("entered_by_user_id");--> statement-breakpoint
CREATE INDEX "concern_reports_tenant_received" ON "concern_reports" USING btree ("tenant_id","received_on");--> statement-breakpoint
CREATE INDEX "outreach_activities_record" ON "outreach_activities" USING btree ("record_id","happened_on");--> statement-breakpoint
CREATE INDEX "outreach_assignees_record" ON "outreach_assignees" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "outreach_assignees_user" ON "outreach_assignees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outreach_records_tenant_stage" ON "outreach_records" USING btree ("tenant_id","stage");--> statement-breakpoint
CREATE INDEX "outreach_records_household" ON "outreach_records" USING btree ("household_id") WHERE household_id is not null;--> statement-breakpoint
CREATE INDEX "outreach_stage_changes_record" ON "outreach_stage_changes" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "watch_partners_tenant" ON "watch_partners" USING btree ("tenant_id");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_outreach_record_id_outreach_records_id_fk" FOREIGN KEY ("outreach_record_id") REFERENCES "public"."outreach_records"("id") ON DELETE no action ON UPDATE no action;