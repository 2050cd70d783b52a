ALTER TABLE "agenda_items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_records" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
-- Who is making the request's changes: set with the municipality at the start of each request.
CREATE FUNCTION app_session_user(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT user_id FROM sessions WHERE token_hash = p_token_hash $$;
--> statement-breakpoint
-- Optimistic concurrency: every update of a record several people edit moves its version on
-- and notes who and when, whatever code made it; a stale write is refused in db/versions.ts.
CREATE FUNCTION app_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  NEW.updated_by_user_id := nullif(current_setting('app.user_id', true), '')::uuid;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON persons FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON meeting_sessions FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON agenda_items FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON outreach_records FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION app_bump_version();
