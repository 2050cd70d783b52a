-- The work queue's overdue actions came from every action of an organisation whose period had
-- passed, past plan versions and ended cases included, then kept those of a plan in force: on a
-- ten-year city (100,000 cases) that read 64,000 actions to find a few hundred. The actions of the
-- plan in force of a case in support (支援中・評価中) are now marked, and only they are indexed.
ALTER TABLE "case_actions" ADD COLUMN "in_force" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "case_actions" a SET "in_force" = true FROM "cases" c
 WHERE c.id = a.case_id AND c.plan_in_force_id = a.plan_id AND c.status IN ('supporting', 'evaluating');--> statement-breakpoint
DROP INDEX "case_actions_org_until";--> statement-breakpoint
CREATE INDEX "case_actions_in_force_org_until" ON "case_actions" USING btree ("organisation_id","until") WHERE in_force;--> statement-breakpoint
-- New actions take the mark from their case, and cases written with their plan in force (bulk
-- loads) give it to their actions: statement triggers, which also see rows written by the other
-- parts of the same statement (a world inserted in one statement of CTEs).
CREATE FUNCTION app_case_actions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_actions a
     SET in_force = coalesce(a.plan_id = c.plan_in_force_id AND c.status IN ('supporting', 'evaluating'), false)
    FROM new_rows n JOIN cases c ON c.id = n.case_id
   WHERE a.id = n.id
     AND a.in_force IS DISTINCT FROM
         coalesce(a.plan_id = c.plan_in_force_id AND c.status IN ('supporting', 'evaluating'), false);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER app_case_actions_inserted AFTER INSERT ON case_actions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_actions_inserted();--> statement-breakpoint
CREATE FUNCTION app_cases_inserted_actions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_actions a SET in_force = true
    FROM new_rows c
   WHERE a.plan_id = c.plan_in_force_id AND a.case_id = c.id
     AND c.status IN ('supporting', 'evaluating') AND NOT a.in_force;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER app_cases_inserted_actions AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_cases_inserted_actions();--> statement-breakpoint
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
