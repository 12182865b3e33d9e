CREATE TABLE "office_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"public_key" text NOT NULL,
	"created_at" text NOT NULL,
	"retired_at" text,
	"from_device" text NOT NULL
);
