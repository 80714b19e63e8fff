CREATE TABLE `user_identities` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`provider` enum('qq','wechat','weibo') NOT NULL,
	`provider_user_id` varchar(128) NOT NULL,
	`union_id` varchar(128),
	`display_name` varchar(64) NOT NULL,
	`avatar_url` varchar(512),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `user_identities_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_identities_provider_uq` UNIQUE(`provider`,`provider_user_id`)
);
--> statement-breakpoint
ALTER TABLE `user_identities` ADD CONSTRAINT `user_identities_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `user_identities_user_idx` ON `user_identities` (`user_id`);