CREATE TABLE "sync_departures" (
	"server_seq" bigint PRIMARY KEY NOT NULL,
	"bucket" text NOT NULL,
	"society_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sync_departures_bucket_seq_idx" ON "sync_departures" USING btree ("bucket","server_seq");