-- Blocks of numbers leased by the state server (sync.md §6): each block remembers its lease.
ALTER TABLE `number_blocks` ADD `lease_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `number_blocks_lease_uq` ON `number_blocks` (`lease_id`);