CREATE TABLE `agent_daily_earnings` (
	`agent_id` integer NOT NULL,
	`day` integer NOT NULL,
	`currency` text NOT NULL,
	`network` text NOT NULL,
	`type` text NOT NULL,
	`sales_count` integer NOT NULL,
	`face_minor` integer NOT NULL,
	`commission_minor` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `day`, `currency`, `network`, `type`),
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Sales that were already SUCCESS before this table existed (constants as in lib/earnings/time.ts).
INSERT INTO `agent_daily_earnings` (`agent_id`, `day`, `currency`, `network`, `type`, `sales_count`, `face_minor`, `commission_minor`)
SELECT `agent_id`, (`created_at` + 3600000) / 86400000, `currency`, `network`, `type`, count(*), sum(`face_minor`), sum(`commission_minor`)
FROM `purchases` WHERE `status` = 'SUCCESS'
GROUP BY `agent_id`, (`created_at` + 3600000) / 86400000, `currency`, `network`, `type`;
