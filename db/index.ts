// The one drizzle client of the process, over one mysql2 pool. In development the pool is kept on globalThis so
// hot reloads do not open a new pool each time.
//
// Reads and writes: `db()` is the primary and serves everything by default: every write, every read in a request
// after a write, and every money, stock, seat, order, enrolment, session or permission decision. `replicaDb()`
// serves reads that tolerate a few seconds of replication lag, and only these (grep for replicaDb to check):
//   - the public catalogue: course lists, course pages, categories, teachers (lib/catalogue),
//   - search and its suggestions (lib/search),
//   - the names and figures shown beside the leaderboards (lib/leaderboards/read.ts; the rebuild itself writes
//     awards and then sums them, so it stays on the primary),
//   - the admin dashboards' charts and exports (lib/dashboard).
// Without DATABASE_REPLICA_URLS it is the primary. A replica that cannot be reached is skipped for a few seconds
// and its reads go to the primary (db/replicas.ts).
import "server-only";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { env } from "@/lib/config/env";
import { ReplicaPool } from "./replicas";
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

type Holder = { pool?: mysql.Pool; db?: Database; replicaPool?: ReplicaPool; replicaDb?: Database };
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

/** Reads that tolerate replication lag (see the list at the top); the primary when no replica is configured. */
export function replicaDb(): Database {
  const s = state();
  const urls = env()
    .DATABASE_REPLICA_URLS.split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length === 0) return db();
  s.replicaPool ??= new ReplicaPool(
    urls.map((url) => createPool(url, env().DATABASE_POOL_SIZE)),
    pool,
  );
  s.replicaDb ??= drizzle({ client: s.replicaPool as unknown as mysql.Pool, schema, mode: "default", casing: "snake_case" });
  return s.replicaDb;
}

/** Closes the pools; used by scripts and tests that must exit cleanly. */
export async function closeDb(): Promise<void> {
  const s = state();
  const p = s.pool;
  const r = s.replicaPool;
  s.pool = undefined;
  s.db = undefined;
  s.replicaPool = undefined;
  s.replicaDb = undefined;
  await Promise.all([p?.end(), r?.end()]);
}

export { schema };
