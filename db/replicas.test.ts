import net from "node:net";
import { drizzle } from "drizzle-orm/mysql2";
import { sql } from "drizzle-orm";
import type mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, createPool, pool } from "./index";
import { ReplicaPool } from "./replicas";

/** A port nothing listens on: connections to it are refused, like a replica that was stopped. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const opened: mysql.Pool[] = [];
afterAll(async () => {
  await Promise.all(opened.map((p) => p.end()));
  await closeDb();
});

/** A replica that was stopped, counting how often a read knocked on it. */
async function deadReplica(): Promise<{ pool: mysql.Pool; tried: () => number }> {
  const dead = createPool(process.env.DATABASE_URL!.replace(/:(\d+)\//, `:${await deadPort()}/`), 2);
  opened.push(dead);
  let tried = 0;
  const counted = new Proxy(dead, {
    get(target, key, receiver) {
      if (key === "query" || key === "execute") tried++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { pool: counted, tried: () => tried };
}

/** Which database a read ran in: the two "replicas" below differ only in their default database. */
async function servedBy(replicas: ReplicaPool): Promise<string> {
  const database = drizzle({ client: replicas as unknown as mysql.Pool, casing: "snake_case" });
  const [rows] = (await database.execute(sql`SELECT DATABASE() AS name`)) as unknown as [Array<{ name: string }>];
  return rows[0]!.name;
}

async function connectionId(replicas: ReplicaPool): Promise<number> {
  const database = drizzle({ client: replicas as unknown as mysql.Pool, casing: "snake_case" });
  const [rows] = (await database.execute(sql`SELECT CONNECTION_ID() AS id`)) as unknown as [Array<{ id: number | string }>];
  return Number(rows[0]!.id);
}

describe("reads on replicas", () => {
  it("go to the primary at once when the replica refuses connections, and leave the replica alone a while", async () => {
    const dead = await deadReplica();
    const replicas = new ReplicaPool([dead.pool], pool, 60_000);
    const first = await connectionId(replicas);
    expect(first).toBeGreaterThan(0);
    expect(dead.tried()).toBe(1);
    // Resting: the next reads do not knock on the dead replica again.
    await connectionId(replicas);
    await connectionId(replicas);
    expect(dead.tried()).toBe(1);
  });

  it("turn to the replica again once its rest is over", async () => {
    const dead = await deadReplica();
    const replicas = new ReplicaPool([dead.pool], pool, 50);
    await connectionId(replicas);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await connectionId(replicas);
    expect(dead.tried()).toBe(2);
  });

  it("are spread over healthy replicas in turn, and a query's own error is not hidden by a retry", async () => {
    const a = createPool(process.env.DATABASE_URL!, 2);
    const b = createPool(process.env.DATABASE_URL!.replace(/\/[^/?]+(\?|$)/, "/information_schema$1"), 2);
    opened.push(a, b);
    const replicas = new ReplicaPool([a, b], pool);
    const seen = new Set([await servedBy(replicas), await servedBy(replicas), await servedBy(replicas)]);
    expect(seen).toEqual(new Set([new URL(process.env.DATABASE_URL!).pathname.slice(1), "information_schema"]));

    const database = drizzle({ client: replicas as unknown as mysql.Pool, casing: "snake_case" });
    await expect(database.execute(sql`SELECT * FROM no_such_table_here`)).rejects.toThrow(/no_such_table_here/);
  });
});
