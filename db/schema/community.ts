// What learners write about courses and lessons, and how staff keep it civil: course reviews with helpful
// votes and the teacher's reply (written only by lib/reviews), lesson questions and answers (lib/qa), and the
// moderators' word list, reports and mutes (lib/moderation). Text is stored as typed (plain text, never HTML)
// and escaped when rendered.
import { boolean, check, index, int, mysqlEnum, mysqlTable, primaryKey, text, tinyint, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { sql } from "drizzle-orm";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";
import { courses, lessons } from "./catalogue";
import { users } from "./identity";

/**
 * published: shown and counted in the course's rating; held: a listed word was found, waiting for a moderator;
 * hidden: a moderator took it down (restorable); deleted: a moderator removed it for good.
 */
export const postStatuses = ["published", "held", "hidden", "deleted"] as const;

export const reviews = mysqlTable(
  "reviews",
  {
    id: id(),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: tinyint("rating", { unsigned: true }).notNull(),
    body: text("body").notNull(),
    status: mysqlEnum("status", postStatuses).notNull().default("published"),
    /** Kept in step with review_votes by lib/reviews, so "most helpful" sorts from the index. */
    helpfulCount: int("helpful_count", { unsigned: true }).notNull().default(0),
    /** The course teacher's public answer. */
    replyBody: text("reply_body"),
    replyUserId: idRef("reply_user_id").references(() => users.id, { onDelete: "set null" }),
    repliedAt: timestamp("replied_at"),
    editedAt: timestamp("edited_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reviews_course_user_uq").on(t.courseId, t.userId),
    index("reviews_course_newest_idx").on(t.courseId, t.status, t.createdAt, t.id),
    index("reviews_course_helpful_idx").on(t.courseId, t.status, t.helpfulCount, t.id),
    index("reviews_course_rating_idx").on(t.courseId, t.status, t.rating),
    index("reviews_status_idx").on(t.status, t.id),
    check("reviews_rating_range", sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);

export const reviewVotes = mysqlTable(
  "review_votes",
  {
    reviewId: idRef("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("review_votes_user_idx").on(t.userId)],
);

export const lessonPostKinds = ["question", "answer"] as const;

/**
 * Questions under a lesson and the answers in their threads. A question is its own root; an answer names its
 * question (`rootId`) and what it answers (`parentId`: the question or another answer, two levels at most).
 */
export const lessonPosts = mysqlTable(
  "lesson_posts",
  {
    id: id(),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: idRef("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: mysqlEnum("kind", lessonPostKinds).notNull(),
    /** The question this belongs to; null on the question itself. */
    rootId: idRef("root_id"),
    parentId: idRef("parent_id"),
    depth: tinyint("depth", { unsigned: true }).notNull().default(0),
    body: text("body").notNull(),
    status: mysqlEnum("status", postStatuses).notNull().default("published"),
    /** Written by the course's teacher or staff: shown marked. */
    byStaff: boolean("by_staff").notNull().default(false),
    /** On a question: the answer its asker (or the teacher) accepted. */
    acceptedAnswerId: idRef("accepted_answer_id"),
    answerCount: int("answer_count", { unsigned: true }).notNull().default(0),
    editedAt: timestamp("edited_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // The lesson's questions, newest first, one page at a time by keyset (id < last id): one index range.
    index("lesson_posts_lesson_page_idx").on(t.lessonId, t.kind, t.status, t.id),
    index("lesson_posts_thread_idx").on(t.rootId, t.id),
    index("lesson_posts_status_idx").on(t.status, t.id),
  ],
);

/** The admins' own sensitive words, screened together with the built-in list (lib/moderation/words.ts). */
export const moderationWords = mysqlTable(
  "moderation_words",
  {
    id: id(),
    word: varchar("word", { length: 64 }).notNull(),
    createdBy: idRef("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("moderation_words_word_uq").on(t.word)],
);

export const reportTargets = ["review", "post"] as const;

/** A learner flagged a review or post; open until a moderator decides on the item. */
export const contentReports = mysqlTable(
  "content_reports",
  {
    id: id(),
    targetType: mysqlEnum("target_type", reportTargets).notNull(),
    targetId: idRef("target_id").notNull(),
    reporterId: idRef("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: varchar("reason", { length: 255 }).notNull().default(""),
    resolvedAt: timestamp("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("content_reports_once_uq").on(t.targetType, t.targetId, t.reporterId), index("content_reports_open_idx").on(t.resolvedAt, t.targetType, t.targetId)],
);

/** Authors a moderator silenced: they cannot review, ask or answer until `until`. */
export const userMutes = mysqlTable("user_mutes", {
  userId: idRef("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  until: timestamp("until").notNull(),
  reason: varchar("reason", { length: 255 }).notNull().default(""),
  createdBy: idRef("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
