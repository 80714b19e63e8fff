// Applies the drizzle-kit migrations in db/migrations. Several web instances may start at once, so the run is
// serialised with a MySQL named lock held on a connection of its own. The admin permission list is synced
// from the code under the same lock (lib/rbac/sync.ts).
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
      // The permission list is part of the schema of access: keep it in step with the code it protects.
      const { syncResources } = await import("@/lib/rbac/sync");
      const synced = await syncResources(database);
      if (synced.added + synced.updated + synced.removed > 0) {
        const { invalidatePermissions } = await import("@/lib/rbac/permissions");
        await invalidatePermissions().catch(() => undefined);
      }
    } finally {
      await lockConn.query("SELECT RELEASE_LOCK('xuefu:migrate')");
    }
  } finally {
    lockConn.release();
  }
}
