CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`name` text NOT NULL,
	`mutation_version` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`args` text NOT NULL,
	`base_version` integer,
	`base` text,
	`hlc` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`verdict` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutationId_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE TABLE `blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`district_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`lgd_code` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blocks_code_uq` ON `blocks` (`code`);--> statement-breakpoint
CREATE INDEX `blocks_district_idx` ON `blocks` (`district_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`lgd_code` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_code_uq` ON `districts` (`code`);--> statement-breakpoint
CREATE TABLE `office_jurisdictions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`office_id` text NOT NULL,
	`district_id` text NOT NULL,
	`village_id` text,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `office_jurisdictions_office_idx` ON `office_jurisdictions` (`office_id`);--> statement-breakpoint
CREATE INDEX `office_jurisdictions_district_idx` ON `office_jurisdictions` (`district_id`,`village_id`);--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`address` text NOT NULL,
	`level` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offices_code_uq` ON `offices` (`code`);--> statement-breakpoint
CREATE TABLE `rule_parameters` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`key` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`value` text NOT NULL,
	`effective_from` text NOT NULL,
	`legal_reference` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_parameters_key_uq` ON `rule_parameters` (`key`,`scope`,`effective_from`);--> statement-breakpoint
CREATE TABLE `sectors` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sectors_code_uq` ON `sectors` (`code`);--> statement-breakpoint
CREATE TABLE `society_types` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sector_id` text NOT NULL,
	`tier` text NOT NULL,
	`credit` integer NOT NULL,
	`min_promoters` integer NOT NULL,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "society_types_tier_ck" CHECK("society_types"."tier" in ('primary', 'central', 'apex'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `society_types_code_uq` ON `society_types` (`code`);--> statement-breakpoint
CREATE INDEX `society_types_sector_idx` ON `society_types` (`sector_id`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`block_id` text NOT NULL,
	`district_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`lgd_code` text,
	FOREIGN KEY (`block_id`) REFERENCES `blocks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_code_uq` ON `villages` (`code`);--> statement-breakpoint
CREATE INDEX `villages_district_idx` ON `villages` (`district_id`);--> statement-breakpoint
CREATE INDEX `villages_block_idx` ON `villages` (`block_id`);--> statement-breakpoint
CREATE TABLE `societies` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`name_mizo` text,
	`reg_no` text NOT NULL,
	`reg_no_key` text NOT NULL,
	`registered_on` text NOT NULL,
	`basis` text NOT NULL,
	`type_id` text NOT NULL,
	`tier` text NOT NULL,
	`liability` text NOT NULL,
	`address` text NOT NULL,
	`district_id` text NOT NULL,
	`village_id` text,
	`office_id` text NOT NULL,
	`share_value_paise` integer,
	`admission_fee_paise` integer,
	`authorised_capital_paise` integer,
	`financing_bank` text,
	`federation` text,
	`status` text NOT NULL,
	`status_since` text,
	`contact_person` text,
	`phone` text,
	`email` text,
	`ncd_id` text,
	`remarks` text,
	`sort_key` text NOT NULL,
	`search_rowid` integer NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `society_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "societies_status_ck" CHECK("societies"."status" in ('registered', 'functional', 'non_functional', 'under_liquidation', 'deregistered', 'merged')),
	CONSTRAINT "societies_basis_ck" CHECK("societies"."basis" in ('normal', 'deemed', 'legacy')),
	CONSTRAINT "societies_money_ck" CHECK(coalesce("societies"."share_value_paise", 0) >= 0 and coalesce("societies"."admission_fee_paise", 0) >= 0 and coalesce("societies"."authorised_capital_paise", 0) >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `societies_reg_no_key_uq` ON `societies` (`reg_no_key`) WHERE "societies"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `societies_search_rowid_uq` ON `societies` (`search_rowid`);--> statement-breakpoint
CREATE INDEX `societies_sort_idx` ON `societies` (`sort_key`);--> statement-breakpoint
CREATE INDEX `societies_district_idx` ON `societies` (`district_id`,`sort_key`);--> statement-breakpoint
CREATE INDEX `societies_office_idx` ON `societies` (`office_id`,`sort_key`);--> statement-breakpoint
CREATE INDEX `societies_type_idx` ON `societies` (`type_id`,`sort_key`);--> statement-breakpoint
CREATE INDEX `societies_status_idx` ON `societies` (`status`,`sort_key`);--> statement-breakpoint
CREATE INDEX `societies_registered_on_idx` ON `societies` (`registered_on`);--> statement-breakpoint
CREATE TABLE `society_area_villages` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`society_id` text NOT NULL,
	`village_id` text NOT NULL,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `society_area_villages_society_idx` ON `society_area_villages` (`society_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `society_area_villages_uq` ON `society_area_villages` (`society_id`,`village_id`) WHERE "society_area_villages"."deleted_at" is null;--> statement-breakpoint
CREATE TABLE `society_name_history` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`society_id` text NOT NULL,
	`name` text NOT NULL,
	`name_mizo` text,
	`used_until` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `society_name_history_society_idx` ON `society_name_history` (`society_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `society_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`society_id` text NOT NULL,
	`status` text NOT NULL,
	`effective_on` text,
	`order_ref` text,
	`reason` text,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `society_status_history_society_idx` ON `society_status_history` (`society_id`,`created_at`);