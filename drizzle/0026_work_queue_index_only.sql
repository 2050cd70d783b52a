-- The work queue of an organisation that leads many cases (the coordinators lead most of the
-- benchmark city's) counts every due item: each part visited one table row per item, spread over
-- as many pages (about 1,400 for 3,300 items). Each part now reads its index alone (index-only
-- scans): the columns the queue reads and the tenant that row-level security checks are carried.
CREATE INDEX "cases_lead_review_due" ON "cases" USING btree ("lead_organisation_id","next_review_on") INCLUDE ("id","tenant_id") WHERE status = 'supporting';--> statement-breakpoint
-- An expression index serves an index-only scan only when it also carries the columns of the expression.
CREATE INDEX "cases_lead_last_record" ON "cases" USING btree ("lead_organisation_id",coalesce(last_record_on, opened_on)) INCLUDE ("id","tenant_id","last_record_on","opened_on") WHERE status = any(array['received','screening','assessment','planning','awaiting_decision','supporting','evaluating']::text[]);--> statement-breakpoint
CREATE INDEX "cases_awaiting_screening" ON "cases" USING btree ("tenant_id","opened_on") INCLUDE ("id") WHERE status in ('received', 'screening');--> statement-breakpoint
DROP INDEX "cases_lead_status";--> statement-breakpoint
CREATE INDEX "cases_lead_status" ON "cases" USING btree ("lead_organisation_id","status") INCLUDE ("id","tenant_id");--> statement-breakpoint
DROP INDEX "case_actions_in_force_org_until";--> statement-breakpoint
CREATE INDEX "case_actions_in_force_org_until" ON "case_actions" USING btree ("organisation_id","until") INCLUDE ("id","case_id","action_key","tenant_id") WHERE in_force;
