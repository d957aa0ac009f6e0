CREATE TABLE `connection` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`halo_instance_id` text NOT NULL,
	`settings` text NOT NULL,
	`last_test` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`halo_instance_id`) REFERENCES `halo_instance`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `directory_snapshot` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`state` text NOT NULL,
	`started_at` text NOT NULL,
	`completed_at` text,
	`summary` text,
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot_app_assignment` (
	`snapshot_id` text NOT NULL,
	`app_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `app_id`, `person_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot_app` (
	`snapshot_id` text NOT NULL,
	`id` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot_group` (
	`snapshot_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshot_membership` (
	`snapshot_id` text NOT NULL,
	`group_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `group_id`, `person_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `snapshot_membership_person` ON `snapshot_membership` (`snapshot_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `snapshot_person` (
	`snapshot_id` text NOT NULL,
	`id` text NOT NULL,
	`status` text NOT NULL,
	`search_text` text NOT NULL,
	`display_name` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `directory_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
