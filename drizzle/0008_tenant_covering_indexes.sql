-- Under row-level security every scan also checks tenant_id. The indexes that the access
-- checks (access/case-scope.ts) probe for each candidate record carry it, so that those probes
-- stay index-only scans instead of fetching each row from the table.
DROP INDEX consultations_org_person;
--> statement-breakpoint
CREATE INDEX consultations_org_person ON consultations (organisation_id, person_id) INCLUDE (tenant_id);
--> statement-breakpoint
DROP INDEX consultations_org_household;
--> statement-breakpoint
CREATE INDEX consultations_org_household ON consultations (organisation_id, household_id) INCLUDE (tenant_id);
--> statement-breakpoint
DROP INDEX consultations_household;
--> statement-breakpoint
CREATE INDEX consultations_household ON consultations (household_id) INCLUDE (tenant_id, organisation_id, taken_by_user_id);
--> statement-breakpoint
DROP INDEX consultations_person_org;
--> statement-breakpoint
CREATE INDEX consultations_person_org ON consultations (person_id, organisation_id) INCLUDE (tenant_id, taken_by_user_id);
--> statement-breakpoint
DROP INDEX referrals_to_org_person;
--> statement-breakpoint
CREATE INDEX referrals_to_org_person ON referrals (to_organisation_id, person_id, status) INCLUDE (tenant_id);
--> statement-breakpoint
DROP INDEX referrals_person;
--> statement-breakpoint
CREATE INDEX referrals_person ON referrals (person_id) INCLUDE (tenant_id, status, to_organisation_id, to_multi_agency);
--> statement-breakpoint
DROP INDEX referrals_household;
--> statement-breakpoint
CREATE INDEX referrals_household ON referrals (household_id) INCLUDE (tenant_id, status, to_organisation_id, to_multi_agency);
--> statement-breakpoint
DROP INDEX household_members_person;
--> statement-breakpoint
CREATE INDEX household_members_person ON household_members (person_id) INCLUDE (household_id, tenant_id);
--> statement-breakpoint
DROP INDEX case_team_current_org;
--> statement-breakpoint
CREATE INDEX case_team_current_org ON case_team_members (organisation_id, case_id) INCLUDE (tenant_id) WHERE left_on IS NULL;
--> statement-breakpoint
DROP INDEX cases_household;
--> statement-breakpoint
CREATE INDEX cases_household ON cases (household_id) INCLUDE (tenant_id);
--> statement-breakpoint
DROP INDEX persons_merged_into;
--> statement-breakpoint
CREATE INDEX persons_merged_into ON persons (merged_into_id) INCLUDE (tenant_id);
