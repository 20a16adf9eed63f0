CREATE TABLE `late_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_id` integer NOT NULL,
	`attempt_id` integer NOT NULL,
	`kind` text NOT NULL,
	`detected_by` text NOT NULL,
	`detected_at` integer NOT NULL,
	`resolution` text,
	`recovered_minor` integer,
	`debt_minor` integer,
	`reason` text,
	`resolved_by` text,
	`resolved_at` integer,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `purchase_attempts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `late_deliveries_attempt_id_unique` ON `late_deliveries` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `late_deliveries_open_idx` ON `late_deliveries` (`resolution`,`detected_at`);--> statement-breakpoint
ALTER TABLE `purchase_attempts` ADD `not_found_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `purchase_attempts` ADD `awaiting` text;