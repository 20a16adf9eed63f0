CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`ip` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `beneficiaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`phone` text NOT NULL,
	`currency` text NOT NULL,
	`network` text NOT NULL,
	`circle` text,
	`name` text,
	`last_used_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beneficiaries_one_per_number` ON `beneficiaries` (`agent_id`,`phone`);--> statement-breakpoint
CREATE TABLE `commission_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer,
	`currency` text NOT NULL,
	`network` text NOT NULL,
	`type` text NOT NULL,
	`rate_bps` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commission_rate_range" CHECK("commission_rates"."rate_bps" between 0 and 5000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commission_rates_one` ON `commission_rates` (`agent_id`,`currency`,`network`,`type`);--> statement-breakpoint
CREATE TABLE `price_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_source_id` integer NOT NULL,
	`old_price_minor` integer,
	`new_price_minor` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`product_source_id`) REFERENCES `product_sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `product_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`provider` text NOT NULL,
	`plan_code` text NOT NULL,
	`provider_name` text NOT NULL,
	`price_minor` integer,
	`cost_bps` integer NOT NULL,
	`available` integer DEFAULT true NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_sources_one_per_provider` ON `product_sources` (`product_id`,`provider`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`identity` text NOT NULL,
	`currency` text NOT NULL,
	`network` text NOT NULL,
	`circle` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`data_mb` integer,
	`validity_days` integer,
	`price_minor` integer,
	`min_minor` integer,
	`max_minor` integer,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_identity_unique` ON `products` (`identity`);--> statement-breakpoint
CREATE INDEX `products_browse_idx` ON `products` (`currency`,`network`,`type`,`active`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`currency` text NOT NULL,
	`user_id` integer,
	`provider` text,
	`balance` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "accounts_wallet_no_overdraft" CHECK("accounts"."kind" <> 'wallet' or "accounts"."balance" >= 0),
	CONSTRAINT "accounts_reserved_non_negative" CHECK("accounts"."reserved" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_code_unique` ON `accounts` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_one_wallet_per_currency` ON `accounts` (`user_id`,`currency`);--> statement-breakpoint
CREATE TABLE `funding_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`bank_reference` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "funding_requests_amount_positive" CHECK("funding_requests"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funding_requests_bank_ref` ON `funding_requests` (`agent_id`,`bank_reference`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`debit_account_id` integer NOT NULL,
	`credit_account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`purchase_id` integer,
	`reference` text,
	`memo` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`debit_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_amount_positive" CHECK("ledger_entries"."amount" > 0),
	CONSTRAINT "ledger_distinct_accounts" CHECK("ledger_entries"."debit_account_id" <> "ledger_entries"."credit_account_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_idempotency_key_unique` ON `ledger_entries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `ledger_debit_idx` ON `ledger_entries` (`debit_account_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_credit_idx` ON `ledger_entries` (`credit_account_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_purchase_idx` ON `ledger_entries` (`purchase_id`);--> statement-breakpoint
CREATE TABLE `provider_credentials` (
	`provider` text NOT NULL,
	`field` text NOT NULL,
	`ciphertext` text NOT NULL,
	`set_at` integer NOT NULL,
	`set_by` integer,
	PRIMARY KEY(`provider`, `field`),
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `provider_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`base_url` text NOT NULL,
	`timeout_ms` integer NOT NULL,
	`paths` text,
	`options` text,
	`low_balance_minor` integer DEFAULT 0 NOT NULL,
	`last_balance_minor` integer,
	`last_balance_at` integer,
	`paused_at` integer,
	`paused_reason` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `routes` (
	`currency` text NOT NULL,
	`network` text NOT NULL,
	`type` text NOT NULL,
	`providers` text NOT NULL,
	PRIMARY KEY(`currency`, `network`, `type`)
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `callback_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`reference` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callback_inbox_dedupe_key_unique` ON `callback_inbox` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `purchase_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_id` integer NOT NULL,
	`provider` text NOT NULL,
	`reference` text NOT NULL,
	`plan_code` text NOT NULL,
	`provider_cost_minor` integer NOT NULL,
	`status` text NOT NULL,
	`provider_code` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_attempts_reference_unique` ON `purchase_attempts` (`reference`);--> statement-breakpoint
CREATE INDEX `attempts_purchase_idx` ON `purchase_attempts` (`purchase_id`);--> statement-breakpoint
CREATE TABLE `purchase_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_id` integer NOT NULL,
	`attempt_id` integer,
	`kind` text NOT NULL,
	`status` text,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_purchase_idx` ON `purchase_events` (`purchase_id`,`id`);--> statement-breakpoint
CREATE TABLE `purchase_resolutions` (
	`purchase_id` integer PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`resolved_by` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `purchase_reversals` (
	`purchase_id` integer PRIMARY KEY NOT NULL,
	`resolved_by` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `purchases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`product_id` integer NOT NULL,
	`type` text NOT NULL,
	`currency` text NOT NULL,
	`network` text NOT NULL,
	`circle` text,
	`phone` text NOT NULL,
	`face_minor` integer NOT NULL,
	`agent_cost_minor` integer NOT NULL,
	`commission_minor` integer NOT NULL,
	`status` text NOT NULL,
	`provider` text NOT NULL,
	`reference` text NOT NULL,
	`provider_ref` text,
	`operator_ref` text,
	`receipt_token_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`final_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "purchases_amounts" CHECK("purchases"."agent_cost_minor" > 0 and "purchases"."face_minor" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_receipt_token_hash_unique` ON `purchases` (`receipt_token_hash`);--> statement-breakpoint
CREATE INDEX `purchases_agent_idx` ON `purchases` (`agent_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchases_status_idx` ON `purchases` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_idempotency` ON `purchases` (`agent_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `requery_jobs` (
	`attempt_id` integer PRIMARY KEY NOT NULL,
	`purchase_id` integer NOT NULL,
	`provider` text NOT NULL,
	`next_at` integer NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	`not_found_count` integer DEFAULT 0 NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `purchase_attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requery_due_idx` ON `requery_jobs` (`next_at`);--> statement-breakpoint
CREATE TABLE `throttle_buckets` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_start` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`password_hash` text NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`max_sale_minor` integer,
	`daily_limit_minor` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "users_role_valid" CHECK("users"."role" in ('agent', 'admin')),
	CONSTRAINT "users_status_valid" CHECK("users"."status" in ('active', 'disabled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);