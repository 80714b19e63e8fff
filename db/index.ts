// The one drizzle client of the process, over one mysql2 pool. In development the pool is kept on globalThis so
// hot reloads do not open a new pool each time.
import "server-only";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { env } from "@/lib/config/env";
import * as schema from "./schema";

export type Database = MySql2Database<typeof schema>;

export function createPool(databaseUrl: string, connectionLimit: number): mysql.Pool {
  return mysql.createPool({
    uri: databaseUrl,
    connectionLimit,
    // Fail fast when the database is unreachable instead of leaving requests hanging; the pool opens fresh
    // connections once it is back.
    connectTimeout: 5_000,
    enableKeepAlive: true,
    idleTimeout: 60_000,
    maxIdle: Math.min(connectionLimit, 5),
    timezone: "Z",
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: "utf8mb4_unicode_ci",
  });
}

type Holder = { pool?: mysql.Pool; db?: Database };
const holder = globalThis as unknown as { __xuefuDb?: Holder };

function state(): Holder {
  holder.__xuefuDb ??= {};
  return holder.__xuefuDb;
}

export function pool(): mysql.Pool {
  const s = state();
  s.pool ??= createPool(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return s.pool;
}

export function db(): Database {
  const s = state();
  s.db ??= drizzle({ client: pool(), schema, mode: "default", casing: "snake_case" });
  return s.db;
}

/** Closes the pool; used by scripts and tests that must exit cleanly. */
export async function closeDb(): Promise<void> {
  const s = state();
  const p = s.pool;
  s.pool = undefined;
  s.db = undefined;
  await p?.end();
}

export { schema };
