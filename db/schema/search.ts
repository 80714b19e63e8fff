// The search index kept by lib/search: one row per course, holding the course's words already segmented
// (Chinese by jieba, every word encoded so MariaDB's default tokenizer settings keep it; see
// lib/search/tokens.ts). The FULLTEXT indexes over these columns are created by the migration itself
// (drizzle-kit cannot declare FULLTEXT): ft_title, ft_meta, ft_body and ft_all (all three columns).
import { mediumtext, mysqlTable, text } from "drizzle-orm/mysql-core";
import { idRef, timestamp } from "./columns";
import { courses } from "./catalogue";

export const searchDocuments = mysqlTable("search_documents", {
  courseId: idRef("course_id")
    .primaryKey()
    .references(() => courses.id, { onDelete: "cascade" }),
  /** Encoded words of the title. */
  titleTerms: text("title_terms").notNull(),
  /** Encoded words of the subtitle, the teacher's name, the tags and the category names. */
  metaTerms: text("meta_terms").notNull(),
  /** Encoded words of the description's text. */
  bodyTerms: mediumtext("body_terms").notNull(),
  /** The description as plain text (HTML stripped), for result snippets. */
  bodyText: mediumtext("body_text").notNull(),
  indexedAt: timestamp("indexed_at").notNull(),
});
