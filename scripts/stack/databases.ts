// MariaDB primary and replica, and Redis with Sentinel, for the stack: data directories made once, the
// application and replication accounts on the primary, and the replica following the primary by GTID.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { redisPing } from "../local/redis";
import { waitFor } from "../local/proc";
import { redisConfs } from "./processes";
import { dirs, mysqlSocket, primaryUrl, replicaUrl, stackProfile, topology, type Stack } from "./topology";

const osUser = () => os.userInfo().username;
const quote = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Data directories and configuration files that must exist before Supervisor starts the databases. */
export function prepareDataDirs(log: (msg: string) => void): void {
  for (const dir of [dirs.root, dirs.run, dirs.log, dirs.redis, dirs.nginx, dirs.uploads]) fs.mkdirSync(dir, { recursive: true });
  for (const dataDir of [dirs.mysqlPrimary, dirs.mysqlReplica]) {
    if (fs.existsSync(path.join(dataDir, "mysql"))) continue;
    log(`Creating a MariaDB data directory in ${path.relative(process.cwd(), dataDir)} ...`);
    fs.mkdirSync(dataDir, { recursive: true });
    execFileSync("mariadb-install-db", ["--no-defaults", `--datadir=${dataDir}`, `--user=${osUser()}`, "--auth-root-authentication-method=socket", "--skip-test-db"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  }
  // Redis and Sentinel rewrite their own files after a failover; written once, so that knowledge survives.
  for (const [name, text] of Object.entries(redisConfs())) {
    const file = path.join(dirs.redis, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, text + "\n");
  }
}

export function adminSql(role: "primary" | "replica", sql: string, opts: { vertical?: boolean } = {}): string {
  const format = opts.vertical ? ["--vertical"] : ["--batch", "--skip-column-names"];
  return execFileSync("mariadb", ["--no-defaults", `--socket=${mysqlSocket(role)}`, "-u", osUser(), ...format, "-e", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const answers = (role: "primary" | "replica") => async () => fs.existsSync(mysqlSocket(role)) && adminSql(role, "SELECT 1").trim() === "1";

/**
 * The application's database and account and the replica's account, made on the primary (and so, through the
 * binary log, on the replica too); then the replica is pointed at the primary, once.
 */
export async function prepareMariadb(s: Stack, log: (msg: string) => void): Promise<void> {
  await waitFor("MariaDB primary", answers("primary"), 60_000, path.join(dirs.log, "mysql-primary.err"));
  await waitFor("MariaDB replica", answers("replica"), 60_000, path.join(dirs.log, "mysql-replica.err"));
  const p = stackProfile;
  const statements = [
    `CREATE DATABASE IF NOT EXISTS \`${p.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
    ...["127.0.0.1", "localhost"].flatMap((host) => [
      `CREATE USER IF NOT EXISTS '${p.dbUser}'@'${host}' IDENTIFIED BY ${quote(s.local.mysqlPassword)};`,
      `GRANT ALL PRIVILEGES ON \`${p.database}\`.* TO '${p.dbUser}'@'${host}';`,
    ]),
    `CREATE USER IF NOT EXISTS 'replicator'@'127.0.0.1' IDENTIFIED BY ${quote(s.stack.replicationPassword)};`,
    `GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'127.0.0.1';`,
  ];
  adminSql("primary", statements.join("\n"));

  const status = adminSql("replica", "SHOW SLAVE STATUS", { vertical: true });
  if (!status.includes("Master_Host")) {
    log(`Pointing the MariaDB replica (:${topology.mysql.replica}) at the primary (:${topology.mysql.primary}) by GTID ...`);
    adminSql(
      "replica",
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${topology.mysql.primary}, MASTER_USER='replicator', ` +
        `MASTER_PASSWORD=${quote(s.stack.replicationPassword)}, MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE;`,
    );
  } else if (!/Slave_IO_Running:\s*Yes/.test(status)) {
    adminSql("replica", "START SLAVE;");
  }
  await waitFor("the application's account on the replica", async () => {
    const conn = await mysql.createConnection({ uri: replicaUrl(s), connectTimeout: 1000 });
    await conn.end();
    return true;
  }, 30_000);
  await waitFor("the application's account on the primary", async () => {
    const conn = await mysql.createConnection({ uri: primaryUrl(s), connectTimeout: 1000 });
    await conn.end();
    return true;
  }, 10_000);
}

export interface ReplicaState {
  io: boolean;
  sql: boolean;
  lagSeconds: number | null;
  gtid: string;
}

export function replicaState(): ReplicaState {
  const status = adminSql("replica", "SHOW SLAVE STATUS", { vertical: true });
  const field = (name: string) => new RegExp(`\\b${name}:\\s*(.*)`).exec(status)?.[1]?.trim() ?? "";
  const lag = field("Seconds_Behind_Master");
  return { io: field("Slave_IO_Running") === "Yes", sql: field("Slave_SQL_Running") === "Yes", lagSeconds: lag === "NULL" || lag === "" ? null : Number(lag), gtid: field("Gtid_IO_Pos") };
}

/** Asks a Sentinel which Redis is the master now. */
export async function currentRedisMaster(): Promise<{ host: string; port: number } | null> {
  const { Redis } = await import("ioredis");
  for (const port of topology.sentinelPorts) {
    const sentinel = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
    try {
      await sentinel.connect();
      const answer = (await sentinel.call("SENTINEL", "get-master-addr-by-name", topology.sentinelMaster)) as [string, string] | null;
      if (answer) return { host: answer[0], port: Number(answer[1]) };
    } catch {
      // Ask the next Sentinel.
    } finally {
      sentinel.disconnect();
    }
  }
  return null;
}

export async function waitForRedis(): Promise<void> {
  await waitFor("Redis", () => redisPing(topology.redis.master), 20_000, path.join(dirs.log, "redis-1.log"));
  await waitFor("Redis replica", () => redisPing(topology.redis.replica), 20_000, path.join(dirs.log, "redis-2.log"));
  await waitFor("Redis Sentinel", async () => (await currentRedisMaster()) !== null, 20_000, path.join(dirs.log, "sentinel-1.log"));
}
