// The notification centre: what the product told each learner (an order paid, a membership ending), stored
// before it is pushed live through the real-time gateway, so a learner who was not connected reads it later.
// Written only by lib/notifications.
import { index, json, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, timestamp } from "./columns";
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
    createdAt: createdAt(),
  },
  // Newest first per learner, and the unread count, each from its own index.
  (t) => [index("notifications_user_id_idx").on(t.userId, t.id), index("notifications_user_unread_idx").on(t.userId, t.readAt)],
);
