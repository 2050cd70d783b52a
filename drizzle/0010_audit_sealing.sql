ALTER TABLE "audit_log" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "sealed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_log_unsealed" ON "audit_log" USING btree ("id") WHERE hash is null;--> statement-breakpoint
-- Rows are appended unsealed; the one change ever made to a row is its sealing (its place in
-- the chain and its MAC), once, with nothing else altered.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
     AND (OLD.id, OLD.chain, OLD.tenant_id, OLD.at, OLD.actor_user_id, OLD.actor_organisation_id,
          OLD.action, OLD.outcome, OLD.target_type, OLD.target_id, OLD.client_ip, OLD.detail)
         IS NOT DISTINCT FROM
         (NEW.id, NEW.chain, NEW.tenant_id, NEW.at, NEW.actor_user_id, NEW.actor_organisation_id,
          NEW.action, NEW.outcome, NEW.target_type, NEW.target_id, NEW.client_ip, NEW.detail) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END
$$ LANGUAGE plpgsql;
