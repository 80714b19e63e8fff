CREATE TABLE `live_announcements` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`lesson_id` bigint unsigned NOT NULL,
	`author_id` bigint unsigned,
	`body` varchar(500) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `live_announcements_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `live_messages` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`lesson_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`user_name` varchar(64) NOT NULL,
	`body` varchar(500) NOT NULL,
	`deleted_at` datetime(3),
	`deleted_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `live_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `live_reminders` (
	`lesson_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `live_reminders_lesson_id_user_id_pk` PRIMARY KEY(`lesson_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `live_sessions` (
	`lesson_id` bigint unsigned NOT NULL,
	`teacher_id` bigint unsigned,
	`starts_at` datetime(3) NOT NULL,
	`planned_minutes` int unsigned NOT NULL,
	`stream_url` varchar(500) NOT NULL,
	`recording_url` varchar(500),
	`status` enum('scheduled','live','ended','cancelled') NOT NULL DEFAULT 'scheduled',
	`reminded_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `live_sessions_lesson_id` PRIMARY KEY(`lesson_id`)
);
--> statement-breakpoint
ALTER TABLE `live_announcements` ADD CONSTRAINT `live_announcements_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_announcements` ADD CONSTRAINT `live_announcements_author_id_users_id_fk` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_messages` ADD CONSTRAINT `live_messages_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_messages` ADD CONSTRAINT `live_messages_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_messages` ADD CONSTRAINT `live_messages_deleted_by_users_id_fk` FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_reminders` ADD CONSTRAINT `live_reminders_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_reminders` ADD CONSTRAINT `live_reminders_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_sessions` ADD CONSTRAINT `live_sessions_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `live_sessions` ADD CONSTRAINT `live_sessions_teacher_id_teachers_id_fk` FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `live_announcements_lesson_idx` ON `live_announcements` (`lesson_id`,`id`);--> statement-breakpoint
CREATE INDEX `live_messages_lesson_idx` ON `live_messages` (`lesson_id`,`id`);--> statement-breakpoint
CREATE INDEX `live_sessions_status_starts_idx` ON `live_sessions` (`status`,`starts_at`);