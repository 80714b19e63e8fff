import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db, pool } from "./index";
import { runMigrations } from "./migrate";

afterAll(async () => {
  await closeDb();
});

describe("runMigrations", () => {
  it("can run from several processes at once and applies each migration once", async () => {
    const [before] = (await db().execute(sql`SELECT COUNT(*) AS n FROM __drizzle_migrations`)) as unknown as [Array<{ n: number | string }>];
    await Promise.all([runMigrations(db(), pool()), runMigrations(db(), pool()), runMigrations(db(), pool())]);
    const [after] = (await db().execute(sql`SELECT COUNT(*) AS n FROM __drizzle_migrations`)) as unknown as [Array<{ n: number | string }>];
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
    expect(Number(after[0]?.n)).toBeGreaterThan(0);
  });

  it("stores text as utf8mb4 so Chinese and emoji survive", async () => {
    const [rows] = (await db().execute(
      sql`SELECT DEFAULT_CHARACTER_SET_NAME AS cs FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()`,
    )) as unknown as [Array<{ cs: string }>];
    expect(rows[0]?.cs).toBe("utf8mb4");
  });
});
