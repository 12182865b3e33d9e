CREATE TABLE "change_log" (
	"server_seq" bigint PRIMARY KEY NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"version" integer NOT NULL,
	"office_id" text,
	"society_id" text,
	"device_id" text,
	"mutation_id" text,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"office_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"install_epoch" text NOT NULL,
	"last_applied_seq" bigint DEFAULT 0 NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone,
	"app_version" text,
	"revoked_at" timestamp with time zone,
	"clock_flagged_at" timestamp with time zone,
	"checkpoint" jsonb
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_device" text
);
--> statement-breakpoint
CREATE TABLE "mutation_archive" (
	"mutation_id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_leases" (
	"id" text PRIMARY KEY NOT NULL,
	"series" text NOT NULL,
	"first" integer NOT NULL,
	"last" integer NOT NULL,
	"device_id" text NOT NULL,
	"leased_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "processed_mutations" (
	"mutation_id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"verdict" text NOT NULL,
	"reason" text,
	"conflict_id" text,
	"processed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_audit" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"device_id" text,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_issues" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"mutation_id" text NOT NULL,
	"name" text NOT NULL,
	"table_name" text NOT NULL,
	"entity_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"reason" text NOT NULL,
	"user_id" text NOT NULL,
	"device_id" text NOT NULL,
	"office_id" text,
	"made_at" text NOT NULL,
	"theirs_by" text,
	"theirs_at" text,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "sync_rows" (
	"table_name" text NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"server_seq" bigint NOT NULL,
	"bucket" text,
	"office_id" text,
	"society_id" text,
	"data" jsonb NOT NULL,
	"hlc" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_device" text,
	CONSTRAINT "sync_rows_table_name_id_pk" PRIMARY KEY("table_name","id")
);
--> statement-breakpoint
CREATE INDEX "change_log_row_idx" ON "change_log" USING btree ("table_name","row_id");--> statement-breakpoint
CREATE INDEX "mutation_archive_device_idx" ON "mutation_archive" USING btree ("device_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "number_leases_series_first_uq" ON "number_leases" USING btree ("series","first");--> statement-breakpoint
CREATE UNIQUE INDEX "processed_mutations_device_seq_uq" ON "processed_mutations" USING btree ("device_id","seq");--> statement-breakpoint
CREATE INDEX "sync_issues_office_idx" ON "sync_issues" USING btree ("office_id","created_at") WHERE "sync_issues"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "sync_rows_bucket_seq_idx" ON "sync_rows" USING btree ("bucket","server_seq");--> statement-breakpoint
CREATE INDEX "sync_rows_office_seq_idx" ON "sync_rows" USING btree ("office_id","server_seq");--> statement-breakpoint
CREATE INDEX "sync_rows_society_seq_idx" ON "sync_rows" USING btree ("society_id","server_seq");