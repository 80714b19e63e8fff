CREATE TABLE `lab_definitions` (
	`lesson_id` bigint unsigned NOT NULL,
	`title` varchar(191) NOT NULL,
	`instructions` mediumtext NOT NULL,
	`setup_script` text NOT NULL,
	`check_command` text NOT NULL,
	`minutes` smallint unsigned NOT NULL DEFAULT 120,
	`memory_mb` smallint unsigned NOT NULL DEFAULT 256,
	`processes` smallint unsigned NOT NULL DEFAULT 64,
	`cpu_seconds` smallint unsigned NOT NULL DEFAULT 600,
	`disk_mb` smallint unsigned NOT NULL DEFAULT 64,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `lab_definitions_lesson_id` PRIMARY KEY(`lesson_id`)
);
--> statement-breakpoint
CREATE TABLE `lab_sessions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`lesson_id` bigint unsigned NOT NULL,
	`account` varchar(32) NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`ended_at` datetime(3),
	`end_reason` varchar(32),
	`checks_passed` int unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `lab_sessions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `lab_definitions` ADD CONSTRAINT `lab_definitions_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lab_sessions` ADD CONSTRAINT `lab_sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lab_sessions` ADD CONSTRAINT `lab_sessions_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `lab_sessions_user_idx` ON `lab_sessions` (`user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `lab_sessions_ended_idx` ON `lab_sessions` (`ended_at`);