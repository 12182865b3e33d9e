-- Password hashes sync to the computers of the user's office (user_passwords); wrong tries
-- and the last sign-in stay on this computer (user_credentials).
CREATE TABLE `user_passwords` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`user_id` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change` integer DEFAULT false NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_passwords_userId_unique` ON `user_passwords` (`user_id`);--> statement-breakpoint
-- The hashes move to the synced table, each under its user's id; the sign-in state stays here.
INSERT INTO `user_passwords` (`id`, `version`, `created_at`, `created_by`, `updated_at`, `updated_by`, `user_id`, `password_hash`, `must_change`, `changed_at`)
SELECT `user_id`, 1, `changed_at`, `user_id`, `changed_at`, `user_id`, `user_id`, `password_hash`, `must_change`, `changed_at` FROM `user_credentials`;--> statement-breakpoint
ALTER TABLE `user_credentials` DROP COLUMN `password_hash`;--> statement-breakpoint
ALTER TABLE `user_credentials` DROP COLUMN `must_change`;--> statement-breakpoint
ALTER TABLE `user_credentials` DROP COLUMN `changed_at`;