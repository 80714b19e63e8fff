// A private MariaDB server for one profile: data under <profile>/mysql, listening on 127.0.0.1 only, on its
// own port, administered through its own Unix socket.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { assertPortFree, isAlive, readPid, stopPid, waitFor } from "./proc";
import { portVar, type Profile } from "./profile";
import type { LocalSecrets } from "./secrets";

const files = (p: Profile) => ({
  socket: path.join(p.runDir, "mysqld.sock"),
  pid: path.join(p.runDir, "mysqld.pid"),
  errorLog: path.join(p.logDir, "mysqld.err"),
});

export const mariadbUrl = (p: Profile, s: LocalSecrets) =>
  `mysql://${p.dbUser}:${encodeURIComponent(s.mysqlPassword)}@127.0.0.1:${p.mysqlPort}/${p.database}`;

const osUser = () => os.userInfo().username;

function initialise(p: Profile, log: (msg: string) => void): void {
  if (fs.existsSync(path.join(p.mysqlDir, "mysql"))) return;
  log(`Creating a private MariaDB data directory in ${path.relative(process.cwd(), p.mysqlDir) || p.mysqlDir} ...`);
  fs.mkdirSync(p.mysqlDir, { recursive: true });
  execFileSync(
    "mariadb-install-db",
    ["--no-defaults", `--datadir=${p.mysqlDir}`, `--user=${osUser()}`, "--auth-root-authentication-method=socket", "--skip-test-db"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
}

async function accepts(p: Profile, s: LocalSecrets): Promise<boolean> {
  const conn = await mysql.createConnection({ uri: mariadbUrl(p, s), connectTimeout: 1000 });
  await conn.end();
  return true;
}

export async function mariadbRunning(p: Profile): Promise<boolean> {
  return isAlive(readPid(files(p).pid));
}

/** Runs SQL as the server's administrator, over the private socket (authenticated as the OS user). */
export function adminSql(p: Profile, sql: string): string {
  return execFileSync("mariadb", ["--no-defaults", `--socket=${files(p).socket}`, "-u", osUser(), "--batch", "--skip-column-names", "-e", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const quote = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Creates the database and the application user, and keeps the user's password in step with .data/. */
function bootstrap(p: Profile, s: LocalSecrets): void {
  const grants = ["127.0.0.1", "localhost"].flatMap((host) => {
    const who = `'${p.dbUser}'@'${host}'`;
    return [
      `CREATE USER IF NOT EXISTS ${who} IDENTIFIED BY ${quote(s.mysqlPassword)};`,
      `ALTER USER ${who} IDENTIFIED BY ${quote(s.mysqlPassword)};`,
      `GRANT ALL PRIVILEGES ON \`${p.database}\`.* TO ${who};`,
    ];
  });
  adminSql(p, [`CREATE DATABASE IF NOT EXISTS \`${p.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`, ...grants].join("\n"));
}

export async function startMariadb(p: Profile, s: LocalSecrets, log: (msg: string) => void): Promise<void> {
  const f = files(p);
  fs.mkdirSync(p.runDir, { recursive: true });
  fs.mkdirSync(p.logDir, { recursive: true });
  if (!(await mariadbRunning(p))) {
    await assertPortFree(p.mysqlPort, "the private MariaDB", portVar(p.name, "MYSQL_PORT"));
    initialise(p, log);
    const args = [
      "--no-defaults",
      `--datadir=${p.mysqlDir}`,
      `--socket=${f.socket}`,
      `--pid-file=${f.pid}`,
      `--log-error=${f.errorLog}`,
      `--port=${p.mysqlPort}`,
      "--bind-address=127.0.0.1",
      `--user=${osUser()}`,
      "--skip-name-resolve",
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
      "--default-time-zone=+00:00",
      "--innodb-buffer-pool-size=256M",
      "--max-connections=500",
      // Test data is thrown away after each run: trade durability for speed there.
      ...(p.name === "test" ? ["--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--sync-binlog=0"] : []),
    ];
    const child = spawn("/usr/sbin/mariadbd", args, { detached: true, stdio: "ignore" });
    child.unref();
    log(`Starting MariaDB on 127.0.0.1:${p.mysqlPort} ...`);
    await waitFor("MariaDB", async () => fs.existsSync(f.socket) && adminSql(p, "SELECT 1").trim() === "1", 60_000, f.errorLog);
  }
  bootstrap(p, s);
  await waitFor("MariaDB application user", () => accepts(p, s), 10_000, f.errorLog);
}

export async function stopMariadb(p: Profile): Promise<boolean> {
  const pid = readPid(files(p).pid);
  if (!isAlive(pid)) return false;
  await stopPid(pid, 60_000);
  return true;
}

/** Drops and recreates the profile's database (tests start from an empty schema). */
export function recreateDatabase(p: Profile): void {
  if (p.name !== "test") throw new Error("Only the test database is ever recreated.");
  adminSql(p, `DROP DATABASE IF EXISTS \`${p.database}\`; CREATE DATABASE \`${p.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`);
}
