CREATE TABLE "refused_records" (
	"table_name" text NOT NULL,
	"id" text NOT NULL,
	"device_id" text NOT NULL,
	"mutation_id" text NOT NULL,
	"reason" text NOT NULL,
	"same_as_id" text,
	"number" text,
	"refused_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refused_records_table_name_id_pk" PRIMARY KEY("table_name","id")
);
--> statement-breakpoint
ALTER TABLE "sync_issues" ADD COLUMN "theirs_id" text;--> statement-breakpoint
CREATE INDEX "refused_records_id_idx" ON "refused_records" USING btree ("id");--> statement-breakpoint
CREATE INDEX "refused_records_number_idx" ON "refused_records" USING btree ("number") WHERE "refused_records"."number" is not null;