CREATE TABLE `membership_plans` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`period` enum('monthly','quarterly','yearly') NOT NULL,
	`name_zh` varchar(64) NOT NULL,
	`name_en` varchar(64) NOT NULL,
	`price_fen` bigint unsigned NOT NULL,
	`monthly_points` int unsigned NOT NULL DEFAULT 0,
	`active` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `membership_plans_id` PRIMARY KEY(`id`),
	CONSTRAINT `membership_plans_period_uq` UNIQUE(`period`)
);
--> statement-breakpoint
CREATE TABLE `membership_terms` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`plan_id` bigint unsigned NOT NULL,
	`order_item_id` bigint unsigned NOT NULL,
	`days` smallint unsigned NOT NULL,
	`starts_at` datetime(3) NOT NULL,
	`ends_at` datetime(3) NOT NULL,
	`paid_fen` bigint unsigned NOT NULL,
	`monthly_points` int unsigned NOT NULL DEFAULT 0,
	`bonuses_given` tinyint unsigned NOT NULL DEFAULT 0,
	`next_bonus_at` datetime(3),
	`refunded_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `membership_terms_id` PRIMARY KEY(`id`),
	CONSTRAINT `membership_terms_item_uq` UNIQUE(`order_item_id`)
);
--> statement-breakpoint
ALTER TABLE `points_ledger` MODIFY COLUMN `reason` enum('lesson_completed','course_completed','membership_bonus') NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` MODIFY COLUMN `course_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` MODIFY COLUMN `source` enum('cart','seckill','membership') NOT NULL DEFAULT 'cart';--> statement-breakpoint
ALTER TABLE `courses` ADD `included_in_membership` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `coupons` ADD `applies_to_plans` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `plan_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `memberships` ADD `started_at` datetime(3);--> statement-breakpoint
ALTER TABLE `memberships` ADD `ended_at` datetime(3);--> statement-breakpoint
ALTER TABLE `memberships` ADD `reminded_week_for` datetime(3);--> statement-breakpoint
ALTER TABLE `memberships` ADD `reminded_day_for` datetime(3);--> statement-breakpoint
ALTER TABLE `order_items` ADD `kind` enum('course','membership') DEFAULT 'course' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `plan_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `order_items` ADD `term_days` smallint unsigned;--> statement-breakpoint
ALTER TABLE `membership_terms` ADD CONSTRAINT `membership_terms_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `membership_terms` ADD CONSTRAINT `membership_terms_plan_id_membership_plans_id_fk` FOREIGN KEY (`plan_id`) REFERENCES `membership_plans`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `membership_terms` ADD CONSTRAINT `membership_terms_order_item_id_order_items_id_fk` FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `membership_terms_user_starts_idx` ON `membership_terms` (`user_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `membership_terms_next_bonus_idx` ON `membership_terms` (`next_bonus_at`);--> statement-breakpoint
ALTER TABLE `order_items` ADD CONSTRAINT `order_items_product_ck` CHECK ((`kind` = 'course' AND `course_id` IS NOT NULL AND `plan_id` IS NULL) OR (`kind` = 'membership' AND `plan_id` IS NOT NULL AND `course_id` IS NULL AND `term_days` > 0));--> statement-breakpoint
ALTER TABLE `memberships` ADD CONSTRAINT `memberships_plan_id_membership_plans_id_fk` FOREIGN KEY (`plan_id`) REFERENCES `membership_plans`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `order_items` ADD CONSTRAINT `order_items_plan_id_membership_plans_id_fk` FOREIGN KEY (`plan_id`) REFERENCES `membership_plans`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `memberships_ended_expires_idx` ON `memberships` (`ended_at`,`expires_at`);--> statement-breakpoint
CREATE INDEX `order_items_plan_idx` ON `order_items` (`plan_id`);