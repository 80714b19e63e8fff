CREATE TABLE `video_assets` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`lesson_id` bigint unsigned,
	`status` enum('uploaded','transcoding','ready','failed') NOT NULL,
	`progress` tinyint unsigned NOT NULL DEFAULT 0,
	`error` varchar(255),
	`provider` varchar(16) NOT NULL DEFAULT 'local',
	`external_id` varchar(64),
	`source_key` varchar(128),
	`source_name` varchar(255) NOT NULL DEFAULT '',
	`source_bytes` bigint unsigned NOT NULL DEFAULT 0,
	`dir` varchar(64),
	`duration_seconds` int unsigned NOT NULL DEFAULT 0,
	`width` int unsigned NOT NULL DEFAULT 0,
	`height` int unsigned NOT NULL DEFAULT 0,
	`renditions` json NOT NULL,
	`captions` json,
	`created_by` bigint unsigned,
	`ready_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `video_assets_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `lessons` ADD `body` mediumtext;--> statement-breakpoint
ALTER TABLE `lessons` ADD `video_asset_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `video_assets` ADD CONSTRAINT `video_assets_lesson_id_lessons_id_fk` FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `video_assets` ADD CONSTRAINT `video_assets_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `video_assets_lesson_idx` ON `video_assets` (`lesson_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `video_assets_status_idx` ON `video_assets` (`status`,`updated_at`);