CREATE TABLE `halo_instance` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`base_url` text NOT NULL,
	`deployment` text NOT NULL,
	`tenant` text,
	`auth_server_url` text,
	`auth_mode` text NOT NULL,
	`client_id` text NOT NULL,
	`scope` text NOT NULL,
	`rate_limit_requests` integer NOT NULL,
	`rate_limit_window_ms` integer NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`last_check` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `halo_lookup` (
	`instance_id` text NOT NULL,
	`kind` text NOT NULL,
	`records` text NOT NULL,
	`record_count` integer NOT NULL,
	`fetched_at` text NOT NULL,
	PRIMARY KEY(`instance_id`, `kind`),
	FOREIGN KEY (`instance_id`) REFERENCES `halo_instance`(`id`) ON UPDATE no action ON DELETE cascade
);
