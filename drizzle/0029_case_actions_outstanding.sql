-- The work queue kept the overdue actions of plans in force that were not yet done with a look-up
-- of the completions for each of them: 1,640 look-ups on every request of the benchmark city's
-- coordinators, one index probe each once actions are done. The mark now says the action is
-- outstanding: of the plan in force of a case in support (支援中・評価中) and not marked done.
-- Marking an action done (or taking the mark back) moves it, as the case's plan and status do.
ALTER TABLE "case_actions" RENAME COLUMN "in_force" TO "outstanding";--> statement-breakpoint
DROP INDEX "case_actions_in_force_org_until";--> statement-breakpoint
UPDATE "case_actions" a SET "outstanding" = false
 WHERE a.outstanding
   AND EXISTS (SELECT 1 FROM case_action_completions k WHERE k.case_id = a.case_id AND k.action_key = a.action_key AND k.tenant_id = a.tenant_id);--> statement-breakpoint
CREATE INDEX "case_actions_outstanding_org_until" ON "case_actions" USING btree ("organisation_id","until") INCLUDE ("id","case_id","tenant_id") WHERE outstanding;--> statement-breakpoint
-- Whether an action is outstanding, from its case's plan in force and status and the completions.
CREATE FUNCTION app_action_outstanding(plan_id uuid, case_id uuid, action_key text, tenant_id uuid,
                                       plan_in_force_id uuid, case_status text)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce($1 = $5 AND $6 IN ('supporting', 'evaluating'), false)
     AND NOT EXISTS (SELECT 1 FROM case_action_completions k
                      WHERE k.case_id = $2 AND k.action_key = $3 AND k.tenant_id = $4)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_case_actions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_actions a
     SET outstanding = app_action_outstanding(a.plan_id, a.case_id, a.action_key, a.tenant_id, c.plan_in_force_id, c.status)
    FROM new_rows n JOIN cases c ON c.id = n.case_id
   WHERE a.id = n.id
     AND a.outstanding IS DISTINCT FROM
         app_action_outstanding(a.plan_id, a.case_id, a.action_key, a.tenant_id, c.plan_in_force_id, c.status);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_cases_inserted_actions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_actions a SET outstanding = true
    FROM new_rows c
   WHERE a.plan_id = c.plan_in_force_id AND a.case_id = c.id AND NOT a.outstanding
     AND app_action_outstanding(a.plan_id, a.case_id, a.action_key, a.tenant_id, c.plan_in_force_id, c.status);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_case_actions_follow_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_actions a
     SET outstanding = app_action_outstanding(a.plan_id, a.case_id, a.action_key, a.tenant_id, NEW.plan_in_force_id, NEW.status)
   WHERE a.plan_id IN (OLD.plan_in_force_id, NEW.plan_in_force_id) AND a.case_id = NEW.id
     AND a.outstanding IS DISTINCT FROM
         app_action_outstanding(a.plan_id, a.case_id, a.action_key, a.tenant_id, NEW.plan_in_force_id, NEW.status);
  RETURN NULL;
END $$;--> statement-breakpoint
-- Only the actions of a plan in force can be outstanding: they are found through the plan's index.
-- A completion moves the actions of its own tenant only (a row whose case is another tenant's,
-- which only the tables' owner could write, changes nothing).
CREATE FUNCTION app_case_action_completions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE case_actions a SET outstanding = true
      FROM old_rows k JOIN cases c ON c.id = k.case_id AND c.tenant_id = k.tenant_id
     WHERE a.plan_id = c.plan_in_force_id AND a.case_id = k.case_id AND a.action_key = k.action_key
       AND NOT a.outstanding
       AND app_action_outstanding(a.plan_id, a.case_id, a.action_key, a.tenant_id, c.plan_in_force_id, c.status);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE case_actions a SET outstanding = false
      FROM new_rows k JOIN cases c ON c.id = k.case_id AND c.tenant_id = k.tenant_id
     WHERE a.plan_id = c.plan_in_force_id AND a.case_id = k.case_id AND a.action_key = k.action_key
       AND a.outstanding;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER app_case_action_completions_inserted AFTER INSERT ON case_action_completions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_action_completions_changed();--> statement-breakpoint
CREATE TRIGGER app_case_action_completions_updated AFTER UPDATE ON case_action_completions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_action_completions_changed();--> statement-breakpoint
CREATE TRIGGER app_case_action_completions_deleted AFTER DELETE ON case_action_completions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_action_completions_changed();
