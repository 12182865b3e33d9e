CREATE TABLE "society_keys" (
	"society_id" text PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"name_key" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "society_keys_village_name_idx" ON "society_keys" USING btree ("village_id","name_key");