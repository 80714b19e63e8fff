// Who is enrolled in what, and how far each learner has got.
import { index, int, mysqlEnum, mysqlTable, primaryKey, tinyint, uniqueIndex } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";
import { courses, lessons } from "./catalogue";
import { users } from "./identity";

export const enrolmentSources = ["purchase", "membership", "free", "grant"] as const;

export const enrolments = mysqlTable(
  "enrolments",
  {
    id: id(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    source: mysqlEnum("source", enrolmentSources).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("enrolments_user_course_uq").on(t.userId, t.courseId), index("enrolments_course_created_idx").on(t.courseId, t.createdAt)],
);

export const lessonProgress = mysqlTable(
  "lesson_progress",
  {
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: idRef("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** Last playback position for video lessons. */
    positionSeconds: int("position_seconds", { unsigned: true }).notNull().default(0),
    /** How far through the lesson the learner has got (video watched, article scrolled), 0-100; never falls. */
    percent: tinyint("percent", { unsigned: true }).notNull().default(0),
    completedAt: timestamp("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index("lesson_progress_user_course_idx").on(t.userId, t.courseId),
    index("lesson_progress_completed_idx").on(t.completedAt),
  ],
);

export const pointReasons = ["lesson_completed", "course_completed", "membership_bonus"] as const;

/**
 * Learning points, one row per award. The unique key makes an award happen once however often its event
 * arrives; leaderboards (Redis sorted sets) are rebuilt from this table.
 */
export const pointsLedger = mysqlTable(
  "points_ledger",
  {
    id: id(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: mysqlEnum("reason", pointReasons).notNull(),
    /** The lesson or course the points were earned on; for a membership bonus, the term's month (lib/memberships/bonus.ts). */
    refId: idRef("ref_id").notNull(),
    points: int("points", { unsigned: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("points_ledger_award_uq").on(t.userId, t.reason, t.refId),
    index("points_ledger_created_idx").on(t.createdAt),
    index("points_ledger_user_created_idx").on(t.userId, t.createdAt),
  ],
);
