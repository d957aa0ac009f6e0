CREATE TABLE `snapshot_direct_member` (
	`snapshot_id` text NOT NULL,
	`group_id` text NOT NULL,
	`member_id` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `group_id`, `member_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `directory_snapshot` ADD `delta_links` text;