-- The work queue's overdue actions came from every action of an organisation whose period had
-- passed, past plan versions and ended cases included, then kept those of a plan in force: on a
-- ten-year city (100,000 cases) that read 64,000 actions to find a few hundred. The actions of the
-- plan in force of a case in support (支援中・評価中) are now marked, and only they are indexed.
ALTER TABLE "case_actions" ADD COLUMN "in_force" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "case_actions" a SET "in_force" = true FROM "cases" c
 WHERE c.id = a.case_id AND c.plan_in_force_id = a.plan_id AND c.status IN ('supporting', 'evaluating');--> statement-breakpoint
DROP INDEX "case_actions_org_until";--> statement-breakpoint
CREATE INDEX "case_actions_in_force_org_until" ON "case_actions" USING btree ("organisation_id","until") WHERE in_force;--> statement-breakpoint
-- A new action takes the mark from its case (a plan's actions are written before it is in force,
-- and a plan approved in the same step as its writing is covered by the update below).
CREATE FUNCTION app_case_action_in_force() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.in_force := coalesce((SELECT c.plan_in_force_id = NEW.plan_id AND c.status IN ('supporting', 'evaluating')
                              FROM cases c WHERE c.id = NEW.case_id), false);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER app_case_action_in_force BEFORE INSERT OR UPDATE OF plan_id, case_id ON case_actions
  FOR EACH ROW EXECUTE FUNCTION app_case_action_in_force();--> statement-breakpoint
-- A case whose plan in force or status changes moves the mark of its actions: those of the plan
-- in force before and after (the actions of every other version are unmarked already), found
-- through the plan's index.
CREATE FUNCTION app_case_actions_follow_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_actions a
     SET in_force = coalesce(a.plan_id = NEW.plan_in_force_id AND NEW.status IN ('supporting', 'evaluating'), false)
   WHERE a.plan_id IN (OLD.plan_in_force_id, NEW.plan_in_force_id) AND a.case_id = NEW.id
     AND a.in_force IS DISTINCT FROM
         coalesce(a.plan_id = NEW.plan_in_force_id AND NEW.status IN ('supporting', 'evaluating'), false);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER app_case_actions_follow_case AFTER UPDATE OF plan_in_force_id, status ON cases
  FOR EACH ROW WHEN (OLD.plan_in_force_id IS DISTINCT FROM NEW.plan_in_force_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION app_case_actions_follow_case();
