CREATE TABLE "agenda_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"type" text NOT NULL,
	"content" text NOT NULL,
	"case_decision_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"case_id" uuid,
	"topic_kind" text,
	"title" text,
	"notes" text,
	"proposed_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"removed_on" date,
	"removed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"tier" text,
	"requires_consent" boolean NOT NULL,
	"cadence" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_body_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"affiliation" text,
	"confidentiality_notified_on" date,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"minutes" text,
	"prepared_at" timestamp with time zone,
	"held_on" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid,
	"description" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"affiliation" text,
	"is_guest" boolean DEFAULT false NOT NULL,
	"confidentiality_notified_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_decisions" ADD COLUMN "meeting_session_id" uuid;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "packet_window_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_decisions" ADD CONSTRAINT "agenda_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_decisions" ADD CONSTRAINT "agenda_decisions_session_id_meeting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."meeting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_decisions" ADD CONSTRAINT "agenda_decisions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_decisions" ADD CONSTRAINT "agenda_decisions_case_decision_id_case_decisions_id_fk" FOREIGN KEY ("case_decision_id") REFERENCES "public"."case_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_decisions" ADD CONSTRAINT "agenda_decisions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_session_id_meeting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."meeting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bodies" ADD CONSTRAINT "meeting_bodies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_body_members" ADD CONSTRAINT "meeting_body_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_body_members" ADD CONSTRAINT "meeting_body_members_body_id_meeting_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."meeting_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_body_members" ADD CONSTRAINT "meeting_body_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD CONSTRAINT "meeting_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD CONSTRAINT "meeting_sessions_body_id_meeting_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."meeting_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD CONSTRAINT "meeting_sessions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_action_items" ADD CONSTRAINT "session_action_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_action_items" ADD CONSTRAINT "session_action_items_session_id_meeting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."meeting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_action_items" ADD CONSTRAINT "session_action_items_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_action_items" ADD CONSTRAINT "session_action_items_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_action_items" ADD CONSTRAINT "session_action_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_action_items" ADD CONSTRAINT "session_action_items_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendees" ADD CONSTRAINT "session_attendees_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendees" ADD CONSTRAINT "session_attendees_session_id_meeting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."meeting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendees" ADD CONSTRAINT "session_attendees_member_id_meeting_body_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."meeting_body_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendees" ADD CONSTRAINT "session_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_decisions_session" ON "agenda_decisions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "agenda_decisions_item" ON "agenda_decisions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "agenda_items_session" ON "agenda_items" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "agenda_items_case" ON "agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meeting_bodies_tenant" ON "meeting_bodies" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "meeting_body_members_body" ON "meeting_body_members" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "meeting_body_members_user" ON "meeting_body_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_sessions_body" ON "meeting_sessions" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_sessions_tenant" ON "meeting_sessions" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "session_action_items_owner" ON "session_action_items" USING btree ("owner_organisation_id","due_on") WHERE done_on is null;--> statement-breakpoint
CREATE INDEX "session_attendees_session" ON "session_attendees" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_attendees_user" ON "session_attendees" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_meeting_session_id_meeting_sessions_id_fk" FOREIGN KEY ("meeting_session_id") REFERENCES "public"."meeting_sessions"("id") ON DELETE no action ON UPDATE no action;