CREATE TABLE `application_promoters` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`application_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`relation_name` text NOT NULL,
	`age` integer NOT NULL,
	`occupation` text NOT NULL,
	`address` text NOT NULL,
	`shares` integer NOT NULL,
	`amount_paid_paise` integer NOT NULL,
	`is_chief` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `registration_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_promoters_application_idx` ON `application_promoters` (`application_id`,`position`);--> statement-breakpoint
CREATE TABLE `deficiency_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`application_id` text NOT NULL,
	`issued_on` text NOT NULL,
	`items` text NOT NULL,
	`reply_on` text,
	`reply_note` text,
	FOREIGN KEY (`application_id`) REFERENCES `registration_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deficiency_letters_application_idx` ON `deficiency_letters` (`application_id`,`issued_on`);--> statement-breakpoint
CREATE TABLE `number_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`series` text NOT NULL,
	`serial` integer NOT NULL,
	`number` text NOT NULL,
	`purpose` text NOT NULL,
	`owner_id` text NOT NULL,
	`voided_at` text,
	`void_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_allocations_uq` ON `number_allocations` (`series`,`serial`);--> statement-breakpoint
CREATE TABLE `number_blocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series` text NOT NULL,
	`first` integer NOT NULL,
	`last` integer NOT NULL,
	`next` integer NOT NULL,
	`granted_by` text NOT NULL,
	`granted_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `number_blocks_series_idx` ON `number_blocks` (`series`,`first`);--> statement-breakpoint
CREATE TABLE `registration_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`ack_no` text NOT NULL,
	`proposed_name` text NOT NULL,
	`proposed_name_mizo` text,
	`type_id` text NOT NULL,
	`office_id` text NOT NULL,
	`district_id` text NOT NULL,
	`village_id` text,
	`address` text NOT NULL,
	`area_village_ids` text NOT NULL,
	`received_on` text NOT NULL,
	`mode` text NOT NULL,
	`share_capital_paise` integer NOT NULL,
	`bank_certificate_ref` text,
	`by_laws` text NOT NULL,
	`fee_receipt_no` text,
	`scrutiny` text DEFAULT '{}' NOT NULL,
	`state` text DEFAULT 'received' NOT NULL,
	`received_by` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_reasons` text,
	`society_id` text,
	FOREIGN KEY (`type_id`) REFERENCES `society_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "registration_applications_state_ck" CHECK("registration_applications"."state" in ('received', 'under_scrutiny', 'deficient', 'approved', 'refused', 'deemed', 'withdrawn')),
	CONSTRAINT "registration_applications_maker_checker_ck" CHECK("registration_applications"."decided_by" is null or "registration_applications"."decided_by" <> "registration_applications"."received_by")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registration_applications_ack_uq` ON `registration_applications` (`ack_no`);--> statement-breakpoint
CREATE INDEX `registration_applications_office_state_idx` ON `registration_applications` (`office_id`,`state`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`serial` text NOT NULL,
	`kind` text NOT NULL,
	`society_id` text NOT NULL,
	`office_id` text NOT NULL,
	`issued_on` text NOT NULL,
	`document` text NOT NULL,
	`payload` text NOT NULL,
	`signature` text NOT NULL,
	`key_id` text NOT NULL,
	`duplicate_of` text,
	`revoked_at` text,
	`revoked_reason` text,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certificates_kind_ck" CHECK("certificates"."kind" in ('registration', 'duplicate'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_serial_uq` ON `certificates` (`serial`);--> statement-breakpoint
CREATE INDEX `certificates_society_idx` ON `certificates` (`society_id`,`issued_on`);--> statement-breakpoint
CREATE TABLE `office_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`public_key` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
