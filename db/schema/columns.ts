// Column helpers shared by every table, so ids, money and timestamps look the same everywhere.
import { bigint, datetime } from "drizzle-orm/mysql-core";

/** An unsigned BIGINT foreign key. Row ids stay below 2^53, so they are numbers in JavaScript. */
export const idRef = (name: string) => bigint(name, { mode: "number", unsigned: true });

/** Money is always an integer number of fen (1 yuan = 100 fen). */
export const fen = (name: string) => bigint(name, { mode: "number", unsigned: true });

/** Millisecond UTC timestamps, set from the application so the server's time zone never matters. */
export const timestamp = (name: string) => datetime(name, { mode: "date", fsp: 3 });

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  timestamp("updated_at")
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

/** Auto-increment BIGINT UNSIGNED primary key (drizzle's `serial` emits SQL MariaDB rejects). */
export const id = () => bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey();
