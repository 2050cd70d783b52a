ALTER TABLE "meeting_body_members" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_body_members" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_body_members" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "external" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_person" varchar(60);--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "updated_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "referral_events" ADD COLUMN "occurred_on" date;--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON organisations FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
CREATE TRIGGER bump_version BEFORE UPDATE ON meeting_body_members FOR EACH ROW EXECUTE FUNCTION app_bump_version();
--> statement-breakpoint
-- An outside partner (外部の関係機関) has no staff accounts, whatever code tries to add one.
CREATE FUNCTION app_refuse_external_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM organisations WHERE id = NEW.organisation_id AND external) THEN
    RAISE EXCEPTION 'external organisation % has no staff accounts', NEW.organisation_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER refuse_external_membership BEFORE INSERT OR UPDATE OF organisation_id ON memberships
  FOR EACH ROW EXECUTE FUNCTION app_refuse_external_membership();
