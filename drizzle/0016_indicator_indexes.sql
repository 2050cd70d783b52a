CREATE INDEX "cases_tenant_opened" ON "cases" USING btree ("tenant_id","opened_on");--> statement-breakpoint
CREATE INDEX "consultations_tenant_received" ON "consultations" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "referrals_tenant_sent" ON "referrals" USING btree ("tenant_id","sent_at");