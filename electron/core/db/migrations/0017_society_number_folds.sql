CREATE TABLE `society_number_folds` (
	`search_rowid` integer PRIMARY KEY NOT NULL,
	`reg_no_fold` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `society_number_folds_fold_idx` ON `society_number_folds` (`reg_no_fold`);