CREATE TABLE `secret_ref` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`keychain_account` text NOT NULL,
	`expires_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `secret_ref_keychain_account_unique` ON `secret_ref` (`keychain_account`);