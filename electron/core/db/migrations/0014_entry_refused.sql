ALTER TABLE `registration_applications` ADD `entry_refused_reason` text;--> statement-breakpoint
ALTER TABLE `registration_applications` ADD `entry_refused_reg_no` text;