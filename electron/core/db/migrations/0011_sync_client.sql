CREATE TABLE `outbox_rows` (
	`seq` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	PRIMARY KEY(`seq`, `table_name`, `row_id`),
	FOREIGN KEY (`seq`) REFERENCES `outbox`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sync_issues` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`fetched_at` text NOT NULL
);
