CREATE TABLE `reference_images` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`mime_type` text,
	`content` text,
	`sha256` text,
	`size` integer,
	`width` integer,
	`height` integer,
	CONSTRAINT "reference_images_kind_ck" CHECK("reference_images"."kind" in ('state_emblem', 'department_logo'))
);
--> statement-breakpoint
CREATE INDEX `reference_images_kind_idx` ON `reference_images` (`kind`,`created_at`);