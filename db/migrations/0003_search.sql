CREATE TABLE `search_documents` (
	`course_id` bigint unsigned NOT NULL,
	`title_terms` text NOT NULL,
	`meta_terms` text NOT NULL,
	`body_terms` mediumtext NOT NULL,
	`body_text` mediumtext NOT NULL,
	`indexed_at` datetime(3) NOT NULL,
	CONSTRAINT `search_documents_course_id` PRIMARY KEY(`course_id`)
);
--> statement-breakpoint
ALTER TABLE `search_documents` ADD CONSTRAINT `search_documents_course_id_courses_id_fk` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- FULLTEXT indexes, which drizzle-kit cannot declare (see db/schema/search.ts). The words are pre-segmented
-- and encoded by lib/search, so the server's default tokenizer settings (innodb_ft_min_token_size = 3, the
-- stopword list) never drop any of them.
CREATE FULLTEXT INDEX `search_documents_ft_title` ON `search_documents` (`title_terms`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `search_documents_ft_meta` ON `search_documents` (`meta_terms`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `search_documents_ft_body` ON `search_documents` (`body_terms`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `search_documents_ft_all` ON `search_documents` (`title_terms`, `meta_terms`, `body_terms`);
