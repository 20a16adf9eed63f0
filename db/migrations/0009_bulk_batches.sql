CREATE TABLE `bulk_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`currency` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`total_cost_minor` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bulk_batches_agent_idx` ON `bulk_batches` (`agent_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bulk_batches_status_idx` ON `bulk_batches` (`status`);--> statement-breakpoint
CREATE TABLE `bulk_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`raw_number` text NOT NULL,
	`phone` text,
	`network` text,
	`product_id` integer,
	`product_name` text,
	`face_minor` integer,
	`agent_cost_minor` integer,
	`state` text NOT NULL,
	`message` text,
	`purchase_id` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `bulk_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bulk_rows_state_idx` ON `bulk_rows` (`batch_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `bulk_rows_batch_row` ON `bulk_rows` (`batch_id`,`row_number`);