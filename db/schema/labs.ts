// Hands-on labs: what a lab lesson gives the learner (written by the course editor through lib/labs), and one
// row per lab session, kept for the audit of who had a shell when (written by the gateway through lib/labs).
import { index, int, mediumtext, mysqlTable, smallint, text, varchar } from "drizzle-orm/mysql-core";
import { id, idRef, timestamp, updatedAt } from "./columns";
import { lessons } from "./catalogue";
import { users } from "./identity";

export const labDefinitions = mysqlTable("lab_definitions", {
  lessonId: idRef("lesson_id")
    .primaryKey()
    .references(() => lessons.id, { onDelete: "cascade" }),
  title: varchar("title", { length: 191 }).notNull(),
  /** Sanitised HTML from the lesson editor, shown beside the terminal. */
  instructions: mediumtext("instructions").notNull(),
  /** Bash run in the learner's fresh home before the terminal opens (files to start from). */
  setupScript: text("setup_script").notNull(),
  /** Bash run in the learner's home on "check my work"; exit status 0 means done. */
  checkCommand: text("check_command").notNull(),
  minutes: smallint("minutes", { unsigned: true }).notNull().default(120),
  memoryMb: smallint("memory_mb", { unsigned: true }).notNull().default(256),
  processes: smallint("processes", { unsigned: true }).notNull().default(64),
  cpuSeconds: smallint("cpu_seconds", { unsigned: true }).notNull().default(600),
  diskMb: smallint("disk_mb", { unsigned: true }).notNull().default(64),
  updatedAt: updatedAt(),
});

export const labSessionEndReasons = ["closed", "idle", "time_limit", "ended_by_admin", "flood", "host_error", "gateway_stopped"] as const;

export const labSessions = mysqlTable(
  "lab_sessions",
  {
    id: id(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: idRef("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /** The lab account the session leased on the lab host. */
    account: varchar("account", { length: 32 }).notNull(),
    startedAt: timestamp("started_at")
      .notNull()
      .$defaultFn(() => new Date()),
    endedAt: timestamp("ended_at"),
    endReason: varchar("end_reason", { length: 32 }),
    checksPassed: int("checks_passed", { unsigned: true }).notNull().default(0),
  },
  (t) => [index("lab_sessions_user_idx").on(t.userId, t.startedAt), index("lab_sessions_ended_idx").on(t.endedAt)],
);
