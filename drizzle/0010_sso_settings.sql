CREATE TABLE `sso_setting` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`halo_connection_id` integer,
	`last_test` text,
	`last_apply` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
