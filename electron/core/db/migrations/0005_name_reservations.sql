CREATE TABLE `name_reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`type_id` text NOT NULL,
	`office_id` text NOT NULL,
	`applicant_name` text NOT NULL,
	`reserved_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`application_id` text,
	FOREIGN KEY (`type_id`) REFERENCES `society_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `registration_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `name_reservations_key_idx` ON `name_reservations` (`name_key`,`expires_on`);