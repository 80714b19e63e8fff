CREATE TABLE `content_reports` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`target_type` enum('review','post') NOT NULL,
	`target_id` bigint unsigned NOT NULL,
	`reporter_id` bigint unsigned NOT NULL,
	`reason` varchar(255) NOT NULL DEFAULT '',
	`resolved_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `content_reports_id` PRIMARY KEY(`id`),
	CONSTRAINT `content_reports_once_uq` UNIQUE(`target_type`,`target_id`,`reporter_id`)
);
--> statement-breakpoint
CREATE TABLE `lesson_posts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`course_id` bigint unsigned NOT NULL,
	`lesson_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`kind` enum('question','answer') NOT NULL,
	`root_id` bigint unsigned,
	`parent_id` bigint unsigned,
	`depth` tinyint unsigned NOT NULL DEFAULT 0,
	`body` text NOT NULL,
	`status` enum('published','held','hidden','deleted') NOT NULL DEFAULT 'published',
	`by_staff` boolean NOT NULL DEFAULT false,
	`accepted_answer_id` bigint unsigned,
	`answer_count` int unsigned NOT NULL DEFAULT 0,
	`edited_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `lesson_posts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `moderation_words` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`word` varchar(64) NOT NULL,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `moderation_words_id` PRIMARY KEY(`id`),
	CONSTRAINT `moderation_words_word_uq` UNIQUE(`word`)
);
--> statement-breakpoint
CREATE TABLE `review_votes` (
	`review_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `review_votes_review_id_user_id_pk` PRIMARY KEY(`review_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`course_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`rating` tinyint unsigned NOT NULL,
	`body` text NOT NULL,
	`status` enum('published','held','hidden','deleted') NOT NULL DEFAULT 'published',
	`helpful_count` int unsigned NOT NULL DEFAULT 0,
	`reply_body` text,
	`reply_user_id` bigint unsigned,
	`replied_at` datetime(3),
	`edited_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `reviews_id` PRIMARY KEY(`id`),
	CONSTRAINT `reviews_course_user_uq` UNIQUE(`course_id`,`user_id`),
	CONSTRAINT `reviews_rating_range` CHECK(`rating` BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE `user_mutes` (
	`user_id` bigint unsigned NOT NULL,
	`until` datetime(3) NOT NULL,
	`reason` varchar(255) NOT NULL DEFAULT '',
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `user_mutes_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
ALTER TABLE `content_reports` ADD CONSTRAINT `content_reports_reporter_id_users_id_fk` FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lesson_posts` ADD CONSTRAINT `lesson_posts_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lesson_posts` ADD CONSTRAINT `lesson_posts_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lesson_posts` ADD CONSTRAINT `lesson_posts_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `moderation_words` ADD CONSTRAINT `moderation_words_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `review_votes` ADD CONSTRAINT `review_votes_review_id_reviews_id_fk` FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `review_votes` ADD CONSTRAINT `review_votes_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `reviews` ADD CONSTRAINT `reviews_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `reviews` ADD CONSTRAINT `reviews_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `reviews` ADD CONSTRAINT `reviews_reply_user_id_users_id_fk` FOREIGN KEY (`reply_user_id`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_mutes` ADD CONSTRAINT `user_mutes_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_mutes` ADD CONSTRAINT `user_mutes_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `content_reports_open_idx` ON `content_reports` (`resolved_at`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `lesson_posts_lesson_page_idx` ON `lesson_posts` (`lesson_id`,`kind`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `lesson_posts_thread_idx` ON `lesson_posts` (`root_id`,`id`);--> statement-breakpoint
CREATE INDEX `lesson_posts_status_idx` ON `lesson_posts` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `review_votes_user_idx` ON `review_votes` (`user_id`);--> statement-breakpoint
CREATE INDEX `reviews_course_newest_idx` ON `reviews` (`course_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `reviews_course_helpful_idx` ON `reviews` (`course_id`,`status`,`helpful_count`,`id`);--> statement-breakpoint
CREATE INDEX `reviews_course_rating_idx` ON `reviews` (`course_id`,`status`,`rating`);--> statement-breakpoint
CREATE INDEX `reviews_status_idx` ON `reviews` (`status`,`id`);