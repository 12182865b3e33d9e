CREATE TABLE `user_credentials` (
	`user_id` text PRIMARY KEY NOT NULL,
	`password_hash` text NOT NULL,
	`must_change` integer DEFAULT false NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_login_at` text,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`office_id` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_ck" CHECK("users"."role" in ('clerk', 'registrar', 'auditor', 'inspector', 'counter_secretary', 'administrator', 'viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`) WHERE "users"."deleted_at" is null;--> statement-breakpoint
CREATE TABLE `status_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`society_id` text NOT NULL,
	`office_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`effective_on` text NOT NULL,
	`order_ref` text NOT NULL,
	`reason` text NOT NULL,
	`state` text DEFAULT 'proposed' NOT NULL,
	`proposed_by` text NOT NULL,
	`proposed_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_note` text,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "status_orders_state_ck" CHECK("status_orders"."state" in ('proposed', 'approved', 'rejected')),
	CONSTRAINT "status_orders_maker_checker_ck" CHECK("status_orders"."decided_by" is null or "status_orders"."decided_by" <> "status_orders"."proposed_by"),
	CONSTRAINT "status_orders_decision_ck" CHECK(("status_orders"."state" = 'proposed') = ("status_orders"."decided_by" is null and "status_orders"."decided_at" is null))
);
--> statement-breakpoint
CREATE INDEX `status_orders_society_idx` ON `status_orders` (`society_id`,`proposed_at`);--> statement-breakpoint
CREATE INDEX `status_orders_pending_idx` ON `status_orders` (`state`,`office_id`);--> statement-breakpoint
CREATE TABLE `audit_trail` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`office_id` text,
	`device_id` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`subject_id` text,
	`changes` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_trail_id_unique` ON `audit_trail` (`id`);--> statement-breakpoint
CREATE INDEX `audit_trail_subject_idx` ON `audit_trail` (`subject_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_trail_user_idx` ON `audit_trail` (`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_trail_at_idx` ON `audit_trail` (`at`);--> statement-breakpoint
ALTER TABLE `society_status_history` ADD `order_id` text;