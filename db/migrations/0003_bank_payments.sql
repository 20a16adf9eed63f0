CREATE TABLE `bank_payments` (
	`currency` text NOT NULL,
	`reference` text NOT NULL,
	`agent_id` integer NOT NULL,
	`source` text NOT NULL,
	`funding_request_id` integer,
	`ledger_entry_id` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`currency`, `reference`),
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
