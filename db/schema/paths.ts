// Learning paths (an ordered list of courses an admin composes), what learners follow (a path or a course),
// and the course updates whose followers are told in batches (lib/paths/fanout.ts). Written only by lib/paths.
import { index, int, mysqlEnum, mysqlTable, primaryKey, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { courses } from "./catalogue";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";
import { users } from "./identity";

export const learningPathStatuses = ["draft", "published"] as const;

export const learningPaths = mysqlTable(
  "learning_paths",
  {
    id: id(),
    slug: varchar("slug", { length: 128 }).notNull(),
    title: varchar("title", { length: 191 }).notNull(),
    /** Plain text, shown as paragraphs. */
    summary: text("summary").notNull(),
    status: mysqlEnum("status", learningPathStatuses).notNull().default("draft"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("learning_paths_slug_uq").on(t.slug), index("learning_paths_status_idx").on(t.status, t.id)],
);

export const learningPathCourses = mysqlTable(
  "learning_path_courses",
  {
    pathId: idRef("path_id")
      .notNull()
      .references(() => learningPaths.id, { onDelete: "cascade" }),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** 1..n within the path. */
    position: int("position").notNull(),
  },
  // "Which paths contain this course" for the fan-out comes from the second index.
  (t) => [primaryKey({ columns: [t.pathId, t.courseId] }), index("learning_path_courses_course_idx").on(t.courseId, t.pathId)],
);

export const followTargets = ["course", "path"] as const;

export const follows = mysqlTable(
  "follows",
  {
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: mysqlEnum("target_type", followTargets).notNull(),
    /** A course id or a learning path id (no foreign key: two possible tables; lib/paths removes follows of deleted paths). */
    targetId: idRef("target_id").notNull(),
    createdAt: createdAt(),
  },
  // The primary key lists a learner's follows; the index pages a target's followers in user id order (keyset).
  (t) => [primaryKey({ columns: [t.userId, t.targetType, t.targetId] }), index("follows_target_user_idx").on(t.targetType, t.targetId, t.userId)],
);

/**
 * A course that gained published lessons, and how far telling its followers has come: `cursorUserId` is the
 * last follower id notified (followers are paged in user id order), moved in the same transaction as each
 * batch's notifications, so a crashed worker's successor resumes after the last committed batch.
 */
export const courseUpdates = mysqlTable(
  "course_updates",
  {
    id: id(),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    newLessons: int("new_lessons", { unsigned: true }).notNull(),
    cursorUserId: idRef("cursor_user_id").notNull().default(0),
    notified: int("notified", { unsigned: true }).notNull().default(0),
    batches: int("batches", { unsigned: true }).notNull().default(0),
    doneAt: timestamp("done_at"),
    createdAt: createdAt(),
  },
  (t) => [index("course_updates_course_idx").on(t.courseId, t.id), index("course_updates_pending_idx").on(t.doneAt, t.id)],
);
