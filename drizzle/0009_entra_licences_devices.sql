CREATE TABLE `snapshot_device` (
	`snapshot_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`search_text` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot_licence` (
	`snapshot_id` text NOT NULL,
	`id` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `sync_link` ADD `licences` text;