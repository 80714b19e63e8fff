CREATE TABLE `notification_preferences` (
	`user_id` bigint unsigned NOT NULL,
	`kind` varchar(40) NOT NULL,
	`in_app` boolean NOT NULL,
	`email` boolean NOT NULL,
	`sms` boolean NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `notification_preferences_user_id_kind_pk` PRIMARY KEY(`user_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `course_updates` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`course_id` bigint unsigned NOT NULL,
	`new_lessons` int unsigned NOT NULL,
	`cursor_user_id` bigint unsigned NOT NULL DEFAULT 0,
	`notified` int unsigned NOT NULL DEFAULT 0,
	`batches` int unsigned NOT NULL DEFAULT 0,
	`done_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `course_updates_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` bigint unsigned NOT NULL,
	`target_type` enum('course','path') NOT NULL,
	`target_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `follows_user_id_target_type_target_id_pk` PRIMARY KEY(`user_id`,`target_type`,`target_id`)
);
--> statement-breakpoint
CREATE TABLE `learning_path_courses` (
	`path_id` bigint unsigned NOT NULL,
	`course_id` bigint unsigned NOT NULL,
	`position` int NOT NULL,
	CONSTRAINT `learning_path_courses_path_id_course_id_pk` PRIMARY KEY(`path_id`,`course_id`)
);
--> statement-breakpoint
CREATE TABLE `learning_paths` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`slug` varchar(128) NOT NULL,
	`title` varchar(191) NOT NULL,
	`summary` text NOT NULL,
	`status` enum('draft','published') NOT NULL DEFAULT 'draft',
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `learning_paths_id` PRIMARY KEY(`id`),
	CONSTRAINT `learning_paths_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `dedupe_key` varchar(120);--> statement-breakpoint
ALTER TABLE `notifications` ADD `in_app` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_user_dedupe_uq` UNIQUE(`user_id`,`dedupe_key`);--> statement-breakpoint
ALTER TABLE `notification_preferences` ADD CONSTRAINT `notification_preferences_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `course_updates` ADD CONSTRAINT `course_updates_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follows` ADD CONSTRAINT `follows_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `learning_path_courses` ADD CONSTRAINT `learning_path_courses_path_id_learning_paths_id_fk` FOREIGN KEY (`path_id`) REFERENCES `learning_paths`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `learning_path_courses` ADD CONSTRAINT `learning_path_courses_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `course_updates_course_idx` ON `course_updates` (`course_id`,`id`);--> statement-breakpoint
CREATE INDEX `course_updates_pending_idx` ON `course_updates` (`done_at`,`id`);--> statement-breakpoint
CREATE INDEX `follows_target_user_idx` ON `follows` (`target_type`,`target_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `learning_path_courses_course_idx` ON `learning_path_courses` (`course_id`,`path_id`);--> statement-breakpoint
CREATE INDEX `learning_paths_status_idx` ON `learning_paths` (`status`,`id`);