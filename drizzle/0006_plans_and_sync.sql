CREATE TABLE `conflict_resolution` (
	`connection_id` text NOT NULL,
	`row_key` text NOT NULL,
	`choice` text NOT NULL,
	`decided_at` text NOT NULL,
	PRIMARY KEY(`connection_id`, `row_key`),
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onboarding_ticket` (
	`connection_id` text NOT NULL,
	`person_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`run_id` text NOT NULL,
	`logged_at` text NOT NULL,
	PRIMARY KEY(`connection_id`, `person_id`),
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_row` (
	`plan_id` text NOT NULL,
	`seq` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`site` text NOT NULL,
	`has_warnings` integer NOT NULL,
	`search_text` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`plan_id`, `seq`),
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_row_by_key` ON `plan_row` (`plan_id`,`key`);--> statement-breakpoint
CREATE TABLE `plan` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`scope` text NOT NULL,
	`built_at` text NOT NULL,
	`inputs` text NOT NULL,
	`document` text NOT NULL,
	`state` text NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_link` (
	`connection_id` text NOT NULL,
	`kind` text NOT NULL,
	`person_id` text NOT NULL,
	`halo_id` text NOT NULL,
	`linked_at` text NOT NULL,
	PRIMARY KEY(`connection_id`, `kind`, `person_id`),
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_op` (
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`phase` text NOT NULL,
	`ref` text NOT NULL,
	`action` text NOT NULL,
	`state` text NOT NULL,
	`payload` text NOT NULL,
	`halo_id` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`run_id`) REFERENCES `sync_run`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_run` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`state` text NOT NULL,
	`trigger` text NOT NULL,
	`allow_deactivations` integer,
	`started_at` text NOT NULL,
	`finished_at` text,
	`error` text,
	`summary` text NOT NULL,
	`owner` text,
	`heartbeat_at` text,
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
