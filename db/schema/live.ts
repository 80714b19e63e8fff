// Live classes: the schedule and stream of a lesson of kind "live", its chat, the teacher's pinned
// announcements, and who was reminded that it starts. Written only by lib/live.
import { index, int, mysqlEnum, mysqlTable, primaryKey, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";
import { lessons, teachers } from "./catalogue";
import { users } from "./identity";

/**
 * scheduled: not started yet (shown as live once its start time passes, until its planned end);
 * live: started by hand; ended: over (early, or by the clock); cancelled: will not take place.
 */
export const liveStatuses = ["scheduled", "live", "ended", "cancelled"] as const;

export const liveSessions = mysqlTable(
  "live_sessions",
  {
    lessonId: idRef("lesson_id")
      .primaryKey()
      .references(() => lessons.id, { onDelete: "cascade" }),
    teacherId: idRef("teacher_id").references(() => teachers.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at").notNull(),
    plannedMinutes: int("planned_minutes", { unsigned: true }).notNull(),
    /** The provider's HLS address (https://…/index.m3u8), or `media:<folder>` for a video stored here. */
    streamUrl: varchar("stream_url", { length: 500 }).notNull(),
    /** The recording, once there is one; same forms as the stream. */
    recordingUrl: varchar("recording_url", { length: 500 }),
    status: mysqlEnum("status", liveStatuses).notNull().default("scheduled"),
    /** When the "starts in 15 minutes" reminder run finished for this session (null: not yet). */
    remindedAt: timestamp("reminded_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("live_sessions_status_starts_idx").on(t.status, t.startsAt)],
);

export const liveMessages = mysqlTable(
  "live_messages",
  {
    id: id(),
    lessonId: idRef("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The sender's display name when they sent it. */
    userName: varchar("user_name", { length: 64 }).notNull(),
    /** Plain text after the word filter (masked); escaped wherever it is shown, never rendered as HTML. */
    body: varchar("body", { length: 500 }).notNull(),
    deletedAt: timestamp("deleted_at"),
    deletedBy: idRef("deleted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("live_messages_lesson_idx").on(t.lessonId, t.id)],
);

export const liveAnnouncements = mysqlTable(
  "live_announcements",
  {
    id: id(),
    lessonId: idRef("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    authorId: idRef("author_id").references(() => users.id, { onDelete: "set null" }),
    body: varchar("body", { length: 500 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("live_announcements_lesson_idx").on(t.lessonId, t.id)],
);

/** One row per learner told that a live lesson starts soon: the claim that makes the reminder go out once. */
export const liveReminders = mysqlTable(
  "live_reminders",
  {
    lessonId: idRef("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.userId] })],
);
