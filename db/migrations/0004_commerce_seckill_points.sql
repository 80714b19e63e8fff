CREATE TABLE `points_ledger` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`reason` enum('lesson_completed','course_completed') NOT NULL,
	`ref_id` bigint unsigned NOT NULL,
	`points` int unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `points_ledger_id` PRIMARY KEY(`id`),
	CONSTRAINT `points_ledger_award_uq` UNIQUE(`user_id`,`reason`,`ref_id`)
);
--> statement-breakpoint
CREATE TABLE `coupon_redemptions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`coupon_id` bigint unsigned NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `coupon_redemptions_id` PRIMARY KEY(`id`),
	CONSTRAINT `coupon_redemptions_order_uq` UNIQUE(`order_id`)
);
--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`code` varchar(32) NOT NULL,
	`kind` enum('fixed','percent') NOT NULL,
	`value` int unsigned NOT NULL,
	`course_id` bigint unsigned,
	`max_uses` int unsigned,
	`used_count` int unsigned NOT NULL DEFAULT 0,
	`starts_at` datetime(3) NOT NULL,
	`ends_at` datetime(3) NOT NULL,
	`disabled` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `coupons_id` PRIMARY KEY(`id`),
	CONSTRAINT `coupons_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` bigint unsigned NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `memberships_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `payment_attempts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`provider` enum('alipay','wechat','unionpay') NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `payment_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `payment_notifications` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`provider` enum('alipay','wechat','unionpay') NOT NULL,
	`kind` enum('payment','refund','unknown') NOT NULL DEFAULT 'unknown',
	`verified` boolean NOT NULL DEFAULT false,
	`outcome` enum('applied','duplicate','rejected','unverified','ignored','error') NOT NULL,
	`reason` varchar(255),
	`order_no` varchar(32),
	`refund_no` varchar(32),
	`provider_trade_no` varchar(64),
	`amount_fen` bigint unsigned,
	`raw_body` mediumtext NOT NULL,
	`raw_headers` json NOT NULL,
	`received_at` datetime(3) NOT NULL,
	CONSTRAINT `payment_notifications_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`refund_no` varchar(32) NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`order_item_id` bigint unsigned,
	`provider` enum('alipay','wechat','unionpay') NOT NULL,
	`amount_fen` bigint unsigned NOT NULL,
	`reason` varchar(255) NOT NULL,
	`status` enum('pending','succeeded','failed') NOT NULL DEFAULT 'pending',
	`provider_refund_no` varchar(64),
	`failure_reason` varchar(255),
	`requested_by` bigint unsigned,
	`requested_at` datetime(3) NOT NULL,
	`completed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `refunds_refund_no_uq` UNIQUE(`refund_no`)
);
--> statement-breakpoint
CREATE TABLE `seckill_sales` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`course_id` bigint unsigned NOT NULL,
	`price_fen` bigint unsigned NOT NULL,
	`seats` int unsigned NOT NULL,
	`seats_left` int unsigned NOT NULL,
	`starts_at` datetime(3) NOT NULL,
	`ends_at` datetime(3) NOT NULL,
	`status` enum('active','cancelled') NOT NULL DEFAULT 'active',
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `seckill_sales_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `seckill_seats` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`sale_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`holder_id` bigint unsigned,
	`admission_id` varchar(64) NOT NULL,
	`order_id` bigint unsigned,
	`status` enum('held','paid','released') NOT NULL DEFAULT 'held',
	`pay_before` datetime(3) NOT NULL,
	`paid_at` datetime(3),
	`released_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `seckill_seats_id` PRIMARY KEY(`id`),
	CONSTRAINT `seckill_seats_sale_holder_uq` UNIQUE(`sale_id`,`holder_id`),
	CONSTRAINT `seckill_seats_admission_uq` UNIQUE(`admission_id`)
);
--> statement-breakpoint
ALTER TABLE `lesson_progress` ADD `percent` tinyint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `list_price_fen` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `paid_fen` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `refunded_at` datetime(3);--> statement-breakpoint
ALTER TABLE `orders` ADD `source` enum('cart','seckill') DEFAULT 'cart' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `subtotal_fen` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_fen` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `refunded_fen` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `coupon_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `provider_trade_no` varchar(64);--> statement-breakpoint
ALTER TABLE `orders` ADD `pay_before` datetime(3);--> statement-breakpoint
ALTER TABLE `orders` ADD `closed_at` datetime(3);--> statement-breakpoint
ALTER TABLE `points_ledger` ADD CONSTRAINT `points_ledger_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `coupon_redemptions` ADD CONSTRAINT `coupon_redemptions_coupon_id_coupons_id_fk` FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `coupon_redemptions` ADD CONSTRAINT `coupon_redemptions_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `coupon_redemptions` ADD CONSTRAINT `coupon_redemptions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `coupons` ADD CONSTRAINT `coupons_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `memberships` ADD CONSTRAINT `memberships_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `payment_attempts` ADD CONSTRAINT `payment_attempts_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_order_item_id_order_items_id_fk` FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `seckill_sales` ADD CONSTRAINT `seckill_sales_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `seckill_sales` ADD CONSTRAINT `seckill_sales_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `seckill_seats` ADD CONSTRAINT `seckill_seats_sale_id_seckill_sales_id_fk` FOREIGN KEY (`sale_id`) REFERENCES `seckill_sales`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `seckill_seats` ADD CONSTRAINT `seckill_seats_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `seckill_seats` ADD CONSTRAINT `seckill_seats_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `points_ledger_created_idx` ON `points_ledger` (`created_at`);--> statement-breakpoint
CREATE INDEX `points_ledger_user_created_idx` ON `points_ledger` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `coupon_redemptions_coupon_idx` ON `coupon_redemptions` (`coupon_id`);--> statement-breakpoint
CREATE INDEX `memberships_expires_idx` ON `memberships` (`expires_at`);--> statement-breakpoint
CREATE INDEX `payment_attempts_order_idx` ON `payment_attempts` (`order_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `payment_notifications_order_idx` ON `payment_notifications` (`order_no`,`received_at`);--> statement-breakpoint
CREATE INDEX `payment_notifications_received_idx` ON `payment_notifications` (`received_at`);--> statement-breakpoint
CREATE INDEX `refunds_order_idx` ON `refunds` (`order_id`);--> statement-breakpoint
CREATE INDEX `refunds_status_idx` ON `refunds` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `seckill_sales_window_idx` ON `seckill_sales` (`starts_at`,`ends_at`);--> statement-breakpoint
CREATE INDEX `seckill_sales_course_idx` ON `seckill_sales` (`course_id`);--> statement-breakpoint
CREATE INDEX `seckill_seats_status_pay_before_idx` ON `seckill_seats` (`status`,`pay_before`);--> statement-breakpoint
CREATE INDEX `seckill_seats_order_idx` ON `seckill_seats` (`order_id`);--> statement-breakpoint
CREATE INDEX `orders_status_pay_before_idx` ON `orders` (`status`,`pay_before`);