// Applies the drizzle-kit migrations in db/migrations. Several web instances may start at once, so the run is
// serialised with a MySQL named lock held on a connection of its own.
import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/mysql2/migrator";
import type mysql from "mysql2/promise";
import type { Database } from "./index";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function runMigrations(database: Database, pool: mysql.Pool): Promise<void> {
  const lockConn = await pool.getConnection();
  try {
    const [rows] = await lockConn.query("SELECT GET_LOCK('xuefu:migrate', 120) AS got");
    if ((rows as Array<{ got: number | null }>)[0]?.got !== 1) {
      throw new Error("Another process has held the migration lock for 2 minutes; is a migration stuck?");
    }
    try {
      await migrate(database, { migrationsFolder });
    } finally {
      await lockConn.query("SELECT RELEASE_LOCK('xuefu:migrate')");
    }
  } finally {
    lockConn.release();
  }
}
