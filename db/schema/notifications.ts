// The notification centre: what the product told each learner (an order paid, a membership ending), stored
// before it is pushed live through the real-time gateway, so a learner who was not connected reads it later.
// Written only by lib/notifications. Each learner's channel preferences per kind sit beside them.
import { boolean, index, json, mysqlTable, primaryKey, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";
import { users } from "./identity";

export const notifications = mysqlTable(
  "notifications",
  {
    id: id(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What happened (`order.paid`, `membership.ending`, ...); the list renders its text from the kind. */
    kind: varchar("kind", { length: 40 }).notNull(),
    /** The facts the text is written from (an order number, an amount, a date), never rendered HTML. */
    data: json("data").$type<Record<string, unknown>>().notNull(),
    readAt: timestamp("read_at"),
    /**
     * What makes this notification once per learner (`order.paid:<orderNo>`, `course.updated:<update id>`):
     * a second notify() with the same key is a no-op, so retries, replays and resumed fan-outs never double it.
     */
    dedupeKey: varchar("dedupe_key", { length: 120 }),
    /** Shown in the bell and the list. False when the learner turned in-app off for the kind (email/SMS only). */
    inApp: boolean("in_app").notNull().default(true),
    createdAt: createdAt(),
  },
  // Newest first per learner, and the unread count, each from its own index.
  (t) => [
    index("notifications_user_id_idx").on(t.userId, t.id),
    index("notifications_user_unread_idx").on(t.userId, t.readAt),
    uniqueIndex("notifications_user_dedupe_uq").on(t.userId, t.dedupeKey),
  ],
);

/** A learner's choice of channels for one kind; kinds without a row use the kind's defaults (lib/notifications/kinds.ts). */
export const notificationPreferences = mysqlTable(
  "notification_preferences",
  {
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 40 }).notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    sms: boolean("sms").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
