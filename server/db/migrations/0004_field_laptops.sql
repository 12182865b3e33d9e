ALTER TABLE "devices" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "enrolment_codes" ADD COLUMN "user_id" text;--> statement-breakpoint
CREATE INDEX "sync_rows_audit_auditor_idx" ON "sync_rows" USING btree (("data"->>'auditor_id')) WHERE "sync_rows"."table_name" = 'audits';