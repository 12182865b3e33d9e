CREATE TABLE "refused_records" (
	"table_name" text NOT NULL,
	"id" text NOT NULL,
	"device_id" text NOT NULL,
	"mutation_id" text NOT NULL,
	"reason" text NOT NULL,
	"same_as_id" text,
	"number" text,
	"refused_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refused_records_device_id_id_table_name_pk" PRIMARY KEY("device_id","id","table_name")
);
--> statement-breakpoint
ALTER TABLE "sync_issues" ADD COLUMN "theirs_id" text;--> statement-breakpoint
CREATE INDEX "refused_records_number_idx" ON "refused_records" USING btree ("device_id","number") WHERE "refused_records"."number" is not null;