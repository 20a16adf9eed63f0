CREATE TABLE `receipt_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_links_token_hash_unique` ON `receipt_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `receipt_links_purchase_idx` ON `receipt_links` (`purchase_id`);--> statement-breakpoint
ALTER TABLE `provider_settings` ADD `ca_cert_pem` text;--> statement-breakpoint
ALTER TABLE `provider_settings` ADD `tls_server_name` text;