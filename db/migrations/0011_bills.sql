CREATE TABLE `bill_verifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`account` text NOT NULL,
	`customer` text NOT NULL,
	`verified_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bill_verifications_lookup_idx` ON `bill_verifications` (`agent_id`,`product_id`,`account`);--> statement-breakpoint
ALTER TABLE `purchases` ADD `account` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `quantity` integer;--> statement-breakpoint
ALTER TABLE `purchases` ADD `subscription_type` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `token_expected` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `purchases` ADD `token` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `units` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `customer_name` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `token_at` integer;