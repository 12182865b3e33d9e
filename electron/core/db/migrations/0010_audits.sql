CREATE TABLE `audit_defect_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`observation_id` text NOT NULL,
	`kind` text NOT NULL,
	`acted_on` text NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`observation_id`) REFERENCES `audit_observations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_defect_actions_kind_ck" CHECK("audit_defect_actions"."kind" in ('reply', 'rectified', 'not_accepted'))
);
--> statement-breakpoint
CREATE INDEX `audit_defect_actions_observation_idx` ON `audit_defect_actions` (`observation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `audit_fee_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`audit_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`amount_paise` integer NOT NULL,
	`received_on` text NOT NULL,
	`mode` text NOT NULL,
	`reference` text,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_fee_receipts_mode_ck" CHECK("audit_fee_receipts"."mode" in ('cash', 'challan', 'bank')),
	CONSTRAINT "audit_fee_receipts_amount_ck" CHECK("audit_fee_receipts"."amount_paise" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_fee_receipts_no_uq` ON `audit_fee_receipts` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `audit_fee_receipts_audit_idx` ON `audit_fee_receipts` (`audit_id`);--> statement-breakpoint
CREATE TABLE `audit_observations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`audit_id` text NOT NULL,
	`society_id` text NOT NULL,
	`para` integer NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`amount_paise` integer,
	`description` text NOT NULL,
	`recommendation` text NOT NULL,
	`rectification_due_on` text,
	`supersedes` text,
	`withdrawn` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_observations_kind_ck" CHECK("audit_observations"."kind" in ('defect', 'observation'))
);
--> statement-breakpoint
CREATE INDEX `audit_observations_audit_idx` ON `audit_observations` (`audit_id`,`para`);--> statement-breakpoint
CREATE INDEX `audit_observations_supersedes_idx` ON `audit_observations` (`supersedes`);--> statement-breakpoint
CREATE INDEX `audit_observations_due_idx` ON `audit_observations` (`rectification_due_on`);--> statement-breakpoint
CREATE TABLE `audit_rubrics` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`scope` text DEFAULT '' NOT NULL,
	`from_fy` text NOT NULL,
	`criteria` text NOT NULL,
	`thresholds` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_rubrics_scope_fy_uq` ON `audit_rubrics` (`scope`,`from_fy`) WHERE "audit_rubrics"."deleted_at" is null;--> statement-breakpoint
CREATE TABLE `audits` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`society_id` text NOT NULL,
	`fy` text NOT NULL,
	`state` text NOT NULL,
	`auditor_id` text NOT NULL,
	`auditor_kind` text NOT NULL,
	`assigned_by` text NOT NULL,
	`assigned_on` text NOT NULL,
	`fieldwork_from` text,
	`fieldwork_to` text,
	`statements` text DEFAULT '{}' NOT NULL,
	`balance_sheet_paise` integer,
	`net_profit_paise` integer,
	`rubric_id` text,
	`scores` text DEFAULT '{}' NOT NULL,
	`total_marks` integer,
	`max_marks` integer,
	`grade` text,
	`summary` text,
	`submitted_on` text,
	`reviewed_by` text,
	`reviewed_at` text,
	`review_remarks` text,
	`certificate_serial` text,
	`fee_computed_paise` integer,
	`fee_override_paise` integer,
	`fee_override_reason` text,
	FOREIGN KEY (`society_id`) REFERENCES `societies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auditor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rubric_id`) REFERENCES `audit_rubrics`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audits_state_ck" CHECK("audits"."state" in ('planned', 'in_field', 'submitted', 'returned', 'accepted')),
	CONSTRAINT "audits_kind_ck" CHECK("audits"."auditor_kind" in ('departmental', 'panel')),
	CONSTRAINT "audits_grade_ck" CHECK("audits"."grade" is null or "audits"."grade" in ('A', 'B', 'C', 'D'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audits_society_fy_uq` ON `audits` (`society_id`,`fy`) WHERE "audits"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `audits_auditor_idx` ON `audits` (`auditor_id`,`state`);--> statement-breakpoint
CREATE INDEX `audits_fy_state_idx` ON `audits` (`fy`,`state`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_certificates` (
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
	CONSTRAINT "certificates_kind_ck" CHECK("__new_certificates"."kind" in ('registration', 'duplicate', 'audit'))
);
--> statement-breakpoint
INSERT INTO `__new_certificates`("id", "version", "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "serial", "kind", "society_id", "office_id", "issued_on", "document", "payload", "signature", "key_id", "duplicate_of", "revoked_at", "revoked_reason") SELECT "id", "version", "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "serial", "kind", "society_id", "office_id", "issued_on", "document", "payload", "signature", "key_id", "duplicate_of", "revoked_at", "revoked_reason" FROM `certificates`;--> statement-breakpoint
DROP TABLE `certificates`;--> statement-breakpoint
ALTER TABLE `__new_certificates` RENAME TO `certificates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_serial_uq` ON `certificates` (`serial`);--> statement-breakpoint
CREATE INDEX `certificates_society_idx` ON `certificates` (`society_id`,`issued_on`);